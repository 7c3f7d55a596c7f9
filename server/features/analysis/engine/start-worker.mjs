// The analysis worker's entry. Node 20 does not apply a loader given by `--import tsx` to a worker's own entry file,
// so this plain module loads the TypeScript worker through tsx's API; it works the same under tsx and Vitest.
import { tsImport } from 'tsx/esm/api';

await tsImport('./analysis.worker.ts', import.meta.url);
