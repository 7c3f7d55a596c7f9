import { useCallback, useEffect, useState } from 'react';
import { getMostConnected } from '../api/client';
import type { GraphNode } from '../api/types';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { kindOf } from '../state/view';
import { useExplorerState } from '../explorer/react';
import { DatasetPicker } from './DatasetPicker';
import { KindSwatch } from './KindBadge';
import { Status } from './Status';

/** What an empty canvas offers: how to begin, and the most connected actors to start from. */
export function StartPanel({ onPick, onPickAll }: { onPick: (node: GraphNode) => void; onPickAll: (nodes: GraphNode[]) => void }) {
  const [actors, setActors] = useState<{ node: GraphNode; degree: number; dataset: string }[]>([]);
  const datasets = useExplorerState((state) => state.datasets);
  const [status, setStatus] = useState<RequestStatus>(idle);
  // The most connected actors of the datasets chosen, asked again when the choice or the list (a deletion) changes.
  const scope = useExplorerState((state) => `${state.chosenDatasets.join(',')}|${state.datasets?.length ?? ''}`);
  const load = useCallback(() => {
    setStatus(loading('Finding the most connected actors…'));
    getMostConnected(10)
      .then((found) => {
        setActors(found);
        setStatus(idle);
      })
      .catch((error: unknown) => setStatus(failed(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scope is what the request depends on, through the API client
  }, [scope]);
  useEffect(load, [load]);
  // Two datasets may hold actors of the same name: when the list spans several, each says which it comes from.
  const datasetNameOf = (id: string): string | undefined =>
    new Set(actors.map((actor) => actor.dataset)).size > 1 ? (datasets?.find((dataset) => dataset.id === id)?.name ?? id) : undefined;
  return (
    <section className="start" aria-label="Start here">
      <h2>Start from an actor</h2>
      <p>
        Type a name or alias in the search box above (accents don’t matter: <em>guzman</em> finds Guzmán), or begin with one of the most connected actors.
        Double-click a node to expand it; right-click for counts per relationship type.
      </p>
      <Status status={status} onRetry={load} />
      {actors.length > 0 ? (
        <>
          <ol className="start-list">
            {actors.map(({ node, degree, dataset }) => (
              <li key={node.id}>
                <button type="button" onClick={() => onPick(node)} title={`${kindOf(node)}: ${node.name}`}>
                  <KindSwatch kind={kindOf(node)} />
                  <span className="sr-only">{kindOf(node)}</span>
                  <span className="start-name">
                    {node.name}
                    {datasetNameOf(dataset) !== undefined ? <small className="start-dataset">{datasetNameOf(dataset)}</small> : null}
                  </span>
                  <span className="count">{degree} links</span>
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="link" onClick={() => onPickAll(actors.map((actor) => actor.node))}>
            Put all {actors.length} on the canvas
          </button>
        </>
      ) : null}
      <DatasetPicker />
      <p className="muted small">Press ? for keyboard shortcuts.</p>
    </section>
  );
}
