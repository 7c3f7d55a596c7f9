import { readFileSync, writeFileSync } from 'node:fs';

/** Clears the kernel's peak-RSS mark of a process (Linux: writing 5 to clear_refs), so VmHWM reads the peak from now on. */
export function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux or not allowed: VmHWM is then the process's lifetime peak, reported as such.
  }
}

/** Peak resident memory of a process (VmHWM), MiB; 0 once it has exited. */
export function peakMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}
