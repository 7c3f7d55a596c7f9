/** One CSV line as RFC 4180 writes it: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvLine(fields: string[]): string {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',')}\n`;
}
