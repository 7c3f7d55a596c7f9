import { z } from 'zod';
import type { ViewState } from './view';
import { emptyFilters, emptyView } from './view';

const FORMAT = 'nexo-view';

const itemProperties = z.record(z.string(), z.unknown());
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  nodes: z.array(
    z.object({
      id: z.string(),
      labels: z.array(z.string()),
      name: z.string(),
      properties: itemProperties,
      position: z.object({ x: z.number(), y: z.number() }).optional(),
      pinned: z.boolean().optional(),
    }),
  ),
  edges: z.array(z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string(), properties: itemProperties })),
  filters: z
    .object({
      hiddenTypes: z.array(z.string()),
      hiddenKinds: z.array(z.string()),
      years: z.tuple([z.number(), z.number()]).nullable(),
      // Files saved before the undated choice existed leave it out.
      undated: z.enum(['show', 'dim', 'hide']).default('show'),
    })
    .optional(),
  layout: z.string().optional(),
});

/** The view as a self-contained JSON document: nodes with positions, edges, filters. */
export function exportView(state: ViewState): string {
  const pinned = new Set(state.pinned);
  const document: z.infer<typeof fileSchema> = {
    format: FORMAT,
    version: 1,
    nodes: Object.values(state.nodes).map((node) => ({
      ...node,
      position: state.positions[node.id] ?? { x: 0, y: 0 },
      ...(pinned.has(node.id) ? { pinned: true } : {}),
    })),
    edges: Object.values(state.edges),
    filters: state.filters,
    layout: state.layout,
  };
  return JSON.stringify(document, null, 2);
}

/** Reads a file written by exportView; throws an Error whose message says what is wrong. */
export function importView(text: string): ViewState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The file is not JSON.');
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`The file is not a Nexo view export${issue ? ` (${issue.path.join('.') || 'root'}: ${issue.message})` : ''}.`);
  }
  const file = result.data;
  const base = emptyView();
  const nodes = Object.fromEntries(file.nodes.map(({ position: _position, pinned: _pinned, ...node }) => [node.id, node]));
  return {
    ...base,
    nodes,
    edges: Object.fromEntries(file.edges.filter((edge) => nodes[edge.source] && nodes[edge.target]).map((edge) => [edge.id, edge])),
    positions: Object.fromEntries(file.nodes.map((node, index) => [node.id, node.position ?? { x: (index % 10) * 120, y: Math.floor(index / 10) * 120 }])),
    pinned: file.nodes.filter((node) => node.pinned).map((node) => node.id),
    filters: file.filters ?? emptyFilters(),
    layout: file.layout ?? base.layout,
  };
}
