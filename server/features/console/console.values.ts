import neo4j, { isNode, isPath, isRelationship } from 'neo4j-driver';
import { nodeId, plainValue, toGraphEdge, type Graph, type GraphEdge, type GraphNode } from '../../neo4j/graph.js';

/**
 * JSON parameters as Cypher values. JSON has one number type and the driver sends it as a float, which
 * `LIMIT $n`, `range()` and list indexes refuse; whole numbers therefore go as Integers (`1 = 1.0` still holds).
 */
export function cypherParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, cypherValue(value)]));
}

function cypherValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(cypherValue);
  if (isPlainObject(value)) return cypherParameters(value);
  return value;
}

/** A node in a result row: enough to show it; its properties are in the answer's graph under the same id. */
type NodeCell = Pick<GraphNode, 'id' | 'labels' | 'name'>;
/** A relationship in a result row; source and target are node ids, as in the graph. */
type EdgeCell = Pick<GraphEdge, 'id' | 'type' | 'source' | 'target'>;

/**
 * Renders one result value as plain JSON, looking nodes and relationships up in the answer's graph so that rows
 * and graph agree. A path becomes the list [node, relationship, node, …] in its own direction.
 */
export function cellRenderer(graph: Graph): (value: unknown) => unknown {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const edges = new Map(graph.edges.map((edge) => [edge.id, edge]));
  const render = (value: unknown): unknown => {
    if (isNode(value)) {
      const { id, labels, name } = nodes.get(nodeId(value))!;
      return { id, labels, name } satisfies NodeCell;
    }
    if (isRelationship(value)) {
      // The graph's edge id, by the graph's own rule; the ends do not matter for the id.
      const { id, type, source, target } = edges.get(toGraphEdge(value, String).id)!;
      return { id, type, source, target } satisfies EdgeCell;
    }
    if (isPath(value)) return [value.start, ...value.segments.flatMap((segment) => [segment.relationship, segment.end])].map(render);
    if (Array.isArray(value)) return value.map(render);
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, render(inner)]));
    return plainValue(value);
  };
  return render;
}

/** A JSON-like map, as opposed to the driver's value classes (Integer, Date, Point …) that plainValue converts. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * About how many bytes of JSON a result value becomes, counting at least `budget + 1` once it is over `budget`, so one
 * huge list is not walked to its end. Nodes and relationships count their properties, as the answer's graph holds them.
 */
export function approximateJsonBytes(value: unknown, budget: number): number {
  let bytes = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && bytes <= budget) {
    const next = pending.pop();
    if (typeof next === 'string') bytes += next.length + 2;
    else if (isNode(next)) {
      bytes += 64 + next.labels.join().length;
      pending.push(next.properties);
    } else if (isRelationship(next)) {
      bytes += 96 + next.type.length;
      pending.push(next.properties);
    } else if (isPath(next)) pending.push(next.start, ...next.segments.flatMap((segment) => [segment.relationship, segment.end]));
    else if (Array.isArray(next)) {
      // Every element takes a byte at least, so a list longer than the budget is over it without a look inside.
      bytes += 2 + next.length;
      if (bytes <= budget) for (const item of next as unknown[]) pending.push(item);
    } else if (isPlainObject(next)) {
      for (const [key, inner] of Object.entries(next)) {
        bytes += key.length + 4;
        pending.push(inner);
      }
    } else bytes += 8;
  }
  return bytes;
}
