import { runWithDatabase } from '../../cli.js';
import { AppError } from '../../errors.js';
import { applySchema } from '../load/load.service.js';
import { deleteDataset, listDatasets } from './datasets.service.js';

// npm run datasets -- list | delete <id>
const [command, id] = process.argv.slice(2);

await runWithDatabase(async (db, config) => {
  await applySchema(db);
  if (command === 'list' || command === undefined) {
    const { datasets } = await listDatasets(db, config.queryTimeoutMs);
    if (datasets.length === 0) console.log('No datasets.');
    else
      console.table(
        datasets.map(({ id: datasetId, name, nodes, relationships, format, importedAt }) => ({
          id: datasetId,
          name,
          nodes,
          relationships,
          format,
          importedAt,
        })),
      );
    return;
  }
  if (command === 'delete' && id !== undefined) {
    if (!(await deleteDataset(db, id))) throw new AppError(404, 'Unknown dataset', `No dataset has the id "${id}" (npm run datasets -- list).`);
    console.log(`Deleted dataset "${id}".`);
    return;
  }
  throw new AppError(400, 'Usage', 'npm run datasets -- list | delete <id>');
});
