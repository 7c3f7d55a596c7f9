import path from 'node:path';
import { runWithDatabase } from '../../cli.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from './dataset.js';
import { applySchema, countGraph, loadDataset } from './load.service.js';

// npm run load [-- <dataset folder>]: schema, then the dataset (Peru by default), then counts.
const datasetDir = path.resolve(process.argv[2] ?? path.join(projectRoot, 'data', 'peru'));

await runWithDatabase(async (db, config) => {
  const dataset = readDataset(datasetDir);
  const started = Date.now();
  const files = await applySchema(db);
  console.log(`Schema: ${files.length === 0 ? 'up to date' : `applied ${files.join(', ')}`}.`);
  await loadDataset(db, dataset);
  console.log(
    `Loaded "${dataset.manifest.title}": ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships in ${Date.now() - started} ms.`,
  );
  const counts = await countGraph(db, config.queryTimeoutMs);
  console.log('Nodes by label:');
  console.table(counts.labels);
  console.log('Relationships by type:');
  console.table(counts.types);
});
