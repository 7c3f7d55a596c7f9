import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, whatever the working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
