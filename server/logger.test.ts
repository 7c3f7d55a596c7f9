import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger, startBanner } from './logger.js';

function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream: Object.assign(stream, { isTTY }) as unknown as NodeJS.WriteStream, text: () => text };
}

describe('the server log', () => {
  it('prints readable lines on a terminal', () => {
    const out = capture(true);
    createLogger('info', out.stream).info('Nexo is listening');
    const line = out.text();
    expect(line).toContain('Nexo is listening');
    expect(line).toContain('INFO');
    expect(() => JSON.parse(line)).toThrow();
  });

  it('prints one JSON object per line when piped', () => {
    const out = capture(false);
    createLogger('info', out.stream).info('Nexo is listening');
    expect(JSON.parse(out.text())).toMatchObject({ level: 30, msg: 'Nexo is listening' });
  });

  it('starts by saying the URL, the database in use and how to stop', () => {
    const local = startBanner(loadConfig({ PORT: '3100' }));
    expect(local[0]).toContain('http://127.0.0.1:3100/');
    expect(local[1]).toContain('local Neo4j Community, Bolt on 127.0.0.1:7687');
    expect(local[2]).toContain('Ctrl+C');
    const remote = startBanner(loadConfig({ NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_PASSWORD: 'secret' }));
    expect(remote[1]).toContain('neo4j+s://example.databases.neo4j.io');
  });
});
