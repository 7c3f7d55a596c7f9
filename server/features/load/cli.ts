import path from 'node:path';
import { parseArgs } from 'node:util';
import { runWithDatabase } from '../../cli.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from './dataset.js';
import { datasetIdSchema } from '../datasets/datasets.service.js';
import { applySchema, countGraph, defaultDatasetId, loadDataset } from './load.service.js';

// npm run load [-- <dataset folder> [--dataset <id>]]: schema, then the dataset (Peru by default, as `peru`), then counts.
const { values, positionals } = parseArgs({ allowPositionals: true, options: { dataset: { type: 'string' } } });
const datasetDir = path.resolve(positionals[0] ?? path.join(projectRoot, 'data', 'peru'));
const datasetId = values.dataset === undefined ? undefined : datasetIdSchema.safeParse(values.dataset);
if (datasetId?.success === false) {
  console.error(`--dataset ${values.dataset}: ${datasetId.error.issues[0]?.message ?? 'not a dataset id'}`);
  process.exit(2);
}

await runWithDatabase(async (db, config) => {
  const dataset = readDataset(datasetDir);
  const started = Date.now();
  const files = await applySchema(db);
  console.log(`Schema: ${files.length === 0 ? 'up to date' : `applied ${files.join(', ')}`}.`);
  // Only the Peru network has a default id; another folder needs --dataset, so it is never filed under Peru.
  await loadDataset(db, dataset, datasetId?.data ?? defaultDatasetId(dataset));
  console.log(
    `Loaded "${dataset.manifest.title}": ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships in ${Date.now() - started} ms.`,
  );
  const counts = await countGraph(db, config.queryTimeoutMs);
  console.log('Nodes by label:');
  console.table(counts.labels);
  console.log('Relationships by type:');
  console.table(counts.types);
});
