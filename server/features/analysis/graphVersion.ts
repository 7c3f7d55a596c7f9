let version = 0;

/**
 * Tells the analysis that the graph changed in this process (load, import, delete), so cached projections are read
 * again. Changes made by another process are caught by the node and relationship counts (see ProjectionCache).
 */
export function markGraphChanged(): void {
  version++;
}

export function localGraphVersion(): number {
  return version;
}
