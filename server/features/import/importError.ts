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

/** Reports an ImportError to a pass that collects problems; throws it otherwise (an import stops at its first), and anything else always. */
export function reportOrThrow(onProblem: ReportProblem | undefined, error: unknown): void {
  if (!onProblem || !(error instanceof ImportError)) throw error;
  onProblem(error);
}

/**
 * Runs one read (a row, a line, an XML element): its ImportError goes to reportOrThrow, and when it is reported
 * undefined is returned, so the caller skips what was read and goes on.
 */
export function orReport<T>(onProblem: ReportProblem | undefined, read: () => T): T | undefined {
  if (!onProblem) return read();
  try {
    return read();
  } catch (error) {
    reportOrThrow(onProblem, error);
    return undefined;
  }
}
