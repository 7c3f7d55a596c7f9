import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './projectRoot.js';

const cypherDir = path.join(projectRoot, 'cypher');
const cache = new Map<string, string>();

/** The text of one query file under cypher/, e.g. cypherFile('load/entities.cypher'). Read once. */
export function cypherFile(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(path.join(cypherDir, relativePath), 'utf8');
    cache.set(relativePath, text);
  }
  return text;
}

/** Splits a script into statements at semicolons that end a line; // comment lines are dropped. */
export function cypherStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
