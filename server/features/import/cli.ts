import { runWithDatabase } from '../../cli.js';
import { applySchema } from '../load/load.service.js';
import { importFolder } from './import.service.js';
import { ImportError } from './importError.js';
import { formatCount } from './progress.js';

// npm run import -- <folder>: neo4j-admin CSV files in, one transaction, counts and rates out.
const folder = process.argv[2];
const startedAt = Date.now();

await runWithDatabase(async (db, config) => {
  if (folder === undefined) throw new ImportError('npm run import -- <folder>', undefined, 'name the folder of CSV files to import');
  const log = (message: string): void => console.error(message);
  // The Entity.id and Import.id constraints are what MERGE and the "already imported" check stand on.
  await applySchema(db);
  const outcome = await importFolder(db, folder, log, config.queryTimeoutMs);
  if (outcome.status === 'already-imported') {
    console.log(`Already imported (${outcome.completedAt}, import id ${outcome.id.slice(0, 12)}…): nothing written.`);
    return;
  }
  const perSecond = (count: number, ms: number): string => formatCount(Math.round((count / Math.max(ms, 1)) * 1000));
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  console.log(
    `Imported ${formatCount(outcome.nodes)} nodes and ${formatCount(outcome.relationships)} relationships from ${folder} ` +
      `(import id ${outcome.id.slice(0, 12)}…).`,
  );
  console.log(
    `Validation ${seconds(outcome.validationMs)} s; nodes written in ${seconds(outcome.nodeWriteMs)} s ` +
      `(${perSecond(outcome.nodes, outcome.nodeWriteMs)} nodes/s), relationships in ${seconds(outcome.relationshipWriteMs)} s ` +
      `(${perSecond(outcome.relationships, outcome.relationshipWriteMs)} relationships/s); commit ${seconds(outcome.commitMs)} s; ` +
      `${seconds(Date.now() - startedAt)} s in all.`,
  );
  console.log('Nodes by label (besides Entity):');
  console.table(sortedByName(outcome.labels));
  console.log('Relationships by type:');
  console.table(sortedByName(outcome.types));
});

function sortedByName(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
