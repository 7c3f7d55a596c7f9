import { ExportError, type ExportNetwork } from './exportShape.js';
import { INTERVAL_ENDS } from './ftm.js';
import type { Properties } from './network.js';

/** The catch-all interval schema for a relationship type FtM does not have; the type goes in its `role`. */
const FALLBACK_SCHEMA = 'UnknownLink';
const FALLBACK_NODE_SCHEMA = 'Thing';

function ftmProperties(properties: Properties): Record<string, string[]> {
  // A null-prototype object: a property called `__proto__` is written as data, not as the prototype.
  const out: Record<string, string[]> = Object.create(null);
  for (const [name, value] of properties) out[name] = Array.isArray(value) ? value.map(String) : [String(value)];
  return out;
}

/**
 * Writes FollowTheMoney JSON lines: a node as an entity whose schema is its first label; a
 * relationship as an entity of its type's interval schema with the two ends in that schema's end
 * properties (a type FtM lacks becomes UnknownLink with the type as `role`). Every value is written
 * as a list of strings, as FtM holds them. FtM has no undirected ties: they are written start → end.
 */
export function* exportFtm(network: ExportNetwork): Generator<string> {
  for (const node of network.nodes) {
    yield `${JSON.stringify({ id: node.key, schema: node.labels[0] ?? FALLBACK_NODE_SCHEMA, properties: ftmProperties(node.properties) })}\n`;
  }
  let index = 0;
  for (const relationship of network.relationships) {
    index += 1;
    const known = INTERVAL_ENDS[relationship.type];
    const schema = known ? relationship.type : FALLBACK_SCHEMA;
    const [startName, endName] = known ?? INTERVAL_ENDS[FALLBACK_SCHEMA]!;
    const properties = ftmProperties(relationship.properties);
    for (const name of [startName, endName]) {
      if (name in properties)
        throw new ExportError(`a ${relationship.type} relationship has a property "${name}", which FtM's ${schema} uses for one of its ends`);
    }
    properties[startName] = [relationship.start];
    properties[endName] = [relationship.end];
    if (!known && !('role' in properties)) properties.role = [relationship.type];
    const id = relationship.key ?? `${relationship.start}-${relationship.type}-${relationship.end}-${index}`;
    yield `${JSON.stringify({ id, schema, properties })}\n`;
  }
}
