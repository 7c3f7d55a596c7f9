const REPORT_EVERY_MS = 2000;

/**
 * Counts rows of one phase and reports "phase: rows done (of total), rate" every ~2 s. A phase with a
 * known total (a write phase) also reports its first batch at once, so one sees that writing has begun.
 */
export class Progress {
  private done = 0;
  private readonly startedAt = Date.now();
  private reportedAt = Date.now();

  constructor(
    private readonly log: (message: string) => void,
    private readonly phase: string,
    private readonly total: number | undefined,
    /** Told every advance, for a caller that shows progress itself (the browser import's progress bar). */
    private readonly observe?: (done: number, total: number | undefined) => void,
  ) {}

  advance(rows: number): void {
    const isFirst = this.done === 0;
    this.done += rows;
    this.observe?.(this.done, this.total);
    const now = Date.now();
    if ((isFirst && this.total !== undefined) || now - this.reportedAt >= REPORT_EVERY_MS) {
      this.reportedAt = now;
      this.log(this.describe(now));
    }
  }

  /** Milliseconds since the phase started. */
  elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  private describe(now: number): string {
    const seconds = (now - this.startedAt) / 1000;
    const of = this.total === undefined ? '' : ` of ${formatCount(this.total)}`;
    return `${this.phase}: ${formatCount(this.done)}${of} rows, ${formatCount(Math.round(this.done / seconds))} rows/s`;
  }
}

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Where an import is, for a progress bar: checking the input, then writing nodes, then relationships. */
export interface ImportStep {
  phase: 'checking' | 'nodes' | 'relationships';
  done: number;
  total: number | undefined;
}

export type ObserveImport = (step: ImportStep) => void;
