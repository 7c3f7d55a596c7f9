import { useRef, type RefObject } from 'react';
import { download } from '../explorer/browser';
import { redoStep, runLayout, undoStep } from '../explorer/edit';
import { exportJson, exportNetworkFile, exportPng, exportReport, exportSources, exportSvg, importFile } from '../explorer/exchange';
import { place } from '../explorer/place';
import { copyLink, shareableUrl } from '../explorer/shareLink';
import { useExplorer, useExplorerState } from '../explorer/react';
import { requestViewport, update } from '../explorer/store';
import { SearchBox } from '../panels/SearchBox';
import { ImportButton } from './ImportFlow';
import { LayoutPicker, MenuButton } from '../panels/Toolbar';
import { useView } from './derived';

/** The search box and the view's tools: layout, fit, undo, export and import, console, theme, help. */
export function TopBar({ searchInput }: { searchInput: RefObject<HTMLInputElement | null> }) {
  const explorer = useExplorer();
  const view = useView();
  const canUndo = useExplorerState((state) => state.history.past.length > 0);
  const canRedo = useExplorerState((state) => state.history.future.length > 0);
  const consoleOpen = useExplorerState((state) => state.consoleOpen);
  const theme = useExplorerState((state) => state.theme);
  const importInput = useRef<HTMLInputElement>(null);
  const nodeCount = Object.keys(view.nodes).length;
  const other = theme === 'light' ? 'dark' : 'light';
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          ◉
        </span>
        <span className="brand-name">Nexo</span>
      </div>
      <div className="main-search" role="search">
        <SearchBox
          label="Search entities"
          placeholder="Search a person, organisation, place… ( / )"
          onPick={(node) => void place(explorer, [node])}
          inputRef={searchInput}
        />
      </div>
      <div className="tools" role="toolbar" aria-label="View tools">
        <LayoutPicker value={view.layout} nodeCount={nodeCount} onChange={(id) => runLayout(explorer, id)} onRerun={() => runLayout(explorer)} />
        <button type="button" onClick={() => requestViewport(explorer, { kind: 'fit' })} title="Fit the view (F)">
          Fit
        </button>
        <span className="group">
          <button type="button" onClick={() => undoStep(explorer)} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
            ↶
          </button>
          <button type="button" onClick={() => redoStep(explorer)} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
            ↷
          </button>
        </span>
        <ImportButton />
        <MenuButton
          label="Export"
          items={[
            { label: 'PNG image (full resolution)', onSelect: () => void exportPng(explorer, download), disabled: nodeCount === 0 },
            { label: 'SVG drawing', onSelect: () => exportSvg(explorer, download), disabled: nodeCount === 0 },
            { label: 'JSON (nodes, edges, positions)', onSelect: () => exportJson(explorer, download), disabled: nodeCount === 0 },
            { label: 'GraphML (Gephi, yEd, Cytoscape)', onSelect: () => void exportNetworkFile(explorer, download, 'graphml'), disabled: nodeCount === 0 },
            { label: 'GEXF (Gephi)', onSelect: () => void exportNetworkFile(explorer, download, 'gexf'), disabled: nodeCount === 0 },
            { label: 'Edge list (CSV in a ZIP)', onSelect: () => void exportNetworkFile(explorer, download, 'edgelist'), disabled: nodeCount === 0 },
            { label: 'FollowTheMoney (JSON lines)', onSelect: () => void exportNetworkFile(explorer, download, 'ftm'), disabled: nodeCount === 0 },
            { label: 'Source list (numbered citations)', onSelect: () => void exportSources(explorer, download), disabled: nodeCount === 0 },
            { label: 'Report (one page, print to PDF)', onSelect: () => void exportReport(explorer, download), disabled: nodeCount === 0 },
            { label: 'Import JSON…', onSelect: () => importInput.current?.click() },
          ]}
        />
        <button
          type="button"
          disabled={nodeCount === 0}
          onClick={() => void copyLink(explorer, shareableUrl(explorer, window.location), (text) => navigator.clipboard.writeText(text))}
          title="Copy a link that opens this view, its path highlight and its explanation"
        >
          Copy link
        </button>
        <input
          ref={importInput}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          aria-label="Import a view from JSON"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(explorer, file);
            event.target.value = '';
          }}
        />
        <button type="button" aria-pressed={consoleOpen} onClick={() => update(explorer, { consoleOpen: !consoleOpen })} title="Read-only Cypher console">
          Cypher
        </button>
        <button type="button" onClick={() => update(explorer, { theme: other })} aria-label={`Switch to ${other} theme`} title="Theme">
          {theme === 'light' ? '☾' : '☀'}
        </button>
        <button type="button" onClick={() => update(explorer, { helpOpen: true })} aria-label="Help and keyboard shortcuts" title="Help (?)">
          ?
        </button>
      </div>
    </header>
  );
}
