import { pino, type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

/**
 * The server's logger: readable lines (time, level, message) when a person watches the terminal, one JSON object per
 * line otherwise (files, pipes, log collectors). Pretty-printing runs in-process and synchronously, so nothing is lost
 * when the process exits right after a fatal line.
 */
export function createLogger(level: Level | 'silent', stream: NodeJS.WriteStream = process.stdout): Logger {
  if (!stream.isTTY) return pino({ level }, stream);
  return pino(
    { level },
    pretty({
      destination: stream,
      sync: true,
      colorize: true,
      translateTime: 'HH:MM:ss',
      ignore: 'pid,hostname,req,res,responseTime',
      messageFormat: '{msg}{if req.method} {req.method} {req.url} → {res.statusCode} in {responseTime} ms{end}',
    }),
  );
}

/** The first lines of `npm start`: where the UI will be, which database, how to stop. */
export function startBanner(config: Pick<Config, 'host' | 'port' | 'neo4j' | 'localNeo4j'>): string[] {
  const database = config.neo4j.uri
    ? `Neo4j at ${config.neo4j.uri}, database "${config.neo4j.database}" (NEO4J_URI)`
    : `local Neo4j Community, Bolt on 127.0.0.1:${config.localNeo4j.boltPort}, data in ${config.localNeo4j.storeDir}/ (set NEO4J_URI to use another server)`;
  return [`Nexo: UI and API on http://${config.host}:${config.port}/`, `Database: ${database}`, 'Stop with Ctrl+C'];
}
