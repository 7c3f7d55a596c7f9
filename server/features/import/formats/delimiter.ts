import { closeSync, openSync, readSync } from 'node:fs';
import type { InputFile } from './inputFile.js';

/**
 * How the fields of an edge list or matrix are separated. Spreadsheets in most of Europe and Latin America save "CSV"
 * with semicolons (and decimal commas), police and phone-company extracts are often tab-separated, and research
 * collections (KONECT, SNAP, NetworkX's write_edgelist) separate by spaces with `%` or `#` comment lines.
 */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/** In order of preference when two are equally frequent on the first line. */
const CHARACTERS = [',', ';', '\t', '|'] as const;

/** How much of a file is read to tell its format and delimiter. */
export const SNIFF_BYTES = 64 * 1024;

/** Whether a line of a space-separated file is a comment (KONECT writes `%`, SNAP and NetworkX `#`). */
export function isCommentLine(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('%') || start.startsWith('#');
}

/** The start of a file as text, without a byte order mark: for a look at its content, never used as data. */
export function fileHead(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = readSync(descriptor, buffer, 0, SNIFF_BYTES, 0);
    return buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The delimiter of a text, from its first line that is neither blank nor a comment: the most frequent of comma,
 * semicolon, tab and bar outside double quotes (and before a closing `{…}`); spaces when there is none of them but a
 * space; else a comma (one column).
 */
export function sniffDelimiter(text: string): Delimiter {
  const line = text.split(/\r\n|\n|\r/).find((candidate) => candidate.trim() !== '' && !isCommentLine(candidate));
  if (line === undefined) return ',';
  const counts = new Map<string, number>();
  let quoted = false;
  // NetworkX's write_edgelist ends a line with the tie's attributes as a Python dict, whose commas separate nothing.
  const dictEnded = line.trimEnd().endsWith('}');
  for (const char of line) {
    if (char === '{' && !quoted && dictEnded) break;
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter | undefined;
  for (const candidate of CHARACTERS) {
    if ((counts.get(candidate) ?? 0) > (best === undefined ? 0 : (counts.get(best) ?? 0))) best = candidate;
  }
  if (best !== undefined) return best;
  return line.trim().includes(' ') ? 'whitespace' : ',';
}

/** The delimiter of a file, from its first lines. */
export function fileDelimiter(file: string): Delimiter {
  return sniffDelimiter(fileHead(file));
}

/** The delimiter of an input file: a workbook's sheet is written with commas, whatever its first row holds; any other file's is sniffed. */
export function inputDelimiter(file: InputFile): Delimiter {
  return file.sheet === undefined ? fileDelimiter(file.path) : ',';
}

/**
 * A number as a spreadsheet saved it: with a delimiter other than the comma, a decimal comma is read as a point
 * ("0,5" is 0.5), as the locales that save semicolon files write it. Undefined when the text is not a number.
 */
export function numberIn(text: string, delimiter: Delimiter): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(delimiter !== ',' && /^[+-]?\d*,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed);
  return Number.isFinite(value) ? value : undefined;
}
