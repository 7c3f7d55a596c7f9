import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A dataset problem that names the file, the line and the reason. */
export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
  }
}

const datePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const dateField = z.string().regex(datePattern, 'a date as YYYY, YYYY-MM or YYYY-MM-DD').optional();
const kinds = ['Person', 'Organization', 'Group', 'Location', 'Event'] as const;
const idPattern = /^(person|organization|group|location|event):[a-z0-9]+(-[a-z0-9]+)*$/;
const typePattern = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const quotes = z.array(z.string().min(1)).min(1, 'at least one quote from the source');
const names = z.array(z.string().min(1));

/** How the source puts a fact: as fact, as an allegation (investigation, charge), as someone else's words, or ambiguously. */
export const evidentialStatuses = ['stated', 'alleged', 'reported', 'unclear'] as const;
/** Where a person stands with the law; kept apart from the evidential status of what is said about them. */
export const legalStatuses = ['investigated', 'indicted', 'arrested', 'convicted', 'sentenced', 'released', 'wanted'] as const;
const noDateWithSpan = (item: { date?: string; since?: string; until?: string }) => !(item.date && (item.since || item.until));
const dateOrSpan = { message: 'either a date or a since/until span, not both', path: ['date'] };

const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  sourceFile: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string().url().optional(),
  licence: z.string().min(1),
  attribution: z.string().min(1),
});

const nodeSchema = z
  .object({
    id: z.string().regex(idPattern, 'an id such as person:abimael-guzman'),
    kind: z.enum(kinds),
    name: z.string().min(1),
    aliases: names.default([]),
    /** Standard spellings and acronyms the source does not use: searched, never shown as a quote. */
    searchNames: names.optional(),
    /** Phrases of the source that refer to the node without naming it ("the organisation", "He was also called"). */
    coreferences: names.optional(),
    description: z.string().min(1),
    date: dateField,
    since: dateField,
    until: dateField,
    legalStatus: z.array(z.enum(legalStatuses)).optional(),
    note: z.string().min(1).optional(),
    quotes,
  })
  .strict()
  .refine(noDateWithSpan, dateOrSpan);

const relationshipSchema = z
  .object({
    type: z.string().regex(typePattern, 'an UPPER_SNAKE_CASE relationship type'),
    source: z.string().regex(idPattern),
    target: z.string().regex(idPattern),
    date: dateField,
    since: dateField,
    until: dateField,
    evidence: z.enum(evidentialStatuses).optional(),
    legalStatus: z.enum(legalStatuses).optional(),
    /** What moved, for flows of goods (cocaine, timber, shark fins…). */
    commodity: z.string().min(1).optional(),
    /** Places the goods passed through, by node id. */
    via: z.array(z.string().regex(idPattern)).optional(),
    note: z.string().min(1).optional(),
    quotes,
  })
  .strict()
  .refine(noDateWithSpan, dateOrSpan);

export type DatasetNode = z.infer<typeof nodeSchema>;
export type DatasetRelationship = z.infer<typeof relationshipSchema> & { id: string };
export type DatasetManifest = z.infer<typeof manifestSchema>;

export interface Dataset {
  manifest: DatasetManifest;
  sourceText: string;
  nodes: DatasetNode[];
  relationships: DatasetRelationship[];
}

/** The stable id of a relationship: its ends, its type and, when dated, its date. */
export function relationshipId(rel: Pick<DatasetRelationship, 'source' | 'type' | 'target' | 'date'>): string {
  return `${rel.source}-[${rel.type}]->${rel.target}${rel.date ? `@${rel.date}` : ''}`;
}

/** Reads and checks a dataset folder (dataset.json, nodes.json, relationships.json, the source text). */
export function readDataset(dir: string): Dataset {
  const manifestFile = path.join(dir, 'dataset.json');
  if (!existsSync(manifestFile)) throw new DatasetError(manifestFile, undefined, 'missing dataset manifest');
  const manifest = parseWith(manifestSchema, readJson(manifestFile), manifestFile, undefined);
  const sourceFile = path.join(dir, manifest.sourceFile);
  const sourceText = readFileSync(sourceFile, 'utf8');
  const digest = createHash('sha256').update(sourceText).digest('hex');
  if (digest !== manifest.sha256) {
    throw new DatasetError(sourceFile, undefined, `sha256 is ${digest}, the manifest says ${manifest.sha256}`);
  }
  const nodes = readArray(path.join(dir, 'nodes.json'), nodeSchema);
  const relationships = readArray(path.join(dir, 'relationships.json'), relationshipSchema).map((rel) => ({
    ...rel,
    id: relationshipId(rel),
  }));
  const dataset = { manifest, sourceText, nodes, relationships };
  checkDataset(dataset, dir);
  return dataset;
}

/** Cross-record checks: unique ids, existing ends, quotes verbatim in the source. */
export function checkDataset(dataset: Dataset, dir: string): void {
  const nodesFile = path.join(dir, 'nodes.json');
  const relationshipsFile = path.join(dir, 'relationships.json');
  const nodeLines = elementLines(readFileSync(nodesFile, 'utf8'));
  const relationshipLines = elementLines(readFileSync(relationshipsFile, 'utf8'));
  const ids = new Set<string>();
  dataset.nodes.forEach((node, index) => {
    if (ids.has(node.id)) throw new DatasetError(nodesFile, nodeLines[index], `duplicate id ${node.id}`);
    ids.add(node.id);
    checkQuotes(node.quotes, dataset.sourceText, nodesFile, nodeLines[index]);
  });
  const relationshipIds = new Set<string>();
  dataset.relationships.forEach((rel, index) => {
    const line = relationshipLines[index];
    for (const end of [rel.source, rel.target, ...(rel.via ?? [])]) {
      if (!ids.has(end)) throw new DatasetError(relationshipsFile, line, `relationship end ${end} is not a node`);
    }
    if (relationshipIds.has(rel.id)) throw new DatasetError(relationshipsFile, line, `duplicate relationship ${rel.id}`);
    relationshipIds.add(rel.id);
    checkQuotes(rel.quotes, dataset.sourceText, relationshipsFile, line);
  });
}

function checkQuotes(list: string[], sourceText: string, file: string, line: number | undefined): void {
  for (const quote of list) {
    if (!sourceText.includes(quote)) {
      throw new DatasetError(file, line, `quote is not verbatim in the source: "${quote.slice(0, 80)}"`);
    }
  }
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new DatasetError(file, undefined, 'file not found');
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new DatasetError(file, line, `invalid JSON (${(error as Error).message})`);
  }
}

function readArray<T>(file: string, schema: z.ZodType<T>): T[] {
  const data = readJson(file);
  if (!Array.isArray(data)) throw new DatasetError(file, 1, 'expected a JSON array');
  const lines = elementLines(readFileSync(file, 'utf8'));
  return data.map((element, index) => parseWith(schema, element, file, lines[index]));
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string, line: number | undefined): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new DatasetError(file, line, `${where}${issue.message}`);
  }
  return parsed.data;
}

/** The line on which each element of a top-level JSON array starts, so errors can name it. */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      if (depth === 1) lines.push(line);
    } else if (char === '{' || char === '[') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (char === '}' || char === ']') depth--;
  }
  return lines;
}
