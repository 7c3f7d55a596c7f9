import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getDegrees, getNeighbours, getNode, getSchema, getSource, getSubgraph } from './api/client';
import type { Graph, GraphNode, QueryResult, Schema } from './api/types';
import { toElements, type Highlight } from './graph/convert';
import { GraphCanvas, type GraphCanvasHandle, type LayoutCommand, type ViewportCommand } from './graph/GraphCanvas';
import type { Theme } from './graph/style';
import { ContextMenu, type Slice } from './panels/ContextMenu';
import { DetailsPanel } from './panels/DetailsPanel';
import { FiltersPanel } from './panels/FiltersPanel';
import { HelpDialog } from './panels/HelpDialog';
import { KindBadge, KindSwatch } from './panels/KindBadge';
import { PathsPanel, type PathEnds } from './panels/PathsPanel';
import { SearchBox } from './panels/SearchBox';
import { SourceDialog } from './panels/SourceDialog';
import { StartPanel } from './panels/StartPanel';
import { Status } from './panels/Status';
import { LayoutPicker, MenuButton } from './panels/Toolbar';
import { exportView, importView } from './state/exchange';
import { visibleIds } from './state/filters';
import { amend, record, redo, startHistory, undo, type History } from './state/history';
import type { Position } from './state/placement';
import { failed, idle, loading, type RequestStatus } from './state/request';
import { sourceList } from './state/sources';
import { decodeView, encodeView } from './state/url';
import {
  addGraph,
  collapse,
  emptyView,
  hideNodes,
  kindOf,
  moreId,
  removeNodes,
  setDegrees,
  setFilters,
  setLayout,
  setMore,
  setPositions,
  showAll,
  togglePin,
  toggleFilterValue,
  type Filters,
  type ViewProducer,
  type ViewState,
} from './state/view';

// The Cypher editor is most of the bundle's weight: load it when the console first opens.
const ConsolePanel = lazy(() => import('./panels/ConsolePanel').then((module) => ({ default: module.ConsolePanel })));

/** How many neighbours one expansion brings at most; the rest waits behind a "+N more" handle. */
const PAGE = 25;

const count = (value: number): string => value.toLocaleString('en');

type LeftTab = 'filters' | 'paths' | 'canvas';

interface PathsState {
  paths: Graph[];
  active: number;
  only: boolean;
}

function initialTheme(): Theme {
  const saved = localStorage.getItem('nexo-theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function download(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  // Checkboxes, radios and sliders take no text, so shortcuts (undo included) still apply while they have focus.
  const textInput = element.tagName === 'INPUT' && !['checkbox', 'radio', 'range', 'button', 'file'].includes((element as HTMLInputElement).type);
  return element.isContentEditable || textInput || ['TEXTAREA', 'SELECT'].includes(element.tagName) || !!element.closest('.cm-editor');
}

declare global {
  interface Window {
    /** Test hook: where a node is drawn, so end-to-end tests can double-click and right-click real nodes. */
    __nexo?: {
      pagePosition: (id: string) => Position | undefined;
      modelPosition: (id: string) => Position | undefined;
      nodeIds: () => string[];
      edgeIds: () => string[];
    };
  }
}

export function App() {
  const [history, setHistory] = useState<History<ViewState>>(() => startHistory(emptyView()));
  const view = history.present;
  const viewRef = useRef(view);
  viewRef.current = view;
  const [selection, setSelection] = useState<string[]>([]);
  const [paths, setPaths] = useState<PathsState | undefined>();
  const [pathEnds, setPathEnds] = useState<PathEnds>({});
  const [layoutCommand, setLayoutCommand] = useState<LayoutCommand | undefined>();
  const [viewportCommand, setViewportCommand] = useState<ViewportCommand | undefined>();
  const sequence = useRef(0);
  const [schema, setSchema] = useState<Schema | undefined>();
  const [schemaStatus, setSchemaStatus] = useState<RequestStatus>(idle);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [leftTab, setLeftTab] = useState<LeftTab>('filters');
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(true);
  const [menu, setMenu] = useState<{ id: string; at: Position } | undefined>();
  const [source, setSource] = useState<{ sourceId: string; quote: string } | undefined>();
  const [helpOpen, setHelpOpen] = useState(false);
  const [activity, setActivity] = useState<RequestStatus>(idle);
  const [notice, setNotice] = useState('');
  const retryActivity = useRef<(() => void) | undefined>(undefined);
  const canvas = useRef<GraphCanvasHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const yearsEditedAt = useRef(0);
  const restoring = useRef(false);
  const expanding = useRef(new Set<string>());

  const commit = useCallback((producer: ViewProducer) => setHistory(record(producer)), []);
  const fold = useCallback((producer: ViewProducer) => setHistory(amend(producer)), []);
  const layout = useCallback((command: Omit<Extract<LayoutCommand, { kind: 'layout' }>, 'seq'> | Omit<Extract<LayoutCommand, { kind: 'settle' }>, 'seq'>) => {
    sequence.current += 1;
    setLayoutCommand({ ...command, seq: sequence.current } as LayoutCommand);
  }, []);
  const viewport = useCallback((command: { kind: 'fit' } | { kind: 'focus'; ids: string[] }) => {
    sequence.current += 1;
    setViewportCommand({ ...command, seq: sequence.current } as ViewportCommand);
  }, []);

  /** Runs one user-visible request: a spinner while it runs, its error (with retry) if it fails. */
  const perform = useCallback(async (what: string, action: () => Promise<void>) => {
    retryActivity.current = () => void perform(what, action);
    setActivity(loading(what));
    setNotice('');
    try {
      await action();
      setActivity(idle);
    } catch (error) {
      setActivity(failed(error));
    }
  }, []);

  const loadSchema = useCallback(() => {
    setSchemaStatus(loading('Reading the schema…'));
    getSchema()
      .then((result) => {
        setSchema(result);
        setSchemaStatus(idle);
      })
      .catch((error: unknown) => setSchemaStatus(failed(error)));
  }, []);
  useEffect(loadSchema, [loadSchema]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('nexo-theme', theme);
  }, [theme]);

  /** Links among everything on the canvas once `graph` is in, so new nodes connect to what was already there. */
  const withLinks = useCallback(async (graph: Graph): Promise<Graph> => {
    const ids = [...new Set([...Object.keys(viewRef.current.nodes), ...graph.nodes.map((node) => node.id)])];
    try {
      const links = await getSubgraph(ids);
      return { nodes: graph.nodes, edges: [...graph.edges, ...links.edges] };
    } catch {
      // The page is still useful without the extra links; the expansion itself succeeded.
      return graph;
    }
  }, []);

  const fillDegrees = useCallback(
    (ids: string[]) => {
      getDegrees(ids)
        .then((degrees) => fold(setDegrees(degrees)))
        .catch(() => undefined /* sizes fall back to links on the canvas */);
    },
    [fold],
  );

  /** Puts a graph on the canvas (beside `parent` if given), draws links to what is there, and settles the newcomers. */
  const bringIn = useCallback(
    async (graph: Graph, options: { parent?: string; extra?: ViewProducer } = {}): Promise<string[]> => {
      const linked = await withLinks(graph);
      const before = viewRef.current;
      const wasEmpty = Object.keys(before.nodes).length === 0;
      const fresh = graph.nodes.map((node) => node.id).filter((id) => !before.nodes[id]);
      commit((state) => {
        const next = addGraph(linked, { parent: options.parent })(state);
        return options.extra ? options.extra(next) : next;
      });
      if (fresh.length > 0) {
        fillDegrees(fresh);
        if (wasEmpty && fresh.length > 1) layout({ kind: 'layout', layout: before.layout, roots: [] });
        else if (!wasEmpty) layout({ kind: 'settle', newIds: fresh });
      }
      return fresh;
    },
    [commit, fillDegrees, layout, withLinks],
  );

  const expand = useCallback(
    (id: string, slice: Slice = { types: [], direction: 'both' }) => {
      const node = viewRef.current.nodes[id];
      const key = moreId(id, slice.types, slice.direction);
      // A second click while the same page is on its way would fetch that page again.
      if (expanding.current.has(key)) return;
      expanding.current.add(key);
      const skip = viewRef.current.more[key]?.loaded ?? 0;
      void perform(`Expanding ${node?.name ?? id}…`, async () => {
        const page = await getNeighbours(id, { types: slice.types, direction: slice.direction, limit: PAGE, skip });
        const neighbours = page.nodes.filter((neighbour) => neighbour.id !== id);
        // The server pages by distinct neighbour, so the page's neighbours are what `skip` counts.
        const loaded = skip + neighbours.length;
        const fresh = await bringIn(page, {
          parent: id,
          extra: setMore({ id: key, parent: id, types: slice.types, direction: slice.direction, loaded, total: page.total, atLeast: !page.totalExact }),
        });
        const name = node?.name ?? id;
        const more = page.total - loaded;
        if (page.total === 0) setNotice(`${name} has no links of that kind.`);
        else if (!page.totalExact) setNotice(`Showing ${count(loaded)} of more than ${count(page.total)}: click “+${count(more)}+ more” for the next ${PAGE}.`);
        else if (fresh.length === 0 && loaded >= page.total) setNotice(`All ${count(page.total)} of ${name}’s neighbours of that kind are on the canvas.`);
        else if (more > 0) setNotice(`Showing ${count(loaded)} of ${count(page.total)}: click “+${count(more)} more” for the next ${Math.min(PAGE, more)}.`);
      }).finally(() => expanding.current.delete(key));
    },
    [bringIn, perform],
  );

  const loadMore = useCallback(
    (handleId: string) => {
      const handle = viewRef.current.more[handleId];
      if (handle) expand(handle.parent, { types: handle.types, direction: handle.direction });
    },
    [expand],
  );

  const place = useCallback(
    (nodes: GraphNode[]) => {
      const ids = nodes.map((node) => node.id);
      const known = ids.every((id) => viewRef.current.nodes[id]);
      setPaths(undefined);
      if (known) {
        commit((state) => (ids.some((id) => state.hidden.includes(id)) ? { ...state, hidden: state.hidden.filter((id) => !ids.includes(id)) } : state));
        setSelection(ids);
        setDetailsOpen(true);
        viewport({ kind: 'focus', ids });
        return;
      }
      void perform(nodes.length === 1 ? `Placing ${nodes[0]!.name}…` : `Placing ${nodes.length} actors…`, async () => {
        await bringIn({ nodes, edges: [] });
        setSelection(ids);
        setDetailsOpen(true);
        viewport({ kind: 'focus', ids });
      });
    },
    [bringIn, commit, perform, viewport],
  );

  const selectedNodeIds = useMemo(() => selection.filter((id) => view.nodes[id]), [selection, view.nodes]);
  const shownSelection = useMemo(() => selection.filter((id) => view.nodes[id] || view.edges[id]), [selection, view.nodes, view.edges]);

  const expandSelected = useCallback(() => {
    const ids = selectedNodeIds;
    void perform(`Expanding ${ids.length} nodes…`, async () => {
      for (const id of ids) {
        const page = await getNeighbours(id, { direction: 'both', limit: PAGE });
        const loaded = page.nodes.filter((node) => node.id !== id).length;
        await bringIn(page, {
          parent: id,
          extra: setMore({ id: moreId(id, [], 'both'), parent: id, types: [], direction: 'both', loaded, total: page.total, atLeast: !page.totalExact }),
        });
      }
    });
  }, [bringIn, perform, selectedNodeIds]);

  const removeSelected = useCallback(() => {
    if (selectedNodeIds.length === 0) return;
    commit(removeNodes(selectedNodeIds));
    setSelection([]);
  }, [commit, selectedNodeIds]);

  const hideSelected = useCallback(() => {
    if (selectedNodeIds.length === 0) return;
    commit(hideNodes(selectedNodeIds));
    setSelection([]);
  }, [commit, selectedNodeIds]);

  const pinSelected = useCallback(() => {
    if (selectedNodeIds.length > 0) commit(togglePin(selectedNodeIds));
  }, [commit, selectedNodeIds]);

  const runLayout = useCallback(
    (id: string) => {
      commit(setLayout(id));
      const roots = selectedNodeIds.length ? selectedNodeIds : [];
      layout({ kind: 'layout', layout: id, roots });
    },
    [commit, layout, selectedNodeIds],
  );

  const onPositions = useCallback(
    (positions: Record<string, Position>, reason: 'drag' | 'layout' | 'settle') => {
      if (reason === 'drag') commit(setPositions(positions));
      else fold(setPositions(positions));
    },
    [commit, fold],
  );

  const changeYears = useCallback(
    (years: Filters['years']) => {
      // A slider drag is one change for undo, not one per step.
      const now = Date.now();
      if (now - yearsEditedAt.current < 1500) fold(setFilters({ years }));
      else commit(setFilters({ years }));
      yearsEditedAt.current = now;
    },
    [commit, fold],
  );

  const showPaths = useCallback(
    (found: Graph[]) => {
      setPaths({ paths: found, active: 0, only: false });
      if (found.length === 0) return;
      const union: Graph = { nodes: found.flatMap((path) => path.nodes), edges: found.flatMap((path) => path.edges) };
      void perform('Drawing the paths…', async () => {
        await bringIn(union);
        viewport({ kind: 'focus', ids: found[0]!.nodes.map((node) => node.id) });
      });
    },
    [bringIn, perform, viewport],
  );

  // Restore the view a link describes: fetch its nodes again, keep its positions, filters and selection.
  const restoreFromUrl = useCallback(() => {
    const linked = decodeView(window.location.hash);
    if (!linked) return;
    restoring.current = true;
    void perform('Opening the shared view…', async () => {
      try {
        let graph: Graph = { nodes: [], edges: [] };
        try {
          graph = await getSubgraph(linked.ids);
        } catch {
          graph = { nodes: [], edges: [] };
        }
        const found = new Set(graph.nodes.map((node) => node.id));
        const missing = linked.ids.filter((id) => !found.has(id));
        const fetched = await Promise.all(
          missing.map((id) =>
            getNode(id)
              .then((details) => details.node)
              .catch(() => undefined),
          ),
        );
        const nodes = [...graph.nodes, ...fetched.filter((node): node is GraphNode => node !== undefined)];
        const lost = linked.ids.length - nodes.length;
        const restored: ViewState = {
          ...addGraph({ nodes, edges: graph.edges }, { positions: linked.positions })(emptyView()),
          pinned: linked.pinned.filter((id) => nodes.some((node) => node.id === id)),
          hidden: linked.hidden,
          filters: linked.filters,
          layout: linked.layout,
        };
        setHistory(startHistory(restored));
        setSelection(linked.selection);
        setPaths(undefined);
        fillDegrees(nodes.map((node) => node.id));
        viewport({ kind: 'fit' });
        if (lost > 0) setNotice(`${lost} entit${lost === 1 ? 'y' : 'ies'} from the link no longer exist${lost === 1 ? 's' : ''} in the database.`);
      } finally {
        restoring.current = false;
      }
    });
  }, [fillDegrees, perform, viewport]);

  useEffect(() => {
    restoreFromUrl();
    window.addEventListener('hashchange', restoreFromUrl);
    return () => window.removeEventListener('hashchange', restoreFromUrl);
  }, [restoreFromUrl]);

  // Keep the address bar in step with the view, so copying it shares what is on screen.
  useEffect(() => {
    if (restoring.current) return;
    const timer = window.setTimeout(() => {
      const hash = encodeView(view, selection);
      if (hash !== window.location.hash && !(hash === '' && window.location.hash === '')) {
        window.history.replaceState(null, '', hash || window.location.pathname + window.location.search);
      }
    }, 250);
    return () => window.clearTimeout(timer);
  }, [view, selection]);

  useEffect(() => {
    window.__nexo = {
      pagePosition: (id) => canvas.current?.pagePosition(id),
      modelPosition: (id) => canvas.current?.modelPosition(id),
      nodeIds: () => Object.keys(viewRef.current.nodes),
      edgeIds: () => Object.keys(viewRef.current.edges),
    };
  }, []);

  const exportPng = useCallback(() => {
    void perform('Drawing the PNG…', async () => {
      download('nexo-view.png', await canvas.current!.png(), 'image/png');
    });
  }, [perform]);

  const exportSources = useCallback(() => {
    void perform('Collecting the sources…', async () => {
      const visible = visibleIds(viewRef.current);
      const ids = new Set<string>();
      for (const id of visible.edges) {
        const sourceId = viewRef.current.edges[id]?.properties.source;
        if (typeof sourceId === 'string') ids.add(sourceId);
      }
      const titles: Record<string, string> = {};
      await Promise.all(
        [...ids].map((id) =>
          getSource(id)
            .then((document) => {
              titles[id] = document.title;
            })
            .catch(() => undefined),
        ),
      );
      download('nexo-sources.md', sourceList(viewRef.current, visible.edges, titles), 'text/markdown');
    });
  }, [perform]);

  const importFile = useCallback(
    (file: File) => {
      void perform(`Importing ${file.name}…`, async () => {
        const imported = importView(await file.text());
        commit(() => imported);
        setSelection([]);
        setPaths(undefined);
        viewport({ kind: 'fit' });
      });
    },
    [commit, perform, viewport],
  );

  const addQueryResult = useCallback(
    (result: QueryResult) => {
      void perform('Adding the results…', async () => {
        await bringIn(result.graph);
        viewport({ kind: 'fit' });
      });
    },
    [bringIn, perform, viewport],
  );

  /** The context menu without a mouse: for the one selected node, where it is drawn. */
  const openMenuForSelection = useCallback(() => {
    const [id] = selectedNodeIds;
    const at = id && selectedNodeIds.length === 1 ? canvas.current?.pagePosition(id) : undefined;
    if (id && at) setMenu({ id, at });
  }, [selectedNodeIds]);

  const doUndo = useCallback(() => setHistory(undo()), []);
  const doRedo = useCallback(() => setHistory(redo()), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && event.key.toLowerCase() === 'z' && !isTyping(event.target)) {
        event.preventDefault();
        if (event.shiftKey) doRedo();
        else doUndo();
        return;
      }
      if (modifier && event.key.toLowerCase() === 'y' && !isTyping(event.target)) {
        event.preventDefault();
        doRedo();
        return;
      }
      if (event.key === 'Escape') {
        if (menu) setMenu(undefined);
        else if (paths) setPaths(undefined);
        return;
      }
      if (modifier || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const actions: Record<string, () => void> = {
        '/': () => searchInput.current?.focus(),
        '?': () => setHelpOpen(true),
        f: () => viewport({ kind: 'fit' }),
        l: () => runLayout(viewRef.current.layout),
        e: expandSelected,
        h: hideSelected,
        p: pinSelected,
        Delete: removeSelected,
        Backspace: removeSelected,
        '+': () => canvas.current?.zoom(1.25),
        '=': () => canvas.current?.zoom(1.25),
        '-': () => canvas.current?.zoom(0.8),
        m: openMenuForSelection,
        ContextMenu: openMenuForSelection,
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doRedo, doUndo, expandSelected, hideSelected, menu, openMenuForSelection, paths, pinSelected, removeSelected, runLayout, viewport]);

  const highlight: Highlight | undefined = useMemo(() => {
    const path = paths?.paths[paths.active];
    if (!paths || !path) return undefined;
    return { nodes: path.nodes.map((node) => node.id), edges: path.edges.map((edge) => edge.id), only: paths.only };
  }, [paths]);
  const elements = useMemo(() => toElements(view, highlight), [view, highlight]);

  const kindsKey = [...new Set([...(schema?.labels ?? []).map((label) => label.name), ...Object.values(view.nodes).map(kindOf)])].sort().join('|');
  const typesKey = [...new Set([...(schema?.relationshipTypes ?? []).map((type) => type.name), ...Object.values(view.edges).map((edge) => edge.type)])]
    .sort()
    .join('|');
  const kinds = useMemo(() => (kindsKey ? kindsKey.split('|') : []), [kindsKey]);
  const types = useMemo(() => (typesKey ? typesKey.split('|') : []), [typesKey]);

  const nodeCount = Object.keys(view.nodes).length;
  const visible = useMemo(() => visibleIds(view), [view]);
  const selectedNodes = selectedNodeIds.map((id) => view.nodes[id]!);
  const menuNode = menu ? view.nodes[menu.id] : undefined;

  const onSelect = useCallback((ids: string[]) => {
    setSelection((current) => (current.length === ids.length && current.every((id, index) => id === ids[index]) ? current : ids));
    if (ids.length > 0) setDetailsOpen(true);
  }, []);
  const onContextMenu = useCallback((id: string, at: Position) => setMenu({ id, at }), []);
  const onBackgroundTap = useCallback(() => setMenu(undefined), []);
  const openSource = useCallback((sourceId: string, quote: string) => setSource({ sourceId, quote }), []);

  return (
    <div className={`app${detailsOpen && shownSelection.length > 0 ? ' with-right' : ''}`}>
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
            onPick={(node) => place([node])}
            inputRef={searchInput}
          />
        </div>
        <div className="tools" role="toolbar" aria-label="View tools">
          <LayoutPicker value={view.layout} nodeCount={nodeCount} onChange={runLayout} onRerun={() => runLayout(view.layout)} />
          <button type="button" onClick={() => viewport({ kind: 'fit' })} title="Fit the view (F)">
            Fit
          </button>
          <span className="group">
            <button type="button" onClick={doUndo} disabled={history.past.length === 0} aria-label="Undo" title="Undo (Ctrl+Z)">
              ↶
            </button>
            <button type="button" onClick={doRedo} disabled={history.future.length === 0} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
              ↷
            </button>
          </span>
          <MenuButton
            label="Export"
            items={[
              { label: 'PNG image (full resolution)', onSelect: exportPng, disabled: nodeCount === 0 },
              { label: 'SVG drawing', onSelect: () => download('nexo-view.svg', canvas.current!.svg(), 'image/svg+xml'), disabled: nodeCount === 0 },
              {
                label: 'JSON (nodes, edges, positions)',
                onSelect: () => download('nexo-view.json', exportView(viewRef.current), 'application/json'),
                disabled: nodeCount === 0,
              },
              { label: 'Source list (numbered citations)', onSelect: exportSources, disabled: nodeCount === 0 },
              { label: 'Import JSON…', onSelect: () => importInput.current?.click() },
            ]}
          />
          <input
            ref={importInput}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            tabIndex={-1}
            aria-label="Import a view from JSON"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) importFile(file);
              event.target.value = '';
            }}
          />
          <button type="button" aria-pressed={consoleOpen} onClick={() => setConsoleOpen(!consoleOpen)} title="Read-only Cypher console">
            Cypher
          </button>
          <button
            type="button"
            onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}
            aria-label={`Switch to ${theme === 'light' ? 'dark' : 'light'} theme`}
            title="Theme"
          >
            {theme === 'light' ? '☾' : '☀'}
          </button>
          <button type="button" onClick={() => setHelpOpen(true)} aria-label="Help and keyboard shortcuts" title="Help (?)">
            ?
          </button>
        </div>
      </header>

      <nav className="left panel" aria-label="Side panel">
        <div className="tabs" role="tablist" aria-label="Side panel">
          {(
            [
              ['filters', 'Filters'],
              ['paths', 'Paths'],
              ['canvas', `On canvas (${nodeCount})`],
            ] as const
          ).map(([id, text]) => (
            <button key={id} type="button" role="tab" aria-selected={leftTab === id} onClick={() => setLeftTab(id)}>
              {text}
            </button>
          ))}
        </div>
        <div className="panel-body" role="tabpanel">
          {leftTab === 'filters' ? (
            <>
              <Status status={schemaStatus} onRetry={loadSchema} />
              <FiltersPanel
                view={view}
                schema={schema}
                onToggle={(list, value) => commit(toggleFilterValue(list, value))}
                onYears={changeYears}
                onShowHidden={() => commit(showAll())}
              />
            </>
          ) : null}
          {leftTab === 'paths' ? (
            <PathsPanel
              ends={pathEnds}
              onEnds={setPathEnds}
              selectedNodes={selectedNodes}
              types={schema?.relationshipTypes.map((type) => type.name) ?? types}
              paths={paths?.paths}
              activePath={paths?.active ?? 0}
              onlyPath={paths?.only ?? false}
              onFound={showPaths}
              onShowPath={(index) => {
                setPaths((current) => (current ? { ...current, active: index } : current));
                const path = paths?.paths[index];
                if (path) viewport({ kind: 'focus', ids: path.nodes.map((node) => node.id) });
              }}
              onOnlyPath={(only) => {
                setPaths((current) => (current ? { ...current, only } : current));
                const path = paths?.paths[paths.active];
                if (path) viewport({ kind: 'focus', ids: path.nodes.map((node) => node.id) });
              }}
              onClear={() => setPaths(undefined)}
              onOpenSource={openSource}
            />
          ) : null}
          {leftTab === 'canvas' ? (
            <section aria-label="Entities on the canvas">
              {nodeCount === 0 ? <p className="muted">Nothing on the canvas yet.</p> : null}
              <ul className="canvas-list">
                {Object.values(view.nodes)
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((node) => (
                    <li key={node.id} className={visible.nodes.has(node.id) ? '' : 'absent'}>
                      <button type="button" aria-pressed={selection.includes(node.id)} onClick={() => place([node])}>
                        <KindBadge kind={kindOf(node)} /> {node.name}
                        {visible.nodes.has(node.id) ? null : <span className="muted small"> (hidden)</span>}
                      </button>
                    </li>
                  ))}
              </ul>
            </section>
          ) : null}
        </div>
      </nav>

      <main className={consoleOpen ? 'stage with-console' : 'stage'} aria-label="Graph">
        <GraphCanvas
          ref={canvas}
          elements={elements}
          selection={selection}
          theme={theme}
          kinds={kinds}
          types={types}
          layoutCommand={layoutCommand}
          viewportCommand={viewportCommand}
          onSelect={onSelect}
          onPositions={onPositions}
          onExpand={expand}
          onMore={loadMore}
          onContextMenu={onContextMenu}
          onBackgroundTap={onBackgroundTap}
        />
        {nodeCount === 0 && activity.kind !== 'loading' ? <StartPanel onPick={(node) => place([node])} onPickAll={place} /> : null}
        <div className="canvas-status">
          <span>
            {visible.nodes.size} entities · {visible.edges.size} relationships
            {nodeCount - visible.nodes.size > 0 ? ` · ${nodeCount - visible.nodes.size} hidden or filtered` : ''}
          </span>
          {paths && paths.paths.length > 0 ? (
            <button type="button" className="link" onClick={() => setPaths(undefined)}>
              Clear path highlight
            </button>
          ) : null}
        </div>
        {nodeCount > 0 ? (
          <ul className="canvas-legend" aria-label="Legend">
            {[...new Set(Object.values(view.nodes).map(kindOf))].sort().map((kind) => (
              <li key={kind}>
                <KindSwatch kind={kind} /> {kind}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="activity">
          <Status status={activity} onRetry={retryActivity.current} />
          {notice && activity.kind === 'idle' ? (
            <div className="status notice" role="status">
              {notice}
              <button type="button" className="icon close" aria-label="Dismiss" onClick={() => setNotice('')}>
                ×
              </button>
            </div>
          ) : null}
        </div>
        {consoleOpen ? (
          <Suspense fallback={<Status status={loading('Opening the console…')} />}>
            <ConsolePanel schema={schema} theme={theme} onAddToCanvas={addQueryResult} onClose={() => setConsoleOpen(false)} />
          </Suspense>
        ) : null}
      </main>

      {detailsOpen && shownSelection.length > 0 ? (
        <DetailsPanel
          view={view}
          selection={shownSelection}
          onOpenSource={openSource}
          onSelect={(ids) => {
            setSelection(ids);
            viewport({ kind: 'focus', ids });
          }}
          onExpandSelected={expandSelected}
          onHideSelected={hideSelected}
          onRemoveSelected={removeSelected}
          onPinSelected={pinSelected}
          onClose={() => setDetailsOpen(false)}
        />
      ) : null}

      {menu && menuNode ? (
        <ContextMenu
          nodeId={menu.id}
          name={menuNode.name}
          at={menu.at}
          pinned={view.pinned.includes(menu.id)}
          onExpand={(slice) => expand(menu.id, slice)}
          onCollapse={() => commit(collapse(menu.id))}
          onHide={() => commit(hideNodes([menu.id]))}
          onRemove={() => {
            commit(removeNodes([menu.id]));
            setSelection((current) => current.filter((id) => id !== menu.id));
          }}
          onPin={() => commit(togglePin([menu.id]))}
          onPathFrom={() => {
            setPathEnds((ends) => ({ ...ends, from: menuNode }));
            setLeftTab('paths');
          }}
          onPathTo={() => {
            setPathEnds((ends) => ({ ...ends, to: menuNode }));
            setLeftTab('paths');
          }}
          onClose={() => setMenu(undefined)}
        />
      ) : null}
      {source ? <SourceDialog sourceId={source.sourceId} quote={source.quote} onClose={() => setSource(undefined)} /> : null}
      {helpOpen ? <HelpDialog onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
