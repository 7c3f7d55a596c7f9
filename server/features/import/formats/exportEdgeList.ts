import { csvLine } from './csvLine.js';
import { ExportError, type ExportNetwork } from './exportShape.js';
import type { PropertyValue } from './network.js';

/** Columns the edge-list reader gives a meaning, so a property of that name would be misread. */
const NODE_COLUMNS = new Set(['id', 'label']);
const TIE_COLUMNS = new Set(['source', 'target', 'from', 'to', 'type']);

function text(value: PropertyValue): string {
  return Array.isArray(value) ? value.map(String).join(';') : String(value);
}

function columnsOf(properties: Iterable<Map<string, PropertyValue>>, reserved: Set<string>, what: string): string[] {
  const names = new Set<string>();
  for (const map of properties) {
    for (const name of map.keys()) {
      if (reserved.has(name.toLowerCase()))
        throw new ExportError(`a ${what} property is called "${name}", which an edge-list CSV reads as structure: export as GraphML, GEXF or FtM instead`);
      names.add(name);
    }
  }
  return [...names];
}

/**
 * Writes an edge list as two CSV files, `nodes.csv` (`id,label,…`) and `ties.csv`
 * (`source,target,type,…`), which the edge-list reader takes back. CSV holds text: values other
 * than a numeric `weight` come back as text, lists as `;`-joined text. Undirected ties are written
 * only when all are (import them with --undirected); a mix is refused, as is a property named like
 * a structural column.
 */
export function exportEdgeList(network: ExportNetwork): { nodes: string; ties: string } {
  const nodes = [...network.nodes];
  const relationships = [...network.relationships];
  const undirected = relationships.filter((relationship) => relationship.undirected).length;
  if (undirected > 0 && undirected < relationships.length) {
    throw new ExportError(`${undirected} of ${relationships.length} ties are undirected: an edge-list CSV cannot mark some; export as GraphML or GEXF instead`);
  }
  const nodeColumns = columnsOf(
    nodes.map((node) => node.properties),
    NODE_COLUMNS,
    'node',
  );
  const tieColumns = columnsOf(
    relationships.map((relationship) => relationship.properties),
    TIE_COLUMNS,
    'relationship',
  );
  for (const relationship of relationships) {
    const weight = relationship.properties.get('weight');
    if (weight !== undefined && typeof weight !== 'number' && typeof weight !== 'bigint')
      throw new ExportError(`a relationship's weight "${String(weight)}" is not a number, which an edge-list CSV requires`);
  }
  const nodeRows = nodes.map((node) => [node.key, node.labels.join(';'), ...nodeColumns.map((name) => cell(node.properties.get(name)))]);
  const tieRows = relationships.map((relationship) => [
    relationship.start,
    relationship.end,
    relationship.type,
    ...tieColumns.map((name) => cell(relationship.properties.get(name))),
  ]);
  return {
    nodes: stringify([['id', 'label', ...nodeColumns], ...nodeRows]),
    ties: stringify([['source', 'target', 'type', ...tieColumns], ...tieRows]),
  };
}

function stringify(rows: string[][]): string {
  return rows.map(csvLine).join('');
}

function cell(value: PropertyValue | undefined): string {
  return value === undefined ? '' : text(value);
}
