import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ImportError } from '../importError.js';
import type { FormatError, NodeRecord, ReadOptions, RelationshipRecord } from './network.js';
import { readNetwork, withNetwork } from './readNetwork.js';

/** Test support: files written to a fresh temporary folder, and a network read whole. */
export function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nexo-formats-')), name);
  writeFileSync(file, content);
  return file;
}

export function tempFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'nexo-formats-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return folder;
}

/** A sheet for tempWorkbook: its rows from row 1 on (`undefined` leaves a row blank), then anything more done to it. */
export interface TestSheet {
  rows: (ExcelJS.CellValue[] | undefined)[];
  setUp?: (sheet: ExcelJS.Worksheet) => void;
  state?: 'visible' | 'hidden';
}

/** Test support: an Excel workbook written by exceljs itself into a fresh temporary folder, its sheets in the order given. */
export async function tempWorkbook(name: string, sheets: Record<string, TestSheet>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, { rows, setUp, state }] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName, { state: state ?? 'visible' });
    rows.forEach((values, index) => {
      if (values) sheet.getRow(index + 1).values = values;
    });
    setUp?.(sheet);
  }
  const file = tempFile(name, '');
  await workbook.xlsx.writeFile(file);
  return file;
}

export interface ReadBack {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
}

export async function readAll(input: string, options: ReadOptions = {}): Promise<ReadBack> {
  return withNetwork(input, options, async (network) => {
    const result: ReadBack = { nodes: [], relationships: [] };
    for await (const record of readNetwork(network, options)) {
      if (record.kind === 'node') result.nodes.push(record);
      else result.relationships.push(record);
    }
    return result;
  });
}

/** The message an input is refused with; fails the test when it is read without an ImportError. */
export async function refusal(input: string, options: ReadOptions = {}): Promise<string> {
  try {
    await readAll(input, options);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error(`${input} was read without an error`);
}

export function nodeByKey(read: ReadBack, key: string): NodeRecord {
  const node = read.nodes.find((candidate) => candidate.key === key);
  if (!node) throw new Error(`no node ${key}`);
  return node;
}

/** A network read as the preview reads it: every problem's message, and what was read past them. */
export async function collected(input: string, options: ReadOptions = {}): Promise<ReadBack & { problems: string[] }> {
  const problems: string[] = [];
  const read = await readAll(input, { ...options, onProblem: (problem: FormatError) => problems.push(problem.message) });
  return { ...read, problems };
}
