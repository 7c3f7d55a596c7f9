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
  const byId = new Map(dataset.nodes.map((node) => [node.id, node]));

  it('quotes the article verbatim in every node and relationship', () => {
    const quotes = [...dataset.nodes, ...dataset.relationships].flatMap((item) => item.quotes);
    expect(quotes.length).toBeGreaterThan(200);
    const missing = quotes.filter((quote) => !article.includes(quote));
    expect(missing).toEqual([]);
  });

  it("finds every alias and coreference in the article, and no searchName is one of the article's own forms", () => {
    const forms = dataset.nodes.flatMap((node) => [...node.aliases, ...(node.coreferences ?? [])]);
    expect(forms.filter((form) => !article.includes(form))).toEqual([]);
    const searchNames = dataset.nodes.flatMap((node) => node.searchNames ?? []);
    expect(searchNames.length).toBeGreaterThan(20);
    expect(searchNames.filter((name) => article.includes(name))).toEqual([]);
  });

  it('is the same text as the seed article it was built from', () => {
    // The SHA-256 of ../shared/seeds/000_8e700424828347e3.txt, so a clone without the shared folder checks it too.
    const seedSha256 = 'f149e3a142a6fa90a2edb03110e22b522568b27d86b78f678621856ffeb968a2';
    expect(createHash('sha256').update(article).digest('hex')).toBe(seedSha256);
  });

  it('has unique node ids and relationships whose ends exist', () => {
    const ids = dataset.nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dangling = dataset.relationships.filter((rel) => !byId.has(rel.source) || !byId.has(rel.target));
    expect(dangling).toEqual([]);
  });

  it('links every node to at least one other', () => {
    const linked = new Set(dataset.relationships.flatMap((rel) => [rel.source, rel.target]));
    expect(dataset.nodes.filter((node) => !linked.has(node.id)).map((node) => node.id)).toEqual([]);
  });

  it('has the five kinds and the core relationship vocabulary', () => {
    expect([...new Set(dataset.nodes.map((node: DatasetNode) => node.kind))].sort()).toEqual(['Event', 'Group', 'Location', 'Organization', 'Person']);
    const types = new Set(dataset.relationships.map((rel) => rel.type));
    for (const type of ['LEADER_OF', 'FINANCED', 'ALLIED_WITH', 'ARRESTED', 'MEMBER_OF', 'OPERATES_IN', 'PERPETRATOR_OF', 'VICTIM_OF']) {
      expect(types, type).toContain(type);
    }
  });

  it('mentions both ends of every relationship in its quotes, by name, alias or coreference (an event by the sentences that describe it)', () => {
    const mentioned = (id: string, quotes: string[]): boolean => {
      const node = byId.get(id)!;
      if (node.kind === 'Event' && quotes.some((quote) => node.quotes.includes(quote))) return true;
      const text = quotes.join(' ').toLowerCase();
      return [node.name, ...node.aliases, ...(node.coreferences ?? [])].some((form) => text.includes(form.toLowerCase()));
    };
    const unmentioned = dataset.relationships.flatMap((rel) =>
      [rel.source, rel.target].filter((end) => !mentioned(end, rel.quotes)).map((end) => `${rel.id}: ${end}`),
    );
    expect(unmentioned).toEqual([]);
  });

  describe('follows its codebook', () => {
    const codebook = readCodebook(readFileSync(path.join(peruDir, 'README.md'), 'utf8'));

    it('documents every type with its ends, count, definition and an example sentence of the article', () => {
      expect(codebook.size).toBeGreaterThan(20);
      for (const [type, row] of codebook) {
        expect(row.definition.length, type).toBeGreaterThan(10);
        expect(sentencesOf(article), `${type} example`).toContain(row.example);
      }
    });

    it('uses no type outside the codebook, each between the kinds its row allows and as often as its row says', () => {
      const outside = dataset.relationships.filter((rel) => !codebook.has(rel.type)).map((rel) => rel.id);
      expect(outside).toEqual([]);
      const wrongKinds = dataset.relationships
        .filter((rel) => {
          const row = codebook.get(rel.type)!;
          return !row.from.includes(byId.get(rel.source)!.kind) || !row.to.includes(byId.get(rel.target)!.kind);
        })
        .map((rel) => rel.id);
      expect(wrongKinds).toEqual([]);
      const counts = new Map<string, number>();
      for (const rel of dataset.relationships) counts.set(rel.type, (counts.get(rel.type) ?? 0) + 1);
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries([...codebook].map(([type, row]) => [type, row.count])));
    });

    it('writes every type in the active voice and stores a symmetric pair once', () => {
      expect([...codebook.keys()].filter((type) => type.endsWith('_BY'))).toEqual([]);
      const symmetric = [...codebook].filter(([, row]) => row.symmetric).map(([type]) => type);
      expect(symmetric).toContain('ALLIED_WITH');
      const pairs = dataset.relationships
        .filter((rel) => symmetric.includes(rel.type))
        .map((rel) => `${rel.type} ${[rel.source, rel.target].sort().join(' ')}`);
      expect(new Set(pairs).size).toBe(pairs.length);
    });

    it('links an event only through role types, and never repeats an event’s fact as a direct link', () => {
      const roles = new Set([...codebook].filter(([, row]) => row.from.includes('Event') || row.to.includes('Event')).map(([type]) => type));
      expect([...roles].sort()).toEqual([
        'ENDED',
        'OCCURRED_DURING',
        'OCCURRED_IN',
        'PARTICIPATED_IN',
        'PERPETRATOR_OF',
        'PRESENTED_TO',
        'TARGET_OF',
        'VICTIM_OF',
      ]);
      const events = new Set(dataset.nodes.filter((node) => node.kind === 'Event').map((node) => node.id));
      const nonRole = dataset.relationships.filter((rel) => (events.has(rel.source) || events.has(rel.target)) && !roles.has(rel.type));
      expect(nonRole.map((rel) => rel.id)).toEqual([]);
      // A perpetrator linked directly to the victim or target of its own event, by the same sentence, tells the event twice.
      const role = (type: string) => dataset.relationships.filter((rel) => rel.type === type);
      const harmed = [...role('VICTIM_OF'), ...role('TARGET_OF')];
      const doubled = role('PERPETRATOR_OF').flatMap((perpetrator) =>
        harmed
          .filter((victim) => victim.target === perpetrator.target)
          .flatMap((victim) =>
            dataset.relationships.filter(
              (rel) =>
                !roles.has(rel.type) &&
                [rel.source, rel.target].sort().join() === [perpetrator.source, victim.source].sort().join() &&
                rel.quotes.some((quote) => perpetrator.quotes.includes(quote)),
            ),
          )
          .map((rel) => rel.id),
      );
      expect(doubled).toEqual([]);
    });
  });

  it('dates nothing outside the words of its own quotes, and never gives both a date and a span', () => {
    const undated = [...dataset.nodes, ...dataset.relationships].flatMap((item) => {
      const words = item.quotes.join(' ');
      return [item.date, item.since, item.until]
        .filter((value): value is string => value !== undefined)
        .filter((value) => !dateInWords(value, words))
        .map((value) => `${item.id}: ${value}`);
    });
    expect(undated).toEqual([]);
    const both = [...dataset.nodes, ...dataset.relationships].filter((item) => item.date && (item.since || item.until));
    expect(both.map((item) => item.id)).toEqual([]);
  });

  it('gives every relationship an evidential status and every flow of goods its commodity', () => {
    expect(dataset.relationships.filter((rel) => rel.evidence === undefined).map((rel) => rel.id)).toEqual([]);
    const flows = ['TRAFFICKED_TO', 'ROUTE_TO', 'EXPORTED_TO', 'TRADED_TO', 'MAIN_PORT_FOR'];
    const bare = dataset.relationships.filter((rel) => flows.includes(rel.type) && !rel.commodity).map((rel) => rel.id);
    expect(bare).toEqual([]);
  });

  it('gives the same evidential status to the three things the article says Bazán Arévalo did, and keeps his legal steps on him', () => {
    const bazan = 'person:david-bazan-arevalo';
    const acts = dataset.relationships.filter((rel) => rel.source === bazan && ['FINANCED', 'SUPPLIED_WEAPONS_TO', 'PERPETRATOR_OF'].includes(rel.type));
    expect(acts.map((rel) => rel.type).sort()).toEqual(['FINANCED', 'PERPETRATOR_OF', 'SUPPLIED_WEAPONS_TO']);
    expect(new Set(acts.map((rel) => rel.evidence))).toEqual(new Set(['stated']));
    expect(acts.filter((rel) => rel.date || rel.since || rel.until)).toEqual([]);
    expect(byId.get(bazan)?.legalStatus).toEqual(['investigated', 'indicted', 'arrested']);
  });

  it('records that DIRANDRO arrested Bazán Arévalo on 26 July 2017', () => {
    const arrest = dataset.relationships.find(
      (rel) => rel.source === 'organization:dirandro' && rel.type === 'ARRESTED' && rel.target === 'person:david-bazan-arevalo',
    );
    expect(arrest?.date).toBe('2017-07-26');
    expect(arrest?.quotes.some((quote) => quote.startsWith('On July 26, 2017'))).toBe(true);
  });

  it("keeps the article's variant spellings as aliases and the standard ones as searchNames", () => {
    expect(byId.get('organization:shining-path')?.aliases).toContain('Sendero Luminoso');
    expect(byId.get('person:gerson-galvez-calle')?.aliases).toEqual(expect.arrayContaining(['Caracol', 'Snail']));
    expect(byId.get('organization:dirandro')?.aliases.join(' ')).toMatch(/DIRANDRO/);
    expect(byId.get('location:huanauco')?.searchNames).toContain('Huánuco');
    expect(byId.get('location:puerto-rice')?.searchNames).toContain('Puerto Rico');
  });
});

interface CodebookRow {
  from: string[];
  to: string[];
  symmetric: boolean;
  count: number;
  definition: string;
  example: string;
}

/** The rows of the README's codebook table: | `TYPE` | From, … → To, … | count | definition | example sentence |. */
function readCodebook(readme: string): Map<string, CodebookRow> {
  const section = readme.slice(readme.indexOf('## Codebook'), readme.indexOf('\n## ', readme.indexOf('## Codebook') + 1));
  const rows = new Map<string, CodebookRow>();
  for (const line of section.split('\n')) {
    const match = /^\| `([A-Z_]+)` \| (.+?) (→|↔) (.+?) \| (\d+) \| (.+?) \| (.+) \|$/.exec(line);
    if (!match) continue;
    const [, type, from, arrow, to, count, definition, example] = match;
    rows.set(type!, {
      from: from!.split(', '),
      to: to!.split(', '),
      symmetric: arrow === '↔',
      count: Number(count),
      definition: definition!,
      example: example!.replace(/\\\|/g, '|'),
    });
  }
  return rows;
}

/** The article's sentences: lines without headings, split after a full stop that does not end an initial ("Andrés A."). */
function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^- /, '').trim())
    .filter((line) => line && !line.startsWith('='))
    .flatMap((line) => line.split(/(?<=(?<!\b[A-Z])[.!?]"?)\s+(?=[A-Z0-9"'])/));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** True when the year (and month) of a YYYY[-MM[-DD]] date appear in the words, a year also inside a named decade ("the 1980s"). */
function dateInWords(value: string, words: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const years = new Set([...words.matchAll(/\b(\d{4})\b/g)].map((match) => Number(match[1])));
  for (const match of words.matchAll(/\b(\d{3})0s\b/g)) for (let offset = 0; offset < 10; offset++) years.add(Number(match[1]) * 10 + offset);
  if (!years.has(year!)) return false;
  if (month !== undefined && !words.includes(MONTHS[month - 1]!)) return false;
  return day === undefined || new RegExp(`\\b${day}\\b`).test(words);
}

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

  it('refuses an item with both a date and a span', () => {
    const dir = peruCopyWith('relationships.json', (text) => text.replace('"date": "2017-07-26"', '"date": "2017-07-26", "since": "2017"'));
    expectDatasetError(dir, 'relationships.json', /either a date or a since\/until span/);
  });

  it('refuses a source text that changed since the quotes were taken', () => {
    const dir = peruCopyWith('source.txt', (text) => `${text} `);
    expectDatasetError(dir, 'source.txt', /sha256/);
  });
});
