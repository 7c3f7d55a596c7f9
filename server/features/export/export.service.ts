import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { timedRead } from '../../neo4j/timedRead.js';
import { exportEdgeList } from '../import/formats/exportEdgeList.js';
import { exportFtm } from '../import/formats/exportFtm.js';
import { exportGexf } from '../import/formats/exportGexf.js';
import { exportGraphml } from '../import/formats/exportGraphml.js';
import { ExportError, type ExportNetwork, type ExportNode, type ExportRelationship } from '../import/formats/exportShape.js';
import type { Properties, Scalar } from '../import/formats/network.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { zipArchive } from './zip.js';

type Db = Pick<Database, 'driver' | 'name'>;

export const EXPORT_FORMATS = ['graphml', 'gexf', 'edgelist', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

/** Nexo's own keys on entities and relationships; never written as the user's properties. */
const NEXO_KEY = /^__nexo_/;

/** What to export: one dataset, or the given entities (the canvas) and the relationships among them. */
export type ExportSelection = { dataset: string } | { ids: string[]; datasets: string[] };

/**
 * Reads the selection as the exporters take it, in one read transaction under the query time limit. A dataset's keys
 * lose their `dataset::` prefix, so a re-import names them as the original file did; the canvas keeps the API ids,
 * which may come from several datasets.
 */
export async function readExportNetwork(db: Db, selection: ExportSelection, timeoutMs: number): Promise<ExportNetwork> {
  const [nodeQuery, relationshipQuery, parameters, prefix] =
    'dataset' in selection
      ? ['export/dataset-nodes.cypher', 'export/dataset-relationships.cypher', { dataset: selection.dataset }, `${selection.dataset}::`]
      : ['export/canvas-nodes.cypher', 'export/canvas-relationships.cypher', { ids: [...new Set(selection.ids)], datasets: selection.datasets }, ''];
  const key = (id: string): string => (prefix !== '' && id.startsWith(prefix) ? id.slice(prefix.length) : id);
  return timedRead(db, timeoutMs, async (tx) => {
    const nodes: ExportNode[] = (await tx.run(cypherFile(nodeQuery), parameters)).records.map((record) => ({
      key: key(record.get('id') as string),
      labels: record.get('labels') as string[],
      properties: userProperties(record.get('properties') as Record<string, unknown>),
    }));
    const relationships: ExportRelationship[] = (await tx.run(cypherFile(relationshipQuery), parameters)).records.map((record) => {
      const stored = record.get('properties') as Record<string, unknown>;
      return {
        key: relationshipKey(key(record.get('id') as string), prefix !== ''),
        start: key(record.get('start') as string),
        end: key(record.get('end') as string),
        type: record.get('type') as string,
        properties: userProperties(stored),
        undirected: stored.__nexo_undirected === true,
      };
    });
    return { nodes, relationships };
  });
}

/**
 * An imported tie's key as its file gave it (`edge:<key>`), none for one the import named by its place (`#<n>`, so
 * the re-import names it the same way), else the stored id.
 */
function relationshipKey(id: string, fromDataset: boolean): string | undefined {
  if (!fromDataset) return id;
  if (id.startsWith('edge:')) return id.slice('edge:'.length);
  return id.startsWith('#') ? undefined : id;
}

function userProperties(stored: Record<string, unknown>): Properties {
  const properties: Properties = new Map();
  for (const [name, value] of Object.entries(stored)) {
    if (NEXO_KEY.test(name) || value === null || value === undefined) continue;
    properties.set(name, Array.isArray(value) ? value.map(scalar) : scalar(value));
  }
  return properties;
}

/** Integers stay integers (bigint, written as long); dates, times, points and the like as Neo4j writes them. */
function scalar(value: unknown): Scalar {
  if (neo4j.isInt(value)) return BigInt(value.toString());
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

/** One downloadable file. */
export interface ExportFile {
  filename: string;
  contentType: string;
  /** The file's content in chunks, produced lazily. */
  chunks: () => Iterable<string | Buffer> | AsyncIterable<Buffer>;
}

/**
 * The export in one format, checked whole first: a network the format cannot hold (ExportError) is a 422 before any
 * byte is sent, not a download cut short. An edge list's two CSV files come as a ZIP archive.
 */
export function exportFile(network: ExportNetwork, format: ExportFormat, basename: string): ExportFile {
  try {
    if (format === 'edgelist') {
      const { nodes, ties } = edgeListFiles(network);
      const files = [
        { name: 'nodes.csv', content: nodes },
        { name: 'ties.csv', content: ties },
      ];
      return { filename: `${basename}-edgelist.zip`, contentType: 'application/zip', chunks: () => zipArchive(files) };
    }
    const write = { graphml: exportGraphml, gexf: exportGexf, ftm: exportFtm }[format];
    drain(write(network));
    const [extension, contentType] = {
      graphml: ['graphml', 'application/graphml+xml; charset=utf-8'],
      gexf: ['gexf', 'application/gexf+xml; charset=utf-8'],
      ftm: ['ftm.jsonl', 'application/x-ndjson; charset=utf-8'],
    }[format];
    return { filename: `${basename}.${extension}`, contentType: contentType!, chunks: () => write(network) };
  } catch (error) {
    if (error instanceof ExportError) throw new AppError(422, 'Cannot export in this format', error.message, 'export-format');
    throw error;
  }
}

/** Runs an exporter to its end without keeping its output, so it fails now if it is going to. */
function drain(chunks: Iterable<string>): void {
  for (const chunk of chunks) void chunk;
}

/**
 * A node without an `id` property that repeats its key (as the curated networks of `npm run load` have): the edge
 * list's id column already holds it, and a property of that name would be refused as structure.
 */
function withoutIdEchoingKey(node: ExportNode): ExportNode {
  if (node.properties.get('id') !== node.key) return node;
  const properties = new Map(node.properties);
  properties.delete('id');
  return { ...node, properties };
}

/** An edge list's files for writing to a folder (the CLI), which `npm run import` reads back. */
export function edgeListFiles(network: ExportNetwork): { nodes: string; ties: string } {
  try {
    return exportEdgeList({ nodes: [...network.nodes].map(withoutIdEchoingKey), relationships: network.relationships });
  } catch (error) {
    if (error instanceof ExportError) throw new AppError(422, 'Cannot export in this format', error.message, 'export-format');
    throw error;
  }
}

/**
 * Writes one dataset to disk: a file, or for an edge list a folder of nodes.csv and ties.csv, which is what
 * `npm run import` reads back (with --undirected when every tie is undirected). Returns the path written.
 */
export async function saveDatasetExport(
  db: Db,
  request: { dataset: string; format: ExportFormat; out?: string },
  timeoutMs: number,
): Promise<{ path: string; nodes: number; relationships: number }> {
  await visibleDatasets(db, [request.dataset], timeoutMs);
  const network = await readExportNetwork(db, { dataset: request.dataset }, timeoutMs);
  const counts = { nodes: [...network.nodes].length, relationships: [...network.relationships].length };
  if (request.format === 'edgelist') {
    const folder = path.resolve(request.out ?? `${request.dataset}-edgelist`);
    const { nodes, ties } = edgeListFiles(network);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'nodes.csv'), nodes);
    await writeFile(path.join(folder, 'ties.csv'), ties);
    return { path: folder, ...counts };
  }
  const file = exportFile(network, request.format, request.dataset);
  const target = path.resolve(request.out ?? file.filename);
  await pipeline(Readable.from(file.chunks()), createWriteStream(target));
  return { path: target, ...counts };
}
