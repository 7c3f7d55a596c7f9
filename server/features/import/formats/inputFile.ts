import path from 'node:path';

/** A file to read: where it is, and how messages name it (as the user gave it). */
export interface InputFile {
  path: string;
  display: string;
  /**
   * For a workbook's sheet written as CSV (workbook.ts): the sheet's name. Such a file is comma-separated whatever its
   * first line looks like, and each of its lines is one row of the sheet, so that a line number is the sheet's row
   * number even where a cell holds line breaks.
   */
  sheet?: string;
}

/** The name a file gives what it holds (a node kind, a relation): a sheet's name, else the file's name without its extension. */
export function inputName(file: InputFile): string {
  return file.sheet ?? path.basename(file.display, path.extname(file.display));
}
