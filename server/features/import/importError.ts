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

/** Where a pass that collects problems (the upload preview) reports one and reads on. */
export type ReportProblem = (problem: ImportError) => void;

/**
 * Runs one read: without `onProblem` its ImportError is thrown, as an import stops at its first problem; with it the
 * problem is reported and undefined returned, so the caller skips that row or file and goes on.
 */
export function orReport<T>(onProblem: ReportProblem | undefined, read: () => T): T | undefined {
  if (!onProblem) return read();
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    onProblem(error);
    return undefined;
  }
}
