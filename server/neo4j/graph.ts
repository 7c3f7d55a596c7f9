import neo4j, { isNode, isPath, isRelationship, type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { z } from 'zod';
import { defaultCaptionRules, nodeCaption, type CaptionRules, type DatasetCaptions } from './caption.js';

/** The API's node: our dataset id (never Neo4j's element id), a display name and the other properties. */
export const nodeSchema = z.object({
  id: z.string(),
  labels: z.array(z.string()),
  name: z.string(),
  properties: z.record(z.string(), z.unknown()),
});

/** The API's edge: source and target are node ids, direction as stored. */
export const edgeSchema = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), z.unknown()),
});

export const graphSchema = z.object({ nodes: z.array(nodeSchema), edges: z.array(edgeSchema) });

export type GraphNode = z.infer<typeof nodeSchema>;
export type GraphEdge = z.infer<typeof edgeSchema>;
export type Graph = z.infer<typeof graphSchema>;

/** Turns any driver value into plain JSON: integers to numbers, temporals to ISO strings, points to maps. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) {
    return { srid: plainValue(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, plainValue(inner)]));
  }
  return value;
}

/**
 * Nexo's own keys on entities and relationships (see README.md, "Datasets and importing your own network"): the API id and the
 * dataset. The prefix keeps them apart from the user's properties, which may be called id, dataset or anything.
 */
export const NEXO_ID = '__nexo_id';
export const NEXO_DATASET = '__nexo_dataset';
const NEXO_PREFIX = '__nexo';

/** The API id of a node, or its element id prefixed when the node has none (e.g. a Source). */
export function nodeId(node: Neo4jNode): string {
  const id = node.properties[NEXO_ID];
  return typeof id === 'string' ? id : `element:${node.elementId}`;
}

/** The user's properties as plain JSON, without Nexo's own keys. */
function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([key]) => !key.startsWith(NEXO_PREFIX))
      .map(([key, value]) => [key, plainValue(value)]),
  );
}

/** The dataset a node or relationship belongs to, if it has one. */
export function datasetOf(item: { properties: Record<string, unknown> }): string | undefined {
  const dataset = item.properties[NEXO_DATASET];
  return typeof dataset === 'string' ? dataset : undefined;
}

// Set once at start-up from NEXO_CAPTION_RULES; a process-wide setting rather than a parameter
// threaded through every feature that converts a node.
let captionRules: CaptionRules = defaultCaptionRules;

/** Sets the caption rules used for nodes without a `name` (see config.ts). */
export function useCaptionRules(rules: CaptionRules): void {
  captionRules = rules;
}

// Per dataset, the captions picked from its data and chosen in the UI (features/captions keeps them current).
let datasetCaptions: Record<string, DatasetCaptions> = {};

/** Sets the captions of the datasets, by dataset id; a dataset left out gets none. */
export function useDatasetCaptions(captions: Record<string, DatasetCaptions>): void {
  datasetCaptions = captions;
}

/** The captions in use, for a console worker thread to name nodes as the API does. */
export function datasetCaptionsInUse(): Record<string, DatasetCaptions> {
  return datasetCaptions;
}

/** A driver node as an API node; `name` is its caption (see nodeCaption for which property wins). */
export function toGraphNode(node: Neo4jNode): GraphNode {
  const rest = plainProperties(node.properties);
  const id = nodeId(node);
  const dataset = datasetOf(node);
  const name = nodeCaption(
    { id, labels: node.labels, properties: rest, formatCaption: node.properties.__nexo_caption },
    captionRules,
    dataset === undefined ? undefined : datasetCaptions[dataset],
  );
  return { id, labels: [...node.labels], name, properties: rest };
}

/** A driver relationship as an API edge; ends are looked up by element id among known nodes. */
export function toGraphEdge(relationship: Relationship, endIds: (elementId: string) => string): GraphEdge {
  const id = relationship.properties[NEXO_ID];
  return {
    id: typeof id === 'string' ? id : `element:${relationship.elementId}`,
    type: relationship.type,
    source: endIds(relationship.startNodeElementId),
    target: endIds(relationship.endNodeElementId),
    properties: plainProperties(relationship.properties),
  };
}

/** Collects nodes, relationships and paths found anywhere in a value (lists, maps, paths) into one graph. */
export class GraphCollector {
  private readonly nodes = new Map<string, Neo4jNode>();
  private readonly relationships = new Map<string, Relationship>();

  add(value: unknown): void {
    if (isNode(value)) this.nodes.set(value.elementId, value);
    else if (isRelationship(value)) this.relationships.set(value.elementId, value);
    else if (isPath(value)) {
      for (const segment of value.segments) {
        this.add(segment.start);
        this.add(segment.relationship);
        this.add(segment.end);
      }
      this.add(value.start);
    } else if (Array.isArray(value)) value.forEach((item) => this.add(item));
    else if (value && typeof value === 'object' && !neo4j.isInt(value)) {
      Object.values(value as Record<string, unknown>).forEach((item) => this.add(item));
    }
  }

  get size(): { nodes: number; edges: number } {
    return { nodes: this.nodes.size, edges: this.relationships.size };
  }

  /** The graph; relationships whose ends were not collected keep element-id ends. */
  toGraph(): Graph {
    const idsByElement = new Map<string, string>();
    const nodes = [...this.nodes.values()].map((node) => {
      const converted = toGraphNode(node);
      idsByElement.set(node.elementId, converted.id);
      return converted;
    });
    const endId = (elementId: string): string => idsByElement.get(elementId) ?? `element:${elementId}`;
    const edges = [...this.relationships.values()].map((relationship) => toGraphEdge(relationship, endId));
    return { nodes, edges };
  }
}
