import neo4j from 'neo4j-driver';
import { importFolder } from '../server/features/import/import.service.js';

// The import service in a process of its own, as `npm run import` runs it, so that the bench reads its peak memory
// apart from the bench's: argv folder, Bolt URI, dataset id; prints the outcome as one JSON line.
const [folder, uri, dataset] = process.argv.slice(2) as [string, string, string];
const driver = neo4j.driver(uri);
try {
  const outcome = await importFolder({ driver, name: 'neo4j' }, folder, () => undefined, { id: dataset, name: dataset });
  console.log(JSON.stringify(outcome));
} finally {
  await driver.close();
}
