import { isNode, isPath, isRelationship, type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { NEXO_DATASET } from '../../neo4j/graph.js';

/** What a dataset-scoped answer left out: distinct nodes and relationships, and paths (each occurrence). */
export interface Withheld {
  nodes: number;
  relationships: number;
  paths: number;
}

/**
 * Arbitrary Cypher cannot be rewritten to stay within datasets, so a scoped console answer is filtered instead: every
 * node and relationship whose dataset is not one of `datasets` (documents and Nexo's records have none) becomes null
 * in the rows, and so does a path that passes through one. Values read from them (n.name, count(*)) are not seen
 * here; a statement filters those itself with `WHERE n.__nexo_dataset IN $datasets`. `datasets` undefined: no scope.
 */
export function withinDatasets(rows: unknown[][], datasets: readonly string[] | undefined): { rows: unknown[][]; withheld: Withheld } {
  const withheld = { nodes: new Set<string>(), relationships: new Set<string>(), paths: 0 };
  if (datasets === undefined) return { rows, withheld: { nodes: 0, relationships: 0, paths: 0 } };
  const chosen = new Set(datasets);
  const inside = (element: Neo4jNode | Relationship): boolean => {
    const dataset = element.properties[NEXO_DATASET];
    return typeof dataset === 'string' && chosen.has(dataset);
  };
  const keep = (value: unknown): unknown => {
    if (isNode(value) || isRelationship(value)) {
      if (inside(value)) return value;
      (isNode(value) ? withheld.nodes : withheld.relationships).add(value.elementId);
      return null;
    }
    if (isPath(value)) {
      const elements = [value.start, ...value.segments.flatMap((segment) => [segment.relationship, segment.end])];
      if (elements.every(inside)) return value;
      withheld.paths += 1;
      return null;
    }
    if (Array.isArray(value)) return value.map(keep);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, keep(inner)]));
    }
    return value;
  };
  return {
    rows: rows.map((row) => row.map(keep)),
    withheld: { nodes: withheld.nodes.size, relationships: withheld.relationships.size, paths: withheld.paths },
  };
}
