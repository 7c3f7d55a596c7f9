import { useEffect, useMemo, useState } from 'react';
import { getDatasets, type DatasetSummary } from '../api/analysis';
import type { GraphNode } from '../api/types';
import {
  cancelAnalysis,
  clearAnalysis,
  clearLinking,
  explainCentrality,
  putTopOnCanvas,
  runAnalysis,
  selectRow,
  setOverlay,
  showWhyPath,
} from '../explorer/analysis';
import { download } from '../explorer/browser';
import { useExplorer, useExplorerState } from '../explorer/react';
import { update } from '../explorer/store';
import {
  ANALYSIS_MEASURES,
  CENTRALITY_MEASURES,
  DEFAULT_REQUEST,
  formatScore,
  progressText,
  rowsCsv,
  sortRows,
  type AnalysisRequest,
  type AnalysisResult,
  type AnalysisStatus,
  type Linking,
  type Overlay,
  type SortKey,
  type WhyCentral,
} from '../state/analysis';
import { kindOf } from '../state/view';
import { KindSwatch } from './KindBadge';
import './analysis.css';

const ROW_LIMITS = [20, 50, 100, 500, 2000];
const TOP_COUNTS = [3, 5, 10, 20, 50];

/** A running computation: what and how far, with a Cancel that stops it on the server too. */
function Progress({ status, onCancel }: { status: Extract<AnalysisStatus, { kind: 'running' }>; onCancel?: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="analysis-progress" role="status">
      {status.progress ? <progress value={status.progress.done} max={status.progress.total} /> : <progress />}
      <span>{progressText(status, now)}</span>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}

function Options({
  request,
  onChange,
  datasets,
  canvasCount,
}: {
  request: AnalysisRequest;
  onChange: (request: AnalysisRequest) => void;
  datasets: DatasetSummary[];
  canvasCount: number;
}) {
  const measure = ANALYSIS_MEASURES.find((candidate) => candidate.id === request.measure)!;
  const centrality = CENTRALITY_MEASURES.includes(request.measure);
  const weighted = centrality || request.measure === 'communities';
  const set = (change: Partial<AnalysisRequest>) => onChange({ ...request, ...change });
  return (
    <>
      <label className="field">
        <span className="field-label">Measure</span>
        <select
          value={request.measure}
          onChange={(event) => {
            const next = event.target.value as AnalysisRequest['measure'];
            // k for key players (5 unless changed), rows for the rest: the two share one field.
            const limit = next === 'key-players' ? 5 : request.measure === 'key-players' ? DEFAULT_REQUEST.limit : request.limit;
            set({ measure: next, limit });
          }}
        >
          {ANALYSIS_MEASURES.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <span className="muted small analysis-about">{measure.about}</span>
      </label>
      <fieldset className="field analysis-scope">
        <legend className="field-label">Over</legend>
        {datasets.length > 0 ? (
          <label>
            <input
              type="radio"
              name="analysis-scope"
              checked={request.scope === 'datasets'}
              onChange={() => set({ scope: 'datasets', datasets: request.datasets.length > 0 ? request.datasets : [datasets[0]!.id] })}
            />{' '}
            Datasets
          </label>
        ) : null}
        <label>
          <input type="radio" name="analysis-scope" checked={request.scope === 'graph'} onChange={() => set({ scope: 'graph' })} /> Whole graph
        </label>
        <label>
          <input type="radio" name="analysis-scope" checked={request.scope === 'canvas'} onChange={() => set({ scope: 'canvas' })} /> On canvas ({canvasCount})
        </label>
        {request.scope === 'datasets' ? (
          <div className="checks analysis-datasets">
            {datasets.map((dataset) => (
              <label key={dataset.id}>
                <input
                  type="checkbox"
                  checked={request.datasets.includes(dataset.id)}
                  onChange={() =>
                    set({
                      datasets: request.datasets.includes(dataset.id) ? request.datasets.filter((id) => id !== dataset.id) : [...request.datasets, dataset.id],
                    })
                  }
                />{' '}
                {dataset.name} <span className="muted">({dataset.nodes.toLocaleString('en')})</span>
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <div className="field-row">
        {centrality ? (
          <label title="Keep relationship directions (betweenness, closeness, PageRank follow the arrows)">
            <input type="checkbox" checked={request.directed} onChange={(event) => set({ directed: event.target.checked })} /> Directed
          </label>
        ) : null}
        {weighted ? (
          <label>
            Weight{' '}
            <input
              className="analysis-weight"
              value={request.weight}
              placeholder="none"
              aria-label="Weight property"
              title="A relationship property read as each tie's weight (a length for betweenness and closeness); empty: every tie counts 1"
              onChange={(event) => set({ weight: event.target.value })}
            />
          </label>
        ) : null}
        {request.measure === 'key-players' ? (
          <label>
            k{' '}
            <input
              type="number"
              className="narrow"
              min={1}
              max={50}
              value={Math.min(request.limit, 50)}
              onChange={(event) => set({ limit: Math.max(1, Math.min(50, Number(event.target.value) || 1)) })}
            />
          </label>
        ) : request.measure !== 'communities' ? (
          <label>
            Rows{' '}
            <select value={request.limit} onChange={(event) => set({ limit: Number(event.target.value) })}>
              {ROW_LIMITS.map((limit) => (
                <option key={limit}>{limit}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
    </>
  );
}

function ResultTable({ result, onRow, onWhy }: { result: AnalysisResult; onRow: (node: GraphNode) => void; onWhy?: (node: GraphNode) => void }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'rank', descending: false });
  const rows = useMemo(() => sortRows(result.rows, sort.key, sort.descending), [result.rows, sort]);
  const ranks = useMemo(() => new Map(result.rows.map((row, index) => [row.node.id, index + 1])), [result.rows]);
  const header = (key: SortKey, label: string, className?: string) => (
    <th className={className} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="link"
        title={`Sort by ${label === '#' ? 'rank' : label.toLowerCase()}`}
        onClick={() => setSort((current) => ({ key, descending: current.key === key ? !current.descending : key === 'score' }))}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );
  return (
    <div className="analysis-table-wrap">
      <table className="analysis-table" aria-label={`${result.scoreLabel} ranking`}>
        {/* Fixed widths, so the table fits the side panel: names wrap, long headers end in an ellipsis. */}
        <colgroup>
          <col className="analysis-col-rank" />
          <col />
          <col className="analysis-col-score" />
          {onWhy ? <col className="analysis-col-why" /> : null}
        </colgroup>
        <thead>
          <tr>
            {header('rank', '#', 'num')}
            {header('name', 'Actor')}
            {header('score', result.scoreLabel, 'num')}
            {onWhy ? (
              <th>
                <span className="sr-only">Explain</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.node.id} onClick={() => onRow(row.node)}>
              <td className="num muted">{ranks.get(row.node.id)}</td>
              <td>
                <button type="button" className="link analysis-actor" title={`${row.node.name} (${kindOf(row.node)}): select on the canvas`}>
                  <KindSwatch kind={kindOf(row.node)} /> {row.node.name}
                </button>
              </td>
              <td className="num">{formatScore(row.score)}</td>
              {onWhy ? (
                <td>
                  <button
                    type="button"
                    className="analysis-why"
                    aria-label={`Why is ${row.node.name} central?`}
                    title="Why is this actor central? The pairs whose shortest paths run through it"
                    onClick={(event) => {
                      event.stopPropagation();
                      onWhy(row.node);
                    }}
                  >
                    ?
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WhyPanel({ why, onPath, onClose }: { why: WhyCentral; onPath: (path: string[]) => void; onClose: () => void }) {
  return (
    <section className="analysis-why-panel" aria-label={`Why ${why.node.name} is central`}>
      <div className="analysis-heading">
        <h3>Why is {why.node.name} central?</h3>
        <button type="button" className="icon close" aria-label="Close the explanation" onClick={onClose}>
          ×
        </button>
      </div>
      {why.status.kind === 'running' ? <Progress status={why.status} /> : null}
      {why.status.kind === 'error' ? <p className="status error">{why.status.message}</p> : null}
      {why.answer ? (
        <>
          <p className="small">
            Betweenness {formatScore(why.answer.betweenness)}
            {why.answer.exact ? '' : ` (estimated from ${why.answer.sampleSize} pivots)`}.{' '}
            {why.answer.pairs.length === 0
              ? 'No shortest path between two others runs through it.'
              : 'Pairs whose shortest paths run through it, most paths first:'}
          </p>
          <ol className="analysis-pairs">
            {why.answer.pairs.map((pair) => (
              <li key={`${pair.source.id}|${pair.target.id}`}>
                <span>
                  {pair.source.name} ↔ {pair.target.name}
                </span>{' '}
                <span className="muted small">
                  {pair.paths} path{pair.paths === 1 ? '' : 's'} through, {Math.round(pair.share * 100)}% of theirs
                </span>{' '}
                <button type="button" className="link small" onClick={() => onPath(pair.path)}>
                  Show path
                </button>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function LinkingPanel({ linking, onSource, onClose }: { linking: Linking; onSource: (node: GraphNode) => void; onClose: () => void }) {
  const names = (ids: GraphNode[]) => ids.map((node) => node.name).join(', ');
  return (
    <section className="analysis-linking" aria-label={linking.kind === 'connect' ? 'How the actors connect' : 'Common neighbours'}>
      <div className="analysis-heading">
        <h3>{linking.kind === 'connect' ? `Connecting ${names(linking.actors)}` : `Common neighbours of ${names(linking.actors)}`}</h3>
        <button type="button" className="icon close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {linking.kind === 'connect' ? (
        <>
          <p className="small">
            {linking.answer.links.length === 0
              ? 'No path of at most 4 hops joins them.'
              : `${linking.answer.links.length} link${linking.answer.links.length === 1 ? '' : 's'} join${linking.answer.links.length === 1 ? 's' : ''} them through ${linking.answer.nodes.length - linking.actors.length} other actor${linking.answer.nodes.length - linking.actors.length === 1 ? '' : 's'}:`}
          </p>
          <ol className="hops analysis-links">
            {linking.answer.links.map((line, index) => {
              // A link names the tie's ends in joining order; the relationship beside it says which way it points.
              const stored = linking.answer.edges[index];
              const [from, to] = stored ? [stored.source, stored.target] : [line.source, line.target];
              return (
                <li key={index}>
                  <div className="hop">
                    {linking.names[from] ?? from} <span className="rel">—{line.type}→</span> {linking.names[to] ?? to}
                  </div>
                  {line.quote ? <blockquote>“{line.quote}”</blockquote> : <p className="muted small">No quote recorded.</p>}
                </li>
              );
            })}
          </ol>
          {linking.answer.unreachable.length > 0 ? (
            <p className="status error">Not joined within 4 hops: {linking.answer.unreachable.map((id) => linking.names[id] ?? id).join(', ')}.</p>
          ) : null}
        </>
      ) : linking.results.length === 0 ? (
        <p className="small">No entity is tied to all of them.</p>
      ) : (
        <ul className="plain-list">
          {linking.results.map((node) => (
            <li key={node.id}>
              <button type="button" className="link" onClick={() => onSource(node)}>
                <KindSwatch kind={kindOf(node)} /> {node.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The Analysis tab: a measure over a scope → a ranked table, its marks on the canvas, and the explanations. */
export function AnalysisPanel() {
  const explorer = useExplorer();
  const analysis = useExplorerState((state) => state.analysis);
  const canvasCount = useExplorerState((state) => Object.keys(state.history.present.nodes).length);
  const [request, setRequest] = useState<AnalysisRequest>(DEFAULT_REQUEST);
  const [datasets, setDatasets] = useState<DatasetSummary[]>([]);
  const [top, setTop] = useState(10);
  useEffect(() => {
    getDatasets()
      .then(setDatasets)
      .catch(() => setDatasets([]));
  }, []);
  const { status, result } = analysis;
  const scored = result && (CENTRALITY_MEASURES.includes(result.request.measure) || result.request.measure === 'cores');
  return (
    <section className="analysis" aria-label="Analysis">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void runAnalysis(explorer, request);
        }}
      >
        <Options request={request} onChange={setRequest} datasets={datasets} canvasCount={canvasCount} />
        <div className="field-row">
          <button type="submit" className="primary" disabled={status.kind === 'running' || (request.scope === 'datasets' && request.datasets.length === 0)}>
            Compute
          </button>
          {result ? (
            <button type="button" onClick={() => clearAnalysis(explorer)} title="Take the result off the canvas">
              Clear
            </button>
          ) : null}
        </div>
      </form>
      {status.kind === 'running' ? <Progress status={status} onCancel={() => cancelAnalysis(explorer)} /> : null}
      {status.kind === 'error' ? (
        <p className="status error" role="alert">
          {status.message}
        </p>
      ) : null}
      {analysis.linking ? (
        <LinkingPanel linking={analysis.linking} onSource={(node) => void selectRow(explorer, node)} onClose={() => clearLinking(explorer)} />
      ) : null}
      {analysis.why ? (
        <WhyPanel
          why={analysis.why}
          onPath={(path) => void showWhyPath(explorer, path)}
          onClose={() => update(explorer, (state) => ({ analysis: { ...state.analysis, why: undefined } }))}
        />
      ) : null}
      {result ? (
        <section className="analysis-result" aria-label="Analysis result">
          <p className="small analysis-summary">{result.summary}</p>
          <div className="field-row analysis-actions">
            {scored ? (
              <label>
                Show as{' '}
                <select value={analysis.overlay} onChange={(event) => setOverlay(explorer, event.target.value as Overlay)}>
                  <option value="size">size</option>
                  <option value="colour">colour</option>
                  <option value="none">nothing</option>
                </select>
              </label>
            ) : null}
            <span className="analysis-top">
              <select value={top} aria-label="How many to put on the canvas" onChange={(event) => setTop(Number(event.target.value))}>
                {TOP_COUNTS.map((count) => (
                  <option key={count} value={count}>
                    Top {count}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void putTopOnCanvas(explorer, top)} disabled={result.rows.length === 0}>
                Put on canvas
              </button>
            </span>
            <button
              type="button"
              onClick={() => download(`nexo-${result.request.measure}.csv`, rowsCsv(result), 'text/csv')}
              disabled={result.rows.length === 0}
              title="Download the table as CSV"
            >
              CSV
            </button>
          </div>
          {result.rows.length === 0 ? (
            <p className="small muted">Nothing to rank in this scope.</p>
          ) : (
            <ResultTable
              result={result}
              onRow={(node) => void selectRow(explorer, node)}
              onWhy={CENTRALITY_MEASURES.includes(result.request.measure) ? (node) => void explainCentrality(explorer, node) : undefined}
            />
          )}
        </section>
      ) : null}
    </section>
  );
}
