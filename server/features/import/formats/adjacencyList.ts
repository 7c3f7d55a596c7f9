import { readInputRecords } from '../csvRecords.js';
import { IdSet } from '../idSet.js';
import { inputDelimiter } from './delimiter.js';
import type { InputFile } from './inputFile.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, type NetworkRecord, type ReadOptions } from './network.js';

/**
 * Reads an adjacency list as NetworkX's write_adjlist writes it (igraph's and UCINET's node lists are the same): each
 * line a node, then the nodes it is tied to, separated by spaces (or the delimiter its first line shows); `#` lines
 * are comments. A node alone on its line is a node without ties of its own, which an edge list cannot hold. Ties go
 * node → neighbour, directed unless --undirected: NetworkX writes each tie of an undirected graph once, on the line
 * of the node it met first.
 */
export async function* readAdjacencyList(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const given = new IdSet();
  const type = options.type ?? DEFAULT_TYPE;
  const undirected = options.undirected ?? false;
  for await (const { line, fields } of readInputRecords(file, inputDelimiter(file))) {
    const [key, ...neighbours] = fields.filter((field) => field !== '');
    if (key === undefined) continue;
    for (const name of [key, ...neighbours]) {
      if (given.has(name)) continue;
      given.add(name);
      yield { kind: 'node', file: file.display, line, key: name, labels: [options.label ?? DEFAULT_LABEL], properties: new Map(), caption: name };
    }
    for (const neighbour of neighbours) {
      yield { kind: 'relationship', file: file.display, line, start: key, end: neighbour, type, properties: new Map(), undirected };
    }
  }
}
