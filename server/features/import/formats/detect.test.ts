import { describe, expect, it } from 'vitest';
import { detectFormat, detectInputFormat, inputFiles } from './detect.js';
import { openNetwork } from './readNetwork.js';
import { refusal, tempFile, tempFolder } from './testing.js';

describe('format detection', () => {
  it('tells every example by its extension or content', () => {
    const examples: Record<string, string> = {
      'data/examples/edgelist/ties.csv': 'edgelist',
      'data/examples/edgelist/nodes.csv': 'edgelist',
      'data/examples/matrix.csv': 'matrix',
      'data/examples/network.graphml': 'graphml',
      'data/examples/network.gexf': 'gexf',
      'data/examples/network.net': 'pajek',
      'data/examples/ucinet-edgelist.dl': 'ucinet',
      'data/examples/entities.ftm': 'ftm',
    };
    for (const [file, format] of Object.entries(examples)) expect([file, detectFormat(file)]).toEqual([file, format]);
  });

  it('looks at the content of files whose extension says nothing', () => {
    expect(detectFormat(tempFile('export.xml', '<?xml version="1.0"?>\n<!-- x -->\n<gexf version="1.3"></gexf>'))).toBe('gexf');
    expect(detectFormat(tempFile('export.xml', '<?xml version="1.0"?>\n<graphml></graphml>'))).toBe('graphml');
    expect(detectFormat(tempFile('network.txt', '*Vertices 2\n1 "a"\n'))).toBe('pajek');
    expect(detectFormat(tempFile('network.txt', 'DL N=2\ndata:\n0 1\n1 0\n'))).toBe('ucinet');
    expect(detectFormat(tempFile('aleph.json', '{"id":"a","schema":"Person","properties":{}}\n'))).toBe('ftm');
    expect(detectFormat(tempFile('Person.csv', 'personId:ID(Person),name\np1,Ana\n'))).toBe('neo4j-csv');
    expect(detectFormat(tempFile('calls.csv', 'From,To,Duration\na,b,3\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('people.csv', 'name,age\nAna,3\n'))).toBeUndefined();
    // Other delimiters: semicolons (spreadsheets in many locales), tabs, runs of spaces.
    expect(detectFormat(tempFile('llamadas.csv', 'Source;Target;duración\na;b;3\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('matriz.csv', '\uFEFF;Ana;Bruno\nAna;0;1\nBruno;1;0\n'))).toBe('matrix');
    expect(detectFormat(tempFile('calls.tsv', 'from\tto\tminutes\n555-0101\t555-0199\t3\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('ties.txt', '# exported\nsource   target\na b\n'))).toBe('edgelist');
  });

  it('takes a forced format over detection, and reads a folder as one input of one format', () => {
    const files = inputFiles('data/examples/edgelist');
    expect(files.map((file) => file.display)).toEqual(['data/examples/edgelist/nodes.csv', 'data/examples/edgelist/ties.csv']);
    expect(detectInputFormat(files)).toBe('edgelist');
    expect(detectInputFormat(inputFiles('data/examples/matrix-2mode.csv'), 'matrix2mode')).toBe('matrix2mode');
  });

  it('refuses a folder mixing formats, an unknown format, neo4j-admin CSV and a missing path', async () => {
    const mixed = tempFolder({ 'a.graphml': '<graphml/>', 'b.net': '*Vertices 1\n' });
    expect(() => openNetwork(mixed)).toThrow(`${mixed}/b.net: reads as pajek but ${mixed}/a.graphml as graphml: import one format at a time`);
    const unknown = tempFile('people.csv', 'name,age\nAna,3\n');
    expect(() => openNetwork(unknown)).toThrow(`${unknown}: unknown format: name it with --format`);
    const admin = tempFile('Person.csv', ':ID,name\np1,Ana\n');
    expect(() => openNetwork(admin)).toThrow(/neo4j-admin CSV: read by the CSV importer/);
    expect(await refusal('no/such/file.graphml')).toBe('no/such/file.graphml: file or folder not found');
  });
});
