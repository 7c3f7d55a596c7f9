import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, loadDataset } from '../load/load.service.js';
import type { SourceDocument } from './sources.service.js';

const db = openTestDatabase();
const peru = readDataset(path.join(projectRoot, 'data', 'peru'));
let app: RunningApp;
let baseUrl: string;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, peru);
  // A generous time limit: the first request of each query shape is planned while other test servers share the CPU.
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
  baseUrl = app.base;
});

afterAll(async () => {
  await app.close();
  await db.close();
});

async function peruSource(): Promise<SourceDocument> {
  const response = await fetch(`${baseUrl}/api/sources/peru-organised-crime`);
  expect(response.status).toBe(200);
  return (await response.json()) as SourceDocument;
}

describe('GET /api/sources/:id', () => {
  it('answers the text and its provenance', async () => {
    const source = await peruSource();
    expect(source).toMatchObject({
      id: 'peru-organised-crime',
      title: peru.manifest.title,
      licence: 'CC BY-SA 4.0',
      attribution: peru.manifest.attribution,
      url: peru.manifest.url,
    });
    expect(source.text).toBe(peru.sourceText);
  });

  it('places every quote where the text has it: text.slice(start, end) is the quote', async () => {
    const source = await peruSource();
    const distinctQuotes = new Set([...peru.nodes, ...peru.relationships].flatMap((item) => item.quotes));
    expect(source.quotes).toHaveLength(distinctQuotes.size);
    for (const { quote, start, end } of source.quotes) {
      expect(start).not.toBeNull();
      expect(source.text.slice(start!, end!)).toBe(quote);
    }
    const starts = source.quotes.map((quote) => quote.start!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('lists every quote stored on a node or edge of the source, with who uses it', async () => {
    const { records } = await readQuery(
      db,
      `CALL () { MATCH (n:Entity {source: $id}) UNWIND n.quotes AS quote RETURN 'node' AS kind, n.id AS id, quote
                 UNION ALL
                 MATCH ()-[r {source: $id}]->() UNWIND r.quotes AS quote RETURN 'edge' AS kind, r.id AS id, quote }
       RETURN kind, id, quote`,
      { id: 'peru-organised-crime' },
    );
    const stored = new Set(records.map((record) => `${record.get('kind')} ${record.get('id')} ${record.get('quote')}`));
    const listed = new Set((await peruSource()).quotes.flatMap(({ quote, usedBy }) => usedBy.map((use) => `${use.kind} ${use.id} ${quote}`)));
    expect(listed).toEqual(stored);
    expect([...stored].some((entry) => entry.startsWith('edge '))).toBe(true);
  });

  it('lists a quote used by several nodes and edges once, with all of them', async () => {
    const source = await peruSource();
    const quotes = source.quotes.map((quote) => quote.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
    const guzman = source.quotes.find((quote) => quote.quote.startsWith('Abimael Guzmán is the former leader of Shining Path'));
    expect(guzman?.usedBy).toEqual(
      expect.arrayContaining([
        { kind: 'node', id: 'person:abimael-guzman' },
        { kind: 'edge', id: 'person:abimael-guzman-[LEADER_OF]->organization:shining-path' },
      ]),
    );
  });

  it('answers 404 problem+json for an unknown source', async () => {
    const response = await fetch(`${baseUrl}/api/sources/no-such-source`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain('no-such-source');
  });
});
