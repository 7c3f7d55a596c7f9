import { parseArgs } from 'node:util';
import { runWithDatabase } from '../../cli.js';
import { AppError } from '../../errors.js';
import { EXPORT_FORMATS, exportFormatSchema, saveDatasetExport } from '../export/export.service.js';
import { applySchema } from '../load/load.service.js';
import { deleteDataset, listDatasets } from './datasets.service.js';

const USAGE = `npm run datasets -- list | delete <id> | export <id> --format ${EXPORT_FORMATS.join('|')} [--out file-or-folder]`;

const { values, positionals } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true });
const [command, id] = positionals;

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
  if (command === 'export' && id !== undefined) {
    const format = exportFormatSchema.safeParse(values.format);
    if (!format.success) throw new AppError(400, 'Usage', `--format must be one of ${EXPORT_FORMATS.join(', ')}: ${USAGE}`);
    const saved = await saveDatasetExport(db, { dataset: id, format: format.data, out: values.out }, config.queryTimeoutMs);
    console.log(`Exported dataset "${id}" (${saved.nodes} nodes, ${saved.relationships} relationships) as ${format.data} to ${saved.path}`);
    return;
  }
  throw new AppError(400, 'Usage', USAGE);
});
