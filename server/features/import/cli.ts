import { parseArgs } from 'node:util';
import { runWithDatabase } from '../../cli.js';
import { datasetIdSchema } from '../datasets/datasets.service.js';
import { applySchema } from '../load/load.service.js';
import { namedKind, UNUSABLE_KIND } from './formats/kinds.js';
import { FORMATS, type FormatName } from './formats/network.js';
import { importDataset } from './importDataset.js';
import { ImportError } from './importError.js';
import { formatCount } from './progress.js';

// npm run import -- <file|folder> --dataset <id> [--name <text>] [--format <format>] [--undirected] [--headerless]
//   [--label <label>] [--column-label <label>] [--type <type>]
const usage =
  'npm run import -- <file|folder> --dataset <id> [--name <text>] [--format <format>] [--undirected] [--headerless] [--label <label>] [--column-label <label>] [--type <type>]';
const startedAt = Date.now();

await runWithDatabase(async (db, config) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      name: { type: 'string' },
      format: { type: 'string' },
      undirected: { type: 'boolean', default: false },
      headerless: { type: 'boolean', default: false },
      label: { type: 'string' },
      'column-label': { type: 'string' },
      type: { type: 'string' },
    },
  });
  const input = positionals[0];
  if (input === undefined) throw new ImportError(usage, undefined, 'name the file or folder to import');
  const dataset = datasetIdSchema.safeParse(values.dataset);
  if (!dataset.success) throw new ImportError(usage, undefined, `--dataset: ${values.dataset === undefined ? 'required' : dataset.error.issues[0]!.message}`);
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new ImportError(usage, undefined, `--format: one of ${FORMATS.join(', ')}`);
  }
  const format = values.format as FormatName | undefined;
  const label = kindOption('--label', values.label, 'label');
  const columnLabel = kindOption('--column-label', values['column-label'], 'label');
  const type = kindOption('--type', values.type, 'type');
  const log = (message: string): void => console.error(message);
  await applySchema(db);
  const name = values.name ?? dataset.data;

  const outcome = await importDataset(
    db,
    { dataset: dataset.data, name, input, options: { format, undirected: values.undirected, headerless: values.headerless, label, columnLabel, type } },
    log,
    config.queryTimeoutMs,
  );
  if (outcome.status === 'already-imported') {
    console.log(`Already imported (${outcome.completedAt}): nothing written.`);
    return;
  }
  summarise(dataset.data, outcome.format, outcome.nodes, outcome.relationships, outcome.labels, outcome.types, outcome.writeMs);
  if (outcome.undirected > 0) console.log(`${formatCount(outcome.undirected)} of the relationships are undirected ties (stored once, walked both ways).`);
});

/** A label or type given on the command line (namedKind); undefined when not given. */
function kindOption(option: string, value: string | undefined, what: 'label' | 'type'): string | undefined {
  if (value === undefined) return undefined;
  const kind = namedKind(value, what);
  if (kind === undefined) throw new ImportError(usage, undefined, `${option}: "${value}" cannot name a ${what} (${UNUSABLE_KIND})`);
  return kind;
}

function summarise(
  dataset: string,
  format: string,
  nodes: number,
  relationships: number,
  labels: Record<string, number>,
  types: Record<string, number>,
  writeMs: number,
): void {
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  const perSecond = (count: number): string => formatCount(Math.round((count / Math.max(writeMs, 1)) * 1000));
  console.log(
    `Imported dataset "${dataset}" (${format}): ${formatCount(nodes)} nodes and ${formatCount(relationships)} relationships, ` +
      `written in ${seconds(writeMs)} s (${perSecond(nodes + relationships)} rows/s, ${perSecond(relationships)} relationships/s); ` +
      `${seconds(Date.now() - startedAt)} s in all.`,
  );
  console.log('Nodes by label:');
  console.table(sortedByName(labels));
  console.log('Relationships by type:');
  console.table(sortedByName(types));
}

function sortedByName(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
