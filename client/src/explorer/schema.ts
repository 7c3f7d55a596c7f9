import { assignKindStyles } from '../graph/nodeStyle';
import { failed, idle, loading } from '../state/request';
import { update, type Explorer } from './store';

/** The latest read per explorer: the choice of datasets may change while a read is under way, and only the last one counts. */
const latestRead = new WeakMap<Explorer, number>();

/** Labels and relationship types (counted within the chosen datasets) for the filters and the console; a failure shows with a retry. */
export async function loadSchema(explorer: Explorer): Promise<void> {
  const read = (latestRead.get(explorer) ?? 0) + 1;
  latestRead.set(explorer, read);
  update(explorer, { schemaStatus: loading('Reading the schema…') });
  try {
    const schema = await explorer.api.getSchema();
    if (latestRead.get(explorer) !== read) return;
    // Every label's look is settled before the legends and the canvas draw any (graph/nodeStyle.ts).
    assignKindStyles(schema.labels.map((label) => label.name));
    update(explorer, { schema, schemaStatus: idle });
  } catch (error) {
    if (latestRead.get(explorer) === read) update(explorer, { schemaStatus: failed(error) });
  }
}
