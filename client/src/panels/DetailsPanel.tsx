import { useCallback, useEffect, useState } from 'react';
import { getNeighbours, getNode } from '../api/client';
import type { Direction, GraphEdge, GraphNode, Neighbours, NodeDetails } from '../api/types';
import { dateText } from '../state/filters';
import { arrow } from '../state/paths';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { kindOf, type Slice, type ViewState } from '../state/view';
import { KindBadge } from './KindBadge';
import { Status } from './Status';
import { entities, relationships } from '../state/counted';

interface DetailsPanelProps {
  view: ViewState;
  selection: string[];
  onOpenSource: (sourceId: string, quote: string) => void;
  onSelect: (ids: string[]) => void;
  /** Expands one node by one type and direction (a row of its links in the database). */
  onExpand: (id: string, slice: Slice) => void;
  onExpandSelected: () => void;
  onHideSelected: () => void;
  onRemoveSelected: () => void;
  onPinSelected: () => void;
  onClose: () => void;
  /** Folds the panel to a rail that stays folded, whatever is selected next, until opened again. */
  onFold: () => void;
}

// Keys not listed as plain facts: shown in their own place, or (coreferences) the data tests' bookkeeping that the quotes already show.
const SHOWN_ELSEWHERE = new Set([
  'aliases',
  'coreferences',
  'searchNames',
  'description',
  'date',
  'since',
  'until',
  'evidence',
  'legalStatus',
  'status',
  'note',
  'quotes',
  'source',
  'name',
]);

/** A property as text: lists joined, absent as undefined. */
function listText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

function Quotes({ properties, onOpenSource }: { properties: Record<string, unknown>; onOpenSource: DetailsPanelProps['onOpenSource'] }) {
  const quotes = Array.isArray(properties.quotes) ? properties.quotes.filter((quote): quote is string => typeof quote === 'string') : [];
  const source = typeof properties.source === 'string' ? properties.source : undefined;
  return (
    <section aria-label="Provenance">
      <h3>Provenance</h3>
      {quotes.length === 0 ? <p className="muted">No quote recorded for this item.</p> : null}
      <ol className="quotes">
        {quotes.map((quote, index) => (
          <li key={index}>
            <blockquote>“{quote}”</blockquote>
            {source ? (
              <button type="button" className="link" onClick={() => onOpenSource(source, quote)}>
                Show in source: {source}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Facts({ properties }: { properties: Record<string, unknown> }) {
  const dates = dateText(properties);
  const rest = Object.entries(properties).filter(([key, value]) => !SHOWN_ELSEWHERE.has(key) && value !== null && value !== '');
  return (
    <dl className="facts">
      <dt>Dates</dt>
      <dd>{dates || <span className="muted">undated</span>}</dd>
      {listText(properties.evidence) ? (
        <>
          <dt>Evidence</dt>
          <dd>{listText(properties.evidence)}</dd>
        </>
      ) : null}
      {listText(properties.legalStatus ?? properties.status) ? (
        <>
          <dt>Legal status</dt>
          <dd>{listText(properties.legalStatus ?? properties.status)}</dd>
        </>
      ) : null}
      {typeof properties.note === 'string' ? (
        <>
          <dt>Note</dt>
          <dd>{properties.note}</dd>
        </>
      ) : null}
      {rest.map(([key, value]) => (
        <div key={key} className="fact-row">
          <dt>{key}</dt>
          <dd>{Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** How many neighbours the details ask for to name who is at the other end of each row (one request, not one per row). */
const NAMED_NEIGHBOURS = 50;
const NAMES_PER_ROW = 3;

/** The names at the other end of each type and direction, from one page of neighbours. */
function namesByRow(id: string, page: Neighbours | undefined): Map<string, string[]> {
  const names = new Map<string, string[]>();
  if (!page) return names;
  const byId = new Map(page.nodes.map((node) => [node.id, node.name]));
  for (const edge of page.edges) {
    const direction: Direction = edge.source === id ? 'out' : 'in';
    const other = byId.get(direction === 'out' ? edge.target : edge.source);
    const key = `${edge.type} ${direction}`;
    const list = names.get(key) ?? [];
    if (other && !list.includes(other)) list.push(other);
    names.set(key, list);
  }
  return names;
}

function othersText(names: string[], count: number): string {
  const shown = names.slice(0, NAMES_PER_ROW);
  const rest = count - shown.length;
  return shown.join(', ') + (rest > 0 ? `${shown.length ? ' and ' : ''}${rest} ${shown.length ? 'more' : 'entities'}` : '');
}

function NodeDetailsView({ node, onOpenSource, onExpand }: { node: GraphNode } & Pick<DetailsPanelProps, 'onOpenSource' | 'onExpand'>) {
  const [details, setDetails] = useState<NodeDetails | undefined>();
  const [neighbours, setNeighbours] = useState<Neighbours | undefined>();
  const [status, setStatus] = useState<RequestStatus>(idle);
  const load = useCallback(() => {
    setStatus(loading('Loading links…'));
    getNode(node.id)
      .then((result) => {
        setDetails(result);
        setStatus(idle);
      })
      .catch((error: unknown) => setStatus(failed(error)));
    // The names are a help, not the answer: without them the rows still count and expand.
    getNeighbours(node.id, { direction: 'both', limit: NAMED_NEIGHBOURS })
      .then(setNeighbours)
      .catch(() => undefined);
  }, [node.id]);
  useEffect(load, [load]);
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases.map(String) : [];
  const searchNames = listText(node.properties.searchNames);
  const names = namesByRow(node.id, neighbours);
  const rows = Object.entries(details?.degree ?? {})
    .flatMap(([type, counts]) => [
      { type, direction: 'out' as const, count: counts.out },
      { type, direction: 'in' as const, count: counts.in },
    ])
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  return (
    <>
      <header className="details-header">
        <KindBadge kind={kindOf(node)} />
        <h2>{node.name}</h2>
        <div className="muted small">{node.id}</div>
      </header>
      {aliases.length ? (
        <p>
          <span className="label">Also known as</span> {aliases.join(' · ')}
        </p>
      ) : null}
      {searchNames ? (
        <p className="muted small">
          <span className="label">Also found by</span> {searchNames}{' '}
          <span title="Standard spellings the source does not use: for search, not evidence">(not in the source)</span>
        </p>
      ) : null}
      {typeof node.properties.description === 'string' ? <p className="description">{node.properties.description}</p> : null}
      <Facts properties={node.properties} />
      <section aria-label="Links by type">
        <h3>Links in the database</h3>
        <Status status={status} onRetry={load} />
        {details && rows.length === 0 ? <p className="muted">No links recorded.</p> : null}
        {rows.length ? (
          <ul className="degree-rows">
            {rows.map((row) => {
              const others = othersText(names.get(`${row.type} ${row.direction}`) ?? [], row.count);
              return (
                <li key={`${row.type} ${row.direction}`}>
                  <button
                    type="button"
                    className="degree-row"
                    title="Expand this type and direction onto the canvas"
                    aria-label={`Expand ${row.direction === 'out' ? 'outgoing' : 'incoming'} ${row.type} (${row.count}): ${others}`}
                    onClick={() => onExpand(node.id, { types: [row.type], direction: row.direction })}
                  >
                    <span className="rel">{arrow(row.type, row.direction === 'out')}</span>
                    <span className="count">{row.count}</span>
                    {neighbours ? <span className="others">{others}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
      <Quotes properties={node.properties} onOpenSource={onOpenSource} />
    </>
  );
}

function EdgeDetailsView({ edge, view, onOpenSource, onSelect }: { edge: GraphEdge; view: ViewState } & Pick<DetailsPanelProps, 'onOpenSource' | 'onSelect'>) {
  const from = view.nodes[edge.source];
  const to = view.nodes[edge.target];
  return (
    <>
      <header className="details-header">
        <span className="kind-badge edge-badge">Relationship</span>
        <h2>{edge.type}</h2>
      </header>
      <p className="edge-ends">
        <button type="button" className="link" onClick={() => onSelect([edge.source])}>
          {from?.name ?? edge.source}
        </button>{' '}
        <span className="rel">{arrow(edge.type, true)}</span>{' '}
        <button type="button" className="link" onClick={() => onSelect([edge.target])}>
          {to?.name ?? edge.target}
        </button>
      </p>
      <Facts properties={edge.properties} />
      <Quotes properties={edge.properties} onOpenSource={onOpenSource} />
    </>
  );
}

/** What the selection is, with its provenance: one node, one edge, or a summary of several with bulk actions. */
export function DetailsPanel(props: DetailsPanelProps) {
  const { view, selection } = props;
  const nodes = selection.map((id) => view.nodes[id]).filter((node): node is GraphNode => node !== undefined);
  const edges = selection.map((id) => view.edges[id]).filter((edge): edge is GraphEdge => edge !== undefined);
  let body: React.ReactNode;
  if (nodes.length === 1 && edges.length === 0)
    body = <NodeDetailsView key={nodes[0]!.id} node={nodes[0]!} onOpenSource={props.onOpenSource} onExpand={props.onExpand} />;
  else if (edges.length === 1 && nodes.length === 0)
    body = <EdgeDetailsView edge={edges[0]!} view={view} onOpenSource={props.onOpenSource} onSelect={props.onSelect} />;
  else
    body = (
      <>
        <header className="details-header">
          <h2>
            {entities(nodes.length)}, {relationships(edges.length)} selected
          </h2>
        </header>
        <ul className="plain-list">
          {nodes.slice(0, 30).map((node) => (
            <li key={node.id}>
              <button type="button" className="link" onClick={() => props.onSelect([node.id])}>
                {node.name}
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <aside className="details panel" aria-label="Details">
      <div className="panel-toolbar">
        {nodes.length > 0 ? (
          <>
            <button type="button" onClick={props.onExpandSelected} title="Expand selected (E)">
              Expand
            </button>
            <button type="button" onClick={props.onPinSelected} title="Pin or unpin selected (P)">
              Pin
            </button>
            <button type="button" onClick={props.onHideSelected} title="Hide selected (H)">
              Hide
            </button>
            <button type="button" onClick={props.onRemoveSelected} title="Remove selected (Delete)">
              Remove
            </button>
          </>
        ) : null}
        <button type="button" className="fold" aria-label="Fold the details" title="Fold the details" onClick={props.onFold}>
          »
        </button>
        <button type="button" className="icon close" aria-label="Close details" onClick={props.onClose}>
          ×
        </button>
      </div>
      <div className="panel-body">{body}</div>
    </aside>
  );
}
