import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/projectRoot.js';

export interface ServerProcess {
  base: string;
  pid: number;
  /** Resident memory of the server process in MiB (Linux /proc). */
  rssMiB(): number;
  /** SIGTERM, then the exit code once the process has drained and stopped. */
  stop(): Promise<number | null>;
}

/** Starts `server/index.ts` as its own process (its own local Neo4j unless env sets NEO4J_URI) and waits for /readyz. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 600_000, nodeOptions: string[] = []): Promise<ServerProcess> {
  const port = env.PORT ?? '3900';
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', path.join(projectRoot, 'server', 'index.ts')], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: port },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('server not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    base,
    pid: child.pid!,
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
