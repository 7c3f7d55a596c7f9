import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { ImportError } from './importError.js';
import { isCommentLine, type Delimiter } from './formats/delimiter.js';
import type { InputFile } from './formats/inputFile.js';

/** One CSV record and the line of the file on which it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** csv-parse's options for files with this delimiter; `whitespace` is split on each space or tab (see spaceSeparated). */
export function csvParseOptions(delimiter: Delimiter) {
  return {
    delimiter: delimiter === 'whitespace' ? [' ', '\t'] : delimiter,
    // neo4j-admin skips a UTF-8 byte order mark; spreadsheet exports often start with one.
    bom: true,
    relax_column_count: true,
    // neo4j-admin takes a stray quote inside an unquoted field literally, so files made for it may hold some.
    relax_quotes: true,
    // CR alone ends lines in files from classic Mac OS and some exporters; CRLF first, so it is one break.
    record_delimiter: ['\r\n', '\n', '\r'],
  };
}

/**
 * A record of a space-separated file as its fields: runs of spaces and tabs separate one field from the next (csv-parse
 * gives the empty fields between them). Undefined for a comment line.
 */
export function spaceSeparated(fields: string[]): string[] | undefined {
  const kept = fields.filter((field) => field !== '');
  return kept.length > 0 && isCommentLine(kept[0]!) ? undefined : kept;
}

/**
 * A record without the empty fields a spreadsheet leaves after a table's last column (Excel saves `a,b,,` once cells to
 * its right were touched), keeping at least `length` fields.
 */
export function withoutTrailingEmpty(fields: string[], length = 0): string[] {
  let end = fields.length;
  while (end > length && fields[end - 1]!.trim() === '') end -= 1;
  return end === fields.length ? fields : fields.slice(0, end);
}

/**
 * Streams the records of a CSV file as neo4j-admin writes them (comma-separated, fields quoted with
 * `"` and quotes doubled, any line ending), checking that the bytes are UTF-8 on the way. Another
 * `delimiter` reads the edge lists and matrices that spreadsheets and research collections write, and with
 * `leadingComments` the `#` or `%` lines they may start with (SNAP's tab-separated lists describe themselves so) are
 * skipped; a space-separated file's comment lines are skipped wherever they are. With `rowsAreLines` (a workbook's
 * sheet written as CSV, one row a line) a record's line breaks inside quotes are not counted as lines, so records are
 * numbered as the sheet's rows.
 * Throws ImportError with the line for invalid UTF-8, broken quoting or a file without records.
 */
export async function* readCsvRecords(
  file: string,
  display: string,
  delimiter: Delimiter = ',',
  { leadingComments = false, rowsAreLines = false } = {},
): AsyncGenerator<CsvRecord> {
  const parser = parse(csvParseOptions(delimiter));
  const piping = pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), checkUtf8(display), parser);
  // A failure of any stage also destroys the parser, so the loop below is where it surfaces.
  piping.catch(() => undefined);
  let records = 0;
  // Lines are counted here rather than with csv-parse's `info`, which costs as much as the parsing.
  // Empty lines come through as one empty field, so they count as lines and are then skipped.
  let line = 1;
  // csv-parse counts a CRLF inside a quoted field as two lines; its error lines need this taken off.
  let overcounted = 0;
  try {
    for await (const parsed of parser as AsyncIterable<string[]>) {
      const start = line;
      const breaks = lineBreaksIn(parsed);
      line += 1 + (rowsAreLines ? 0 : breaks.lines);
      overcounted += breaks.crlf;
      const fields = delimiter === 'whitespace' ? spaceSeparated(parsed) : parsed;
      if (fields === undefined || fields.length === 0 || (fields.length === 1 && fields[0] === '')) continue;
      if (leadingComments && records === 0 && isCommentLine(fields[0]!)) continue;
      records += 1;
      yield { line: start, fields };
    }
  } catch (error) {
    throw asImportError(error, display, line, overcounted);
  }
  if (records === 0) throw new ImportError(display, 1, 'empty file');
}

/**
 * The records of an edge list, matrix or adjacency list, numbered by the lines (or a sheet's rows) they start on;
 * `#` or `%` lines before the first are comments.
 */
export function readInputRecords(file: InputFile, delimiter: Delimiter): AsyncGenerator<CsvRecord> {
  return readCsvRecords(file.path, file.display, delimiter, { leadingComments: true, rowsAreLines: file.sheet !== undefined });
}

/** Line breaks (CRLF, LF or CR) inside a record's quoted fields, and how many of them are CRLF. */
function lineBreaksIn(fields: string[]): { lines: number; crlf: number } {
  let lines = 0;
  let crlf = 0;
  for (const field of fields) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    for (let at = 0; at < field.length; at += 1) {
      const char = field[at];
      if (char === '\r' && field[at + 1] === '\n') {
        crlf += 1;
        lines += 1;
        at += 1;
      } else if (char === '\r' || char === '\n') {
        lines += 1;
      }
    }
  }
  return { lines, crlf };
}

/** csv-parse errors as ImportErrors; an unclosed quote is named by the line of its record, not the end of the file. */
function asImportError(error: unknown, display: string, recordLine: number, overcounted: number): unknown {
  if (error instanceof ImportError) return error;
  const csvError = error as { code?: string; lines?: number; message?: string };
  if (typeof csvError.code !== 'string' || !csvError.code.startsWith('CSV_')) return error;
  if (csvError.code === 'CSV_QUOTE_NOT_CLOSED') return new ImportError(display, recordLine, 'a quoted field opened on this line is not closed');
  const line = csvError.lines === undefined ? undefined : csvError.lines - overcounted;
  return new ImportError(display, line, String(csvError.message));
}

/**
 * Passes the bytes on once a fatal TextDecoder has accepted them as UTF-8; on a bad byte, finds its
 * line for the error. csv-parse gets bytes, not the decoded text, because it works on bytes and
 * would encode the text back first.
 */
function checkUtf8(display: string) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let linesBefore = 0;
    let tail: Buffer = Buffer.alloc(0);
    for await (const chunk of source) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        throw new ImportError(display, linesBefore + lineOfInvalidByte(tail, chunk) + 1, 'invalid UTF-8');
      }
      yield chunk;
      // A CR ending one chunk and an LF starting the next are one break: the CR counted it already.
      linesBefore += lineBreakBytes(chunk) - (tail.at(-1) === CARRIAGE_RETURN && chunk[0] === NEWLINE ? 1 : 0);
      tail = chunk.subarray(-3);
    }
    try {
      decoder.decode();
    } catch {
      throw new ImportError(display, linesBefore + 1, 'invalid UTF-8 (the file ends inside a character)');
    }
  };
}

/** Line breaks in a chunk: LF, CR, and CRLF counted once. */
function lineBreakBytes(chunk: Buffer): number {
  let count = 0;
  for (let at = 0; at < chunk.length; at += 1) {
    if (chunk[at] === NEWLINE) count += 1;
    else if (chunk[at] === CARRIAGE_RETURN) {
      count += 1;
      if (chunk[at + 1] === NEWLINE) at += 1;
    }
  }
  return count;
}

/**
 * How many line breaks of `chunk` come before the invalid sequence. A CR or LF byte never occurs inside a
 * multi-byte character, so each line can be checked alone; the first one also gets the previous
 * chunk's unfinished character (at most 3 bytes, from its lead byte on).
 */
function lineOfInvalidByte(previousTail: Buffer, chunk: Buffer): number {
  let start = 0;
  while (start < previousTail.length && (previousTail[start]! & 0xc0) === 0x80) start += 1;
  const carried = previousTail.subarray(start);
  // The LF of a CRLF split between chunks belongs to the previous line.
  let lineStart = previousTail.at(-1) === CARRIAGE_RETURN && chunk[0] === NEWLINE ? 1 : 0;
  for (let line = 0; ; line += 1) {
    const newline = nextLineBreak(chunk, lineStart);
    const isLast = newline < 0;
    const segment = chunk.subarray(lineStart, isLast ? chunk.length : newline);
    const bytes = line === 0 ? Buffer.concat([carried, segment]) : segment;
    try {
      // The last line may continue in the next chunk, so an unfinished character there is not an error.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: isLast });
    } catch {
      return line;
    }
    if (isLast) return 0;
    lineStart = newline + (chunk[newline] === CARRIAGE_RETURN && chunk[newline + 1] === NEWLINE ? 2 : 1);
  }
}

/** Where the next LF or CR is, from `from` on; -1 when there is none. */
function nextLineBreak(chunk: Buffer, from: number): number {
  const lf = chunk.indexOf(NEWLINE, from);
  const cr = chunk.indexOf(CARRIAGE_RETURN, from);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}
