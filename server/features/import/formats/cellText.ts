import type { CellValue } from 'exceljs';

/**
 * A cell's text as its sheet's CSV holds it. `unread` marks a cell with content read as empty: an error value (`#N/A`,
 * `#DIV/0!` …) or a formula without a saved result, which the streaming reader does not tell from one whose result is
 * an error.
 */
export interface CellText {
  text: string;
  unread?: true;
}

/** Excel keeps 15 significant digits and shows no more, so 0.1 + 0.2 saved as 0.30000000000000004 is 0.3 to its user. */
const EXCEL_DIGITS = 15;
const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, 1899-12-30, in Unix milliseconds. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A number as its text: integers without `.0`, at most Excel's 15 significant digits. */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(EXCEL_DIGITS)));
}

/**
 * A date as ISO 8601 text: `2019-01-04` at midnight, `2019-01-04T10:30:00` with a time of day, and a time alone
 * (`10:30:00`) for a cell Excel keeps on its day 0, as it does a time typed without a date. Excel's dates have no
 * time zone: the reader gives them as UTC, which is read back as it is.
 */
export function dateText(date: Date): string {
  const iso = date.toISOString().replace(/\.000Z$|Z$/, '');
  const [day, time] = iso.split('T') as [string, string];
  if (date.getTime() >= EXCEL_EPOCH_MS && date.getTime() < EXCEL_EPOCH_MS + MS_PER_DAY) return time;
  return time === '00:00:00' ? day : iso;
}

/**
 * Whether a number format shows a date or time (`yyyy-mm-dd`, `d/m/yy h:mm`, `[h]:mm`): after its quoted text,
 * bracketed colours and locales and escaped characters are taken out, it has a day, month, year, hour or second.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const bare = format.replace(/"[^"]*"|\\.|\[\$[^\]]*\]|\[(?:red|black|blue|cyan|green|magenta|white|yellow|color\s*\d+)\]/gi, '');
  return /[dmyhs]/i.test(bare);
}

/**
 * A cell's value as text: numbers as numberText, dates (cells formatted as dates) as dateText, true/false, rich text
 * and hyperlinks by their text, a formula by the result Excel saved with it (a number in a date format as a date; a
 * true/false comes from the reader as 1/0). Error values and formulas without a saved result are empty, and say so.
 */
export function cellText(value: CellValue, numberFormat?: string): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: dateText(value) };
  if ('error' in value) return { text: '', unread: true };
  // An empty run of rich text comes from the reader as null, whatever its types say.
  if ('richText' in value) return { text: value.richText.map((part) => part.text ?? '').join('') };
  if ('hyperlink' in value) return cellText(value.text);
  const result = value.result;
  if (result === undefined) return { text: '', unread: true };
  // The streaming reader gives a formula's error result as NaN.
  if (typeof result === 'number' && Number.isNaN(result)) return { text: '', unread: true };
  if (typeof result === 'number' && isDateFormat(numberFormat)) return { text: dateText(new Date(EXCEL_EPOCH_MS + Math.round(result * MS_PER_DAY))) };
  return cellText(result);
}
