import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/projectRoot.js';

// npm start's client step: builds dist/client only when something it is built from is newer than the last build.
// A build took 14 s of a warm start on the shared 2-core machine at load 30 (npm run bench:start), for files that
// had not changed; `npm run build:client` still builds unconditionally.
const built = path.join(projectRoot, 'dist', 'client', 'index.html');
const inputs = [path.join(projectRoot, 'client'), path.join(projectRoot, 'package-lock.json')];

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((newest, name) => Math.max(newest, newestChange(path.join(file, name))), stat.mtimeMs);
}

if (existsSync(built) && Math.max(...inputs.map(newestChange)) < statSync(built).mtimeMs) {
  console.log('Client build is up to date (dist/client is newer than client/ and package-lock.json).');
} else {
  const build = spawnSync('npm', ['run', 'build:client'], { cwd: projectRoot, stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
