import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { ImportError } from '../importError.js';
import { cellText } from './cellText.js';
import { csvLine } from './csvLine.js';
import type { InputFile } from './inputFile.js';
import { FormatError, type ReadOptions } from './network.js';

/** Whether a file is an Excel workbook (Office Open XML), by its extension: a zip inside, but one network's tables. */
export const isWorkbook = (file: string): boolean => path.extname(file).toLowerCase() === '.xlsx';

/** Excel 97–2003's binary workbooks, which no maintained reader on npm reads without known flaws. */
const isBinaryWorkbook = (file: string): boolean => path.extname(file).toLowerCase() === '.xls';

/** What is read of a streamed worksheet beside its rows: the reader has these, its types do not say so. */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

type Note = ReadOptions['onNote'];

/**
 * Runs `use` on an input's files with each workbook among them replaced by its sheets, in the workbook's order, each
 * written as a CSV file that reads as a CSV file of the same content would (see writeSheets). The sheets' files are
 * removed once `use` settles, whether it succeeded or failed. A binary `.xls` workbook is refused.
 */
export async function withSheets<T>(files: InputFile[], onNote: Note, use: (files: InputFile[]) => Promise<T>): Promise<T> {
  const binary = files.find((file) => isBinaryWorkbook(file.path));
  if (binary) {
    throw new FormatError(binary.display, undefined, 'an Excel 97-2003 workbook (.xls) is not read: save it from Excel as "Excel Workbook (.xlsx)" or as CSV');
  }
  if (!files.some((file) => isWorkbook(file.path))) return use(files);
  const folder = await mkdtemp(path.join(tmpdir(), 'nexo-sheets-'));
  try {
    const read: InputFile[] = [];
    for (const file of files) read.push(...(isWorkbook(file.path) ? await writeSheets(file, folder, onNote) : [file]));
    return await use(read);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Streams a workbook's sheets into CSV files in `folder` (comma-separated, RFC 4180), named in messages
 * `book.xlsx [sheet]`: each row on the line of its row number (rows left blank are empty lines, which the readers pass
 * over), each cell in its column (cellText; a merged range's value is in its top-left cell only), a row shorter than
 * the first filled in with empty cells as Excel pads a CSV it saves. Empty and hidden sheets are passed over with a note.
 */
async function writeSheets(workbook: InputFile, folder: string, onNote: Note): Promise<InputFile[]> {
  const sheets: InputFile[] = [];
  let worksheets = 0;
  // Dates are numbers in a date format: the styles say which. Hyperlinks ignored leave a linked cell its text.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(workbook.path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
  try {
    for await (const read of reader) {
      const worksheet = read as unknown as StreamedSheet;
      const sheet: InputFile = {
        path: path.join(folder, `${path.basename(workbook.path)}.${worksheets}.csv`),
        display: `${workbook.display} [${worksheet.name}]`,
        sheet: worksheet.name,
      };
      worksheets += 1;
      if (worksheet.state === 'hidden' || worksheet.state === 'veryHidden') {
        // Its rows are read all the same: the reader keeps a sheet's part open until they are.
        for await (const _row of worksheet);
        onNote?.(`${sheet.display}: a hidden sheet, not read (unhide it in Excel to import it)`);
        continue;
      }
      if (await writeSheet(worksheet, sheet, onNote)) sheets.push(sheet);
      else onNote?.(`${sheet.display}: an empty sheet, not read`);
    }
  } catch (error) {
    // What the workbook's zip or XML makes the reader throw names no line; a failure to write is the system's.
    if (error instanceof ImportError || (error as NodeJS.ErrnoException).syscall !== undefined) throw error;
    throw new FormatError(workbook.display, undefined, `not a readable Excel workbook (${(error as Error).message}); save it again from Excel as .xlsx`);
  }
  if (worksheets === 0) throw new FormatError(workbook.display, undefined, 'no worksheets: not an Excel workbook');
  if (sheets.length === 0) throw new FormatError(workbook.display, undefined, 'every sheet is empty or hidden: nothing to read');
  return sheets;
}

/** Writes one sheet as CSV; false when it has no cell with text (its file is then removed). */
async function writeSheet(worksheet: StreamedSheet, sheet: InputFile, onNote: Note): Promise<boolean> {
  const out = createWriteStream(sheet.path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  // Cells with content read as empty (cellText): how many, and where the first is.
  let unread: { count: number; row: number; column: number } | undefined;
  let lines = 0;
  let width: number | undefined;
  try {
    for await (const row of worksheet) {
      const fields: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const read = cellText(cell.value, cell.numFmt);
        fields[column - 1] = read.text;
        if (!read.unread) return;
        if (unread) unread.count += 1;
        else unread = { count: 1, row: row.number, column };
      });
      const used = fields.findLastIndex((text) => text !== undefined && text !== '') + 1;
      if (used === 0) continue;
      width ??= used;
      // Rows the sheet leaves out (never filled) are blank lines, so that this row is on its own number's line.
      await write('\n'.repeat(Math.max(0, row.number - 1 - lines)));
      await write(csvLine(Array.from({ length: Math.max(width, used) }, (_unused, index) => fields[index] ?? '')));
      lines = row.number;
    }
  } finally {
    out.end();
    await finished(out);
  }
  if (width === undefined) {
    await rm(sheet.path);
    return false;
  }
  if (unread) {
    const { count, row, column } = unread;
    onNote?.(
      `${sheet.display}: ${count} cell${count === 1 ? '' : 's'} with an error value (#N/A, #DIV/0! …) or a formula without a saved result read as empty, the first at ${row}:${column}`,
    );
  }
  return true;
}
