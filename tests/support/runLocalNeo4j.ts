import { startLocalNeo4j } from '../../server/neo4j/localServer.js';

// A parent process for the lifecycle test: starts the local server, says "ready", then waits to be killed.
const [port, storeDir] = process.argv.slice(2);
await startLocalNeo4j({ boltPort: Number(port), storeDir: storeDir!, heap: '1g', pageCacheMb: 64 }, () => undefined);
console.log('ready');
setInterval(() => undefined, 60_000);
