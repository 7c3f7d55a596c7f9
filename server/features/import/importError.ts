/** Bad import input, named by where it is: `file:line: reason` (or `path: reason` when no line applies). */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
  }
}

/** A name as shown in a message: a NUL character, invisible in a terminal, is written \0. */
export function shown(name: string): string {
  return name.replaceAll('\0', '\\0');
}
