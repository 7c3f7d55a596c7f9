import { assignKindStyles } from '../graph/nodeStyle';
import { failed, idle, loading } from '../state/request';
import { update, type Explorer } from './store';

/** Labels and relationship types for the filters and the console; a failure shows with a retry. */
export async function loadSchema(explorer: Explorer): Promise<void> {
  update(explorer, { schemaStatus: loading('Reading the schema…') });
  try {
    const schema = await explorer.api.getSchema();
    // Every label's look is settled before the legends and the canvas draw any (graph/nodeStyle.ts).
    assignKindStyles(schema.labels.map((label) => label.name));
    update(explorer, { schema, schemaStatus: idle });
  } catch (error) {
    update(explorer, { schemaStatus: failed(error) });
  }
}
