/** A console result row as one value per column, whether the server sent the row as a list or as a map. */
export function rowCells(row: unknown, columns: string[]): unknown[] {
  if (Array.isArray(row)) return row;
  if (row && typeof row === 'object') return columns.map((column) => (row as Record<string, unknown>)[column]);
  return [row];
}

function isNodeValue(value: unknown): value is { id: string; name: string; labels: string[] } {
  return !!value && typeof value === 'object' && 'labels' in value && 'id' in value && Array.isArray((value as { labels: unknown }).labels);
}

function isEdgeValue(value: unknown): value is { type: string; source: string; target: string } {
  return !!value && typeof value === 'object' && 'type' in value && 'source' in value && 'target' in value;
}

/** A cell value as short text: nodes by name and label, relationships as arrows, lists joined, maps as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (isNodeValue(value)) return `${value.name} :${value.labels.filter((label) => label !== 'Entity').join(':') || value.labels.join(':')}`;
  if (isEdgeValue(value)) return `(${value.source})-[:${value.type}]->(${value.target})`;
  if (Array.isArray(value)) return `[${value.map(cellText).join(', ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
