import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../projectRoot.js';
import { DatasetError, readDataset, type DatasetNode } from './dataset.js';

const peruDir = path.join(projectRoot, 'data', 'peru');

/** A copy of the Peru folder with one file rewritten, to provoke one error at a time. */
function peruCopyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nexo-dataset-'));
  cpSync(peruDir, dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

function expectDatasetError(dir: string, file: string, reason: RegExp): DatasetError {
  try {
    readDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    const problem = error as DatasetError;
    expect(path.basename(problem.file)).toBe(file);
    expect(problem.reason).toMatch(reason);
    return problem;
  }
  throw new Error('readDataset accepted a broken dataset');
}

describe('the Peru dataset', () => {
  const dataset = readDataset(peruDir);
  const article = readFileSync(path.join(peruDir, 'source.txt'), 'utf8');

  it('quotes the article verbatim in every node and relationship', () => {
    const quotes = [...dataset.nodes, ...dataset.relationships].flatMap((item) => item.quotes);
    expect(quotes.length).toBeGreaterThan(200);
    const missing = quotes.filter((quote) => !article.includes(quote));
    expect(missing).toEqual([]);
  });

  it('is the same text as the seed article it was built from', () => {
    // The SHA-256 of ../shared/seeds/000_8e700424828347e3.txt, so a clone without the shared folder checks it too.
    const seedSha256 = 'f149e3a142a6fa90a2edb03110e22b522568b27d86b78f678621856ffeb968a2';
    expect(createHash('sha256').update(article).digest('hex')).toBe(seedSha256);
  });

  it('has unique node ids and relationships whose ends exist', () => {
    const ids = dataset.nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    const dangling = dataset.relationships.filter((rel) => !known.has(rel.source) || !known.has(rel.target));
    expect(dangling).toEqual([]);
  });

  it('links every node to at least one other', () => {
    const linked = new Set(dataset.relationships.flatMap((rel) => [rel.source, rel.target]));
    expect(dataset.nodes.filter((node) => !linked.has(node.id)).map((node) => node.id)).toEqual([]);
  });

  it('covers the four kinds and the core relationship vocabulary', () => {
    const kinds = new Set(dataset.nodes.map((node: DatasetNode) => node.kind));
    expect([...kinds].sort()).toEqual(['Event', 'Location', 'Organization', 'Person']);
    const types = new Set(dataset.relationships.map((rel) => rel.type));
    for (const type of ['LEADER_OF', 'FINANCED', 'ALLIED_WITH', 'ARRESTED_BY', 'MEMBER_OF', 'OPERATES_IN']) {
      expect(types, type).toContain(type);
    }
  });

  it('records that Bazán Arévalo was arrested by DIRANDRO on 26 July 2017', () => {
    const arrest = dataset.relationships.find(
      (rel) => rel.source === 'person:david-bazan-arevalo' && rel.type === 'ARRESTED_BY' && rel.target === 'organization:dirandro',
    );
    expect(arrest?.date).toBe('2017-07-26');
    expect(arrest?.quotes.some((quote) => quote.startsWith('On July 26, 2017'))).toBe(true);
  });

  it("keeps the article's variant spellings as aliases", () => {
    const byId = new Map(dataset.nodes.map((node) => [node.id, node]));
    expect(byId.get('organization:shining-path')?.aliases).toContain('Sendero Luminoso');
    expect(byId.get('person:gerson-galvez-calle')?.aliases).toEqual(expect.arrayContaining(['Caracol', 'Snail']));
    expect(byId.get('organization:dirandro')?.aliases.join(' ')).toMatch(/DIRANDRO/);
  });
});

describe('readDataset on a broken folder', () => {
  it('names the file and line of a quote that is not in the source', () => {
    const dir = peruCopyWith('nodes.json', (text) => text.replace('is the former leader of Shining Path', 'led Shining Path'));
    const problem = expectDatasetError(dir, 'nodes.json', /not verbatim/);
    expect(problem.line).toBeGreaterThan(1);
  });

  it('names a duplicate id', () => {
    const dir = peruCopyWith('nodes.json', (text) => {
      const nodes = JSON.parse(text) as DatasetNode[];
      return JSON.stringify([...nodes, nodes[0]], null, 2);
    });
    expectDatasetError(dir, 'nodes.json', /duplicate id/);
  });

  it('names a relationship whose end is not a node', () => {
    const dir = peruCopyWith('relationships.json', (text) => text.replace('"person:abimael-guzman"', '"person:nobody"'));
    expectDatasetError(dir, 'relationships.json', /person:nobody is not a node/);
  });

  it('names the line of invalid JSON', () => {
    const dir = peruCopyWith('relationships.json', (text) => text.replace('"type"', 'type'));
    const problem = expectDatasetError(dir, 'relationships.json', /invalid JSON/);
    expect(problem.line).toBeGreaterThan(1);
  });

  it('refuses a malformed date', () => {
    const dir = peruCopyWith('relationships.json', (text) => text.replace('"2017-07-26"', '"26/07/2017"'));
    expectDatasetError(dir, 'relationships.json', /date as YYYY/);
  });

  it('refuses a source text that changed since the quotes were taken', () => {
    const dir = peruCopyWith('source.txt', (text) => `${text} `);
    expectDatasetError(dir, 'source.txt', /sha256/);
  });
});
