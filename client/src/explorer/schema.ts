import { failed, idle, loading } from '../state/request';
import { update, type Explorer } from './store';

/** Labels and relationship types for the filters and the console; a failure shows with a retry. */
export async function loadSchema(explorer: Explorer): Promise<void> {
  update(explorer, { schemaStatus: loading('Reading the schema…') });
  try {
    update(explorer, { schema: await explorer.api.getSchema(), schemaStatus: idle });
  } catch (error) {
    update(explorer, { schemaStatus: failed(error) });
  }
}
