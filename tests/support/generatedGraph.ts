import path from 'node:path';
import type { Database } from '../../server/neo4j/database.js';
import { readDataset, relationshipId, type Dataset, type DatasetNode, type DatasetRelationship } from '../../server/features/load/dataset.js';
import { applySchema, loadDataset } from '../../server/features/load/load.service.js';
import { projectRoot } from '../../server/projectRoot.js';
import { emptyDatabase } from './testDatabase.js';

/** The hub's id and how many neighbours it has. */
export const HUB_ID = 'person:generated-hub';
export const HUB_NEIGHBOURS = 3000;
/** Nodes outside the hub's neighbourhood, linked in a ring: ordinary nodes for subgraph and degree checks. */
export const RING_SIZE = 20;
export const GENERATED_SOURCE = 'generated-graph';
/** The dataset the generated graph is loaded as, beside the Peru network. */
export const GENERATED_DATASET = 'generated';

const kinds = ['Person', 'Organization', 'Location'] as const;
const QUOTE = 'Generated for tests.';

/** The id of the hub's i-th neighbour (0 ≤ i < HUB_NEIGHBOURS). */
export function neighbourId(i: number): string {
  return `${kinds[i % 3]!.toLowerCase()}:generated-${String(i).padStart(4, '0')}`;
}

/** The id of the i-th ring node. */
export function ringId(i: number): string {
  return `organization:generated-ring-${String(i).padStart(2, '0')}`;
}

/**
 * A deterministic graph built for paging and filtering checks:
 * - a hub (Person) with HUB_NEIGHBOURS neighbours, kinds cycling Person, Organization, Location;
 *   neighbour i is linked by CALLED hub→i (i % 4 = 0), PAID i→hub (i % 4 = 1), MET hub→i (i % 4 = 2), MET i→hub (i % 4 = 3),
 *   and every tenth neighbour also by PAID i→hub, so some neighbours are reached by two relationships;
 * - names that do not follow the ids (a permutation) and come in pairs, so ordering needs the id tie-break;
 * - a ring of RING_SIZE organisations (ring i KNOWS ring i+1), whose first node also KNOWS neighbour 0.
 */
export function generatedGraph(): Dataset {
  const node = (id: string, kind: DatasetNode['kind'], name: string): DatasetNode => ({
    id,
    kind,
    name,
    aliases: [],
    description: `Generated node ${name}.`,
    quotes: [QUOTE],
  });
  const link = (source: string, type: string, target: string): DatasetRelationship => {
    const rel = { type, source, target, quotes: [QUOTE] };
    return { ...rel, id: relationshipId(rel) };
  };
  const nodes: DatasetNode[] = [node(HUB_ID, 'Person', 'Generated Hub')];
  const relationships: DatasetRelationship[] = [];
  for (let i = 0; i < HUB_NEIGHBOURS; i++) {
    const rank = Math.floor(((i * 7919) % HUB_NEIGHBOURS) / 2);
    nodes.push(node(neighbourId(i), kinds[i % 3]!, `Contact ${String(rank).padStart(4, '0')}`));
    const id = neighbourId(i);
    if (i % 4 === 0) relationships.push(link(HUB_ID, 'CALLED', id));
    if (i % 4 === 1) relationships.push(link(id, 'PAID', HUB_ID));
    if (i % 4 === 2) relationships.push(link(HUB_ID, 'MET', id));
    if (i % 4 === 3) relationships.push(link(id, 'MET', HUB_ID));
    if (i % 10 === 0) relationships.push(link(id, 'PAID', HUB_ID));
  }
  for (let i = 0; i < RING_SIZE; i++) {
    nodes.push(node(ringId(i), 'Organization', `Ring ${i}`));
    relationships.push(link(ringId(i), 'KNOWS', ringId((i + 1) % RING_SIZE)));
  }
  relationships.push(link(ringId(0), 'KNOWS', neighbourId(0)));
  return {
    manifest: {
      id: GENERATED_SOURCE,
      title: 'Generated test graph',
      sourceFile: 'generated.txt',
      sha256: '0'.repeat(64),
      licence: 'CC0-1.0',
      attribution: 'Nexo tests',
    },
    sourceText: QUOTE,
    nodes,
    relationships,
  };
}

/** Writes the generated graph through the same load path as real datasets (schema must be applied). */
export async function loadGeneratedGraph(db: Pick<Database, 'driver' | 'name'>): Promise<Dataset> {
  const dataset = generatedGraph();
  await loadDataset(db, dataset, GENERATED_DATASET);
  return dataset;
}

/** A fresh database with the schema, the Peru network and the generated graph: what the explore features test on. */
export async function loadPeruAndGeneratedGraph(db: Pick<Database, 'driver' | 'name'>): Promise<void> {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
  await loadGeneratedGraph(db);
}
