import { lazy, Suspense, type CSSProperties, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearCanvas, select, storePositions } from '../explorer/edit';
import { expand, loadMore } from '../explorer/expand';
import { addQueryResult, place } from '../explorer/place';
import { clearPaths } from '../explorer/paths';
import { useExplorer, useExplorerState } from '../explorer/react';
import { requestTaken, update } from '../explorer/store';
import { markAnalysis } from '../graph/analysisMarks';
import { toElements, type Highlight } from '../graph/convert';
import { GraphCanvas, type GraphCanvasHandle, type Hover } from '../graph/GraphCanvas';
import { AnalysisLegend } from '../panels/AnalysisLegend';
import { KindSwatch } from '../panels/KindBadge';
import { StartPanel } from '../panels/StartPanel';
import { Status } from '../panels/Status';
import { visibleIds } from '../state/filters';
import type { Position } from '../state/placement';
import { loading } from '../state/request';
import { kindOf, newNodes } from '../state/view';
import { useKindsAndTypes, useView } from './derived';
import { HoverCard } from './HoverCard';
import { LinkLegend } from './LinkLegend';
import { entities, relationships } from '../state/counted';

// The Cypher editor is most of the bundle's weight: load it when the console first opens.
const ConsolePanel = lazy(() => import('../panels/ConsolePanel').then((module) => ({ default: module.ConsolePanel })));

declare global {
  interface Window {
    /** Test hook: where a node is drawn, so end-to-end tests can double-click and right-click real nodes. */
    __nexo?: {
      pagePosition: (id: string) => Position | undefined;
      modelPosition: (id: string) => Position | undefined;
      nodeColour: (id: string) => string | undefined;
      nodeIds: () => string[];
      edgeIds: () => string[];
      edgeLabels: (options?: { exported?: boolean }) => { id: string; box: { x1: number; y1: number; x2: number; y2: number } }[];
      zoom: () => number;
      nodeLabelShown: (id: string) => boolean;
    };
  }
}

/** The canvas with what sits on it: the start panel, counts, legend, activity and the console. */
export function Stage() {
  const explorer = useExplorer();
  const view = useView();
  const selection = useExplorerState((state) => state.selection);
  const paths = useExplorerState((state) => state.paths);
  const theme = useExplorerState((state) => state.theme);
  const layoutRequest = useExplorerState((state) => state.layoutRequest);
  const viewportRequest = useExplorerState((state) => state.viewportRequest);
  const activity = useExplorerState((state) => state.activity);
  const retry = useExplorerState((state) => state.retry);
  const notice = useExplorerState((state) => state.notice);
  const consoleOpen = useExplorerState((state) => state.consoleOpen);
  const consoleShare = useExplorerState((state) => state.consoleShare);
  const schema = useExplorerState((state) => state.schema);
  const { kinds, types } = useKindsAndTypes();
  const canvas = useRef<GraphCanvasHandle>(null);
  const stage = useRef<HTMLElement>(null);
  const [hover, setHover] = useState<Hover | undefined>();

  useEffect(() => {
    explorer.canvas = canvas.current ?? undefined;
    window.__nexo = {
      pagePosition: (id) => canvas.current?.pagePosition(id),
      modelPosition: (id) => canvas.current?.modelPosition(id),
      nodeColour: (id) => canvas.current?.nodeColour(id),
      nodeIds: () => Object.keys(explorer.store.getState().history.present.nodes),
      edgeIds: () => Object.keys(explorer.store.getState().history.present.edges),
      edgeLabels: (options) => canvas.current?.edgeLabels(options) ?? [],
      zoom: () => canvas.current?.zoom() ?? 1,
      nodeLabelShown: (id) => canvas.current?.nodeLabelShown(id) ?? false,
    };
    return () => {
      explorer.canvas = undefined;
    };
  }, [explorer]);

  const highlight: Highlight | undefined = useMemo(() => {
    const path = paths?.paths[paths.active];
    if (!paths || !path) return undefined;
    return { nodes: path.nodes.map((node) => node.id), edges: path.edges.map((edge) => edge.id), only: paths.only };
  }, [paths]);
  const analysis = useExplorerState((state) => state.analysis);
  const elements = useMemo(() => markAnalysis(toElements(view, highlight), analysis), [view, highlight, analysis]);
  const visible = useMemo(() => visibleIds(view), [view]);
  const nodeCount = Object.keys(view.nodes).length;
  const typesShown = useMemo(() => [...new Set([...visible.edges].map((id) => view.edges[id]!.type))], [visible, view.edges]);

  const onSelect = useCallback((ids: string[]) => select(explorer, ids), [explorer]);
  const onPositions = useCallback(
    (positions: Record<string, Position>, reason: 'drag' | 'layout' | 'settle') => storePositions(explorer, positions, reason),
    [explorer],
  );

  return (
    <main
      ref={stage}
      className={consoleOpen ? 'stage with-console' : 'stage'}
      aria-label="Graph"
      // The canvas (and what sits on its lower edge) keeps the part of the stage above the console, so fits and newcomers land where they can be seen.
      style={consoleOpen ? ({ '--console-share': `${consoleShare * 100}%` } as CSSProperties) : undefined}
    >
      <GraphCanvas
        ref={canvas}
        elements={elements}
        selection={selection}
        theme={theme}
        kinds={kinds}
        types={types}
        layoutRequest={layoutRequest}
        viewportRequest={viewportRequest}
        onTaken={(request) => requestTaken(explorer, request)}
        onSelect={onSelect}
        onPositions={onPositions}
        onExpand={(id) => void expand(explorer, id)}
        onMore={(handleId) => void loadMore(explorer, handleId)}
        onContextMenu={(id, at) => update(explorer, { menu: { id, at } })}
        onBackgroundTap={() => update(explorer, { menu: undefined })}
        onHover={setHover}
      />
      {hover ? <HoverCard hover={hover} view={view} stageWidth={stage.current?.clientWidth ?? 0} /> : null}
      {nodeCount > 0 ? (
        // One column in the top-right corner, so the analysis legend stacks under the relationship legend.
        <div className="canvas-corner">
          <LinkLegend types={typesShown} theme={theme} />
          <AnalysisLegend analysis={analysis} />
        </div>
      ) : null}
      {nodeCount === 0 && activity.kind !== 'loading' ? (
        <StartPanel onPick={(node) => void place(explorer, [node])} onPickAll={(nodes) => void place(explorer, nodes)} />
      ) : null}
      <div className="canvas-status">
        <span>
          {entities(visible.nodes.size)} · {relationships(visible.edges.size)}
          {nodeCount - visible.nodes.size > 0 ? ` · ${nodeCount - visible.nodes.size} hidden or filtered` : ''}
        </span>
        {paths && paths.paths.length > 0 ? (
          <button type="button" className="link" onClick={() => clearPaths(explorer)}>
            Clear path highlight
          </button>
        ) : null}
        {nodeCount > 0 ? (
          <button type="button" className="link" onClick={() => clearCanvas(explorer)} title="Remove everything from the canvas (undo brings it back)">
            Clear canvas
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
        <Status status={activity} onRetry={retry} />
        {notice && activity.kind === 'idle' ? (
          <div className="status notice" role="status">
            {notice}
            <button type="button" className="icon close" aria-label="Dismiss" onClick={() => update(explorer, { notice: '' })}>
              ×
            </button>
          </div>
        ) : null}
      </div>
      {consoleOpen ? (
        <Suspense fallback={<Status status={loading('Opening the console…')} />}>
          <ConsolePanel
            schema={schema}
            theme={theme}
            countNew={(graph) => newNodes(view, graph).length}
            onAddToCanvas={(result) => void addQueryResult(explorer, result)}
            share={consoleShare}
            onResize={(share) => update(explorer, { consoleShare: share })}
            onClose={() => update(explorer, { consoleOpen: false })}
          />
        </Suspense>
      ) : null}
    </main>
  );
}
