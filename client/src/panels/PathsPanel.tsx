import { useState } from 'react';
import { findPaths } from '../api/client';
import type { Graph, GraphNode, PathMode } from '../api/types';
import { arrow, DEFAULT_MAX_HOPS, firstQuote, pathHops, pathSentence, type PathEnds } from '../state/paths';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { SearchBox } from './SearchBox';
import './analysis.css';
import { Status } from './Status';

interface PathsPanelProps {
  ends: PathEnds;
  onEnds: (ends: PathEnds) => void;
  selectedNodes: GraphNode[];
  types: string[];
  paths: Graph[] | undefined;
  activePath: number;
  onlyPath: boolean;
  onFound: (paths: Graph[]) => void;
  onShowPath: (index: number) => void;
  onOnlyPath: (only: boolean) => void;
  onClear: () => void;
  onOpenSource: (sourceId: string, quote: string) => void;
}

function EndPicker({
  label,
  node,
  selected,
  onPick,
}: {
  label: string;
  node?: GraphNode;
  selected?: GraphNode;
  onPick: (node: GraphNode | undefined) => void;
}) {
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <SearchBox label={`Path ${label.toLowerCase()}`} placeholder="Search an actor…" onPick={onPick} keepPicked initialText={node?.name ?? ''} />
      {selected && selected.id !== node?.id ? (
        <button type="button" className="link small" onClick={() => onPick(selected)}>
          Use selected: {selected.name}
        </button>
      ) : null}
    </div>
  );
}

/** A path in words, each arrow kept on one line with its relationship type. */
function PathWords({ path }: { path: Graph }) {
  const hops = pathHops(path);
  if (hops.length === 0) return <>{pathSentence(path)}</>;
  return (
    <>
      {hops[0]!.from.name}
      {hops.map((hop) => (
        <span key={hop.edge.id}>
          {' '}
          <span className="arrow">{arrow(hop.edge.type, hop.forward)}</span> {hop.to.name}
        </span>
      ))}
    </>
  );
}

/** Paths between two actors, drawn on the canvas and told in words with one quote per hop. */
export function PathsPanel(props: PathsPanelProps) {
  const { ends } = props;
  const [maxHops, setMaxHops] = useState(DEFAULT_MAX_HOPS);
  const [mode, setMode] = useState<PathMode>('shortest');
  const [k, setK] = useState(3);
  const [directed, setDirected] = useState(false);
  const [types, setTypes] = useState<string[]>([]);
  const [status, setStatus] = useState<RequestStatus>(idle);
  const [askedHops, setAskedHops] = useState(maxHops);
  /** Set when the last search's ends are in different connected components: no hop limit would help. */
  const [apart, setApart] = useState<string | undefined>();
  const selected = props.selectedNodes.length === 1 ? props.selectedNodes[0] : undefined;
  // An end is never avoided: the server refuses that, and the analyst plainly wants paths from it.
  const avoided = (ends.avoid ?? []).filter((node) => node.id !== ends.from?.id && node.id !== ends.to?.id);

  const search = () => {
    if (!ends.from || !ends.to) return;
    setStatus(loading('Looking for paths…'));
    setAskedHops(maxHops);
    findPaths({ from: ends.from.id, to: ends.to.id, maxHops, types, directed, mode, k, excludeIds: avoided.map((node) => node.id) })
      .then((answer) => {
        setStatus(idle);
        setApart(answer.connected ? undefined : `${ends.from!.name} and ${ends.to!.name} are not connected in this dataset: no path of any length joins them.`);
        props.onFound(answer.paths);
      })
      .catch((error: unknown) => setStatus(failed(error)));
  };

  return (
    <section className="paths" aria-label="Paths">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          search();
        }}
      >
        <EndPicker label="From" node={ends.from} selected={selected} onPick={(node) => props.onEnds({ ...ends, from: node })} />
        <EndPicker label="To" node={ends.to} selected={selected} onPick={(node) => props.onEnds({ ...ends, to: node })} />
        <div className="field-row">
          <label>
            Max hops{' '}
            <select value={maxHops} onChange={(event) => setMaxHops(Number(event.target.value))}>
              {[1, 2, 3, 4, 5, 6, 8, 10].map((hops) => (
                <option key={hops}>{hops}</option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={directed} onChange={(event) => setDirected(event.target.checked)} /> Follow arrows
          </label>
        </div>
        <fieldset className="field-row">
          <legend className="sr-only">Which paths</legend>
          {(
            [
              ['shortest', 'Shortest'],
              ['all-shortest', 'All shortest'],
              ['k-shortest', 'K shortest'],
            ] as const
          ).map(([value, text]) => (
            <label key={value}>
              <input type="radio" name="path-mode" value={value} checked={mode === value} onChange={() => setMode(value)} /> {text}
            </label>
          ))}
          {mode === 'k-shortest' ? (
            <label>
              k{' '}
              <input
                type="number"
                min={1}
                max={20}
                value={k}
                onChange={(event) => setK(Math.max(1, Math.min(20, Number(event.target.value) || 1)))}
                className="narrow"
              />
            </label>
          ) : null}
        </fieldset>
        {avoided.length > 0 ? (
          <div className="field-row avoid-list" aria-label="Avoided entities">
            <span className="field-label">Avoiding</span>
            {avoided.map((node) => (
              <span key={node.id} className="avoid-chip">
                {node.name}
                <button
                  type="button"
                  className="icon close"
                  aria-label={`Stop avoiding ${node.name}`}
                  onClick={() => props.onEnds({ ...ends, avoid: (ends.avoid ?? []).filter((other) => other.id !== node.id) })}
                >
                  ×
                </button>
              </span>
            ))}
          </div>
        ) : null}
        <details className="type-picker">
          <summary>Relationship types: {types.length === 0 ? 'all' : types.length}</summary>
          <div className="checks">
            {props.types.map((type) => (
              <label key={type}>
                <input
                  type="checkbox"
                  checked={types.includes(type)}
                  onChange={() => setTypes((current) => (current.includes(type) ? current.filter((item) => item !== type) : [...current, type]))}
                />{' '}
                {type}
              </label>
            ))}
          </div>
        </details>
        <div className="field-row">
          <button type="submit" className="primary" disabled={!ends.from || !ends.to || status.kind === 'loading'}>
            Find paths
          </button>
          {props.paths ? (
            <button type="button" onClick={props.onClear}>
              Clear
            </button>
          ) : null}
        </div>
      </form>
      <Status status={status} onRetry={search} />
      {props.paths && props.paths.length === 0 ? (
        <p className="status" role="status">
          {apart ?? (
            <>
              No path within {askedHops} hop{askedHops === 1 ? '' : 's'}
              {types.length ? ' over the chosen relationship types' : ''}
              {directed ? ' following the arrows' : ''}; a longer {types.length || directed ? 'or freer ' : ''}one exists.
            </>
          )}
        </p>
      ) : null}
      {props.paths && props.paths.length > 0 ? (
        <>
          <div className="field-row">
            <span role="status">
              {props.paths.length} path{props.paths.length === 1 ? '' : 's'} found
            </span>
            <label>
              <input type="checkbox" checked={props.onlyPath} onChange={(event) => props.onOnlyPath(event.target.checked)} /> Show only the path
            </label>
          </div>
          <ol className="path-list" aria-label="Paths found">
            {props.paths.map((path, index) => (
              <li key={index} className={index === props.activePath ? 'path-item active' : 'path-item'}>
                <button type="button" className="path-sentence" aria-pressed={index === props.activePath} onClick={() => props.onShowPath(index)}>
                  <PathWords path={path} />
                </button>
                {index === props.activePath ? (
                  <ol className="hops">
                    {pathHops(path).map((hop) => {
                      const quote = firstQuote(hop.edge.properties);
                      const source = typeof hop.edge.properties.source === 'string' ? hop.edge.properties.source : undefined;
                      return (
                        <li key={hop.edge.id}>
                          <div className="hop">
                            {hop.from.name} <span className="rel">{arrow(hop.edge.type, hop.forward)}</span> {hop.to.name}
                          </div>
                          {quote ? <blockquote>“{quote}”</blockquote> : <p className="muted small">No quote recorded.</p>}
                          {quote && source ? (
                            <button type="button" className="link small" onClick={() => props.onOpenSource(source, quote)}>
                              Show in source: {source}
                            </button>
                          ) : null}
                        </li>
                      );
                    })}
                  </ol>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
