import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset, type Dataset } from './dataset.js';
import { applySchema, countGraph, defaultDatasetId, loadDataset } from './load.service.js';

const db = openTestDatabase();
const peru = readDataset(path.join(projectRoot, 'data', 'peru'));

async function search(text: string): Promise<string[]> {
  const { records } = await readQuery(db, "CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node RETURN node.id AS id", { text });
  return records.map((record) => record.get('id') as string);
}

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
});

afterAll(async () => {
  await emptyDatabase(db);
  await db.close();
});

describe('applySchema', () => {
  it('creates the id constraints and the accent-folding full-text index over names, aliases and searchNames, and can run again', async () => {
    await applySchema(db);
    const constraints = await readQuery(db, 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(constraints.records[0]!.get('names')).toEqual(expect.arrayContaining(['entity_nexo_id', 'nexo_dataset_id', 'source_id', 'import_id']));
    const indexes = await readQuery(db, 'SHOW FULLTEXT INDEXES YIELD name, properties, options RETURN name, properties, options');
    const byName = new Map(indexes.records.map((record) => [record.get('name') as string, record]));
    // V004 replaced V002's entity_search with entity_names, which reads searchNames too; V006 added the captions.
    expect(byName.has('entity_search')).toBe(false);
    expect(byName.get('entity_names')?.get('properties')).toEqual(['name', 'aliases', 'searchNames', '__nexo_search_caption']);
    expect(byName.get('entity_names')?.get('options').indexConfig['fulltext.analyzer']).toBe('standard-folding');
  });
});

describe('loading the Peru network', () => {
  it('gives the same counts when loaded twice', async () => {
    await loadDataset(db, peru);
    const first = await countGraph(db, 30_000);
    await loadDataset(db, peru);
    const second = await countGraph(db, 30_000);
    expect(second).toEqual(first);
    expect(first.labels.Entity).toBe(peru.nodes.length);
    const relationshipTotal = Object.values(first.types).reduce((sum, count) => sum + count, 0);
    expect(relationshipTotal).toBe(peru.relationships.length);
  });

  it('files the Peru network under peru by default, and asks any other dataset for its id', () => {
    expect(defaultDatasetId(peru)).toBe('peru');
    expect(() => defaultDatasetId({ ...peru, manifest: { ...peru.manifest, id: 'case-42' } })).toThrow('"case-42" is not the Peru network');
  });

  it('writes nothing when the transaction fails part-way', async () => {
    const before = await countGraph(db, 30_000);
    const broken: Dataset = {
      ...peru,
      nodes: [...peru.nodes, { ...peru.nodes[0]!, id: 'person:new-someone' }],
      // A map is not a valid property value: Neo4j fails on the last relationship, after the nodes were written.
      relationships: [...peru.relationships, { ...peru.relationships[0]!, id: 'broken', quotes: [{ nested: 'map' } as unknown as string] }],
    };
    await expect(loadDataset(db, broken)).rejects.toThrow();
    expect(await countGraph(db, 30_000)).toEqual(before);
    const { records } = await readQuery(db, "MATCH (n:Entity {id: 'person:new-someone'}) RETURN n");
    expect(records).toHaveLength(0);
  });

  it('stores each node with its kind, name, aliases and the quotes behind it', async () => {
    const { records } = await readQuery(db, "MATCH (n:Entity {id: 'organization:shining-path'}) RETURN labels(n) AS labels, n AS node");
    const node = records[0]!.get('node').properties;
    expect(records[0]!.get('labels')).toEqual(expect.arrayContaining(['Entity', 'Organization']));
    expect(node.aliases).toContain('Sendero Luminoso');
    expect(node.source).toBe('peru-organised-crime');
    expect(node.quotes.length).toBeGreaterThan(0);
  });

  it('links Guzmán to Shining Path as its leader', async () => {
    const { records } = await readQuery(
      db,
      "MATCH (:Person {id: 'person:abimael-guzman'})-[r:LEADER_OF]->(:Organization {id: 'organization:shining-path'}) RETURN r.quotes AS quotes",
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.get('quotes').join(' ')).toContain('former leader of Shining Path');
  });

  it('records that Bazán Arévalo financed Shining Path and that DIRANDRO arrested him on 2017-07-26', async () => {
    const { records } = await readQuery(
      db,
      `MATCH (b:Person {id: 'person:david-bazan-arevalo'})
       OPTIONAL MATCH (b)-[f:FINANCED]->(:Organization {id: 'organization:shining-path'})
       OPTIONAL MATCH (b)<-[a:ARRESTED]-(:Organization {id: 'organization:dirandro'})
       RETURN count(DISTINCT f) AS financed, collect(DISTINCT a.date) AS arrestDates`,
    );
    expect(records[0]!.get('financed').toNumber()).toBe(1);
    expect(records[0]!.get('arrestDates')).toEqual(['2017-07-26']);
  });

  it('finds actors by name regardless of accents and case', async () => {
    expect(await search('guzman')).toContain('person:abimael-guzman');
    expect(await search('GUZMÁN')).toContain('person:abimael-guzman');
    expect(await search('Bazán')).toContain('person:david-bazan-arevalo');
    expect(await search('bazan')).toContain('person:david-bazan-arevalo');
  });

  it('finds places and bodies by the standard names the article does not use', async () => {
    expect(await search('huánuco')).toContain('location:huanauco');
    expect(await search('osinfor')).toContain('organization:organismo-de-supervision-de-los-recursos-forestales-y-de-fauna-silvestre');
  });

  it('finds actors by alias', async () => {
    expect(await search('sendero')).toContain('organization:shining-path');
    expect(await search('caracol')).toContain('person:gerson-galvez-calle');
    expect(await search('dirandro')).toContain('organization:dirandro');
  });
});
