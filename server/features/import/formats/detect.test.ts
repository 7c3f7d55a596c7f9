import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, detectInputFormat, inputFiles } from './detect.js';
import { refusal, tempFile, tempFolder } from './testing.js';

describe('format detection', () => {
  it('tells every example by its extension or content', () => {
    const examples: Record<string, string> = {
      'data/examples/edgelist/ties.csv': 'edgelist',
      'data/examples/edgelist/nodes.csv': 'edgelist',
      'data/examples/matrix.csv': 'matrix',
      'data/examples/network.graphml': 'graphml',
      'data/examples/network.gexf': 'gexf',
      'data/examples/network.gml': 'gml',
      'data/examples/network.json': 'json',
      'data/examples/network.adjlist': 'adjlist',
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
    expect(detectFormat(tempFile('officers.csv', 'node_id,name\n12000001,KIM SOO IN\n'))).toBe('edgelist');
    // A matrix whose corner is named as an id is still a matrix: its labels come again down the first column.
    expect(detectFormat(tempFile('ties.csv', 'actor_id,a,b\na,0,1\nb,1,0\n'))).toBe('matrix');
    // Other delimiters: semicolons (spreadsheets in many locales), tabs, runs of spaces.
    expect(detectFormat(tempFile('llamadas.csv', 'Source;Target;duración\na;b;3\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('matriz.csv', '\uFEFF;Ana;Bruno\nAna;0;1\nBruno;1;0\n'))).toBe('matrix');
    expect(detectFormat(tempFile('calls.tsv', 'from\tto\tminutes\n555-0101\t555-0199\t3\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('ties.txt', '# exported\nsource   target\na b\n'))).toBe('edgelist');
  });

  it('tells edge lists and matrices that research tools and spreadsheets write without the usual header', () => {
    expect(detectFormat(tempFile('snap.txt', '# Directed graph: calls.txt\n# FromNodeId\tToNodeId\n0\t1\n1\t2\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('out.calls', '% sym positive\n1 2 5\n2 3 1\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('g.edgelist', "0 1 {'weight': 4, 'kind': 'call'}\n1 2 {}\n"))).toBe('edgelist');
    expect(detectFormat(tempFile('pairs.csv', 'ana,bruno\nbruno,carla\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('actors.csv', 'actor1,actor2\nana,bruno\n'))).toBe('edgelist');
    expect(detectFormat(tempFile('named.csv', 'Actor,Ana,Bruno,Carla\nAna,0,1,0\nBruno,1,0,0\nCarla,0,1,0\n'))).toBe('matrix');
    expect(detectFormat(tempFile('bare.csv', '0,1,0,0,1\n1,0,0,0,0\n0,0,0,1,0\n0,0,1,0,0\n1,0,0,0,0\n'))).toBe('matrix');
    // V1, V2, V3 … are a series of columns (R's names for a matrix's), not a pair of ends.
    expect(detectFormat(tempFile('r.csv', '"","V1","V2","V3"\n"1",0,1,0\n"2",1,0,0\n"3",0,1,0\n'))).toBe('matrix');
    // A table keyed by name is an edge list's node file beside its ties, and nothing alone.
    const igraph = tempFolder({ 'edges.csv': 'from,to\nana,ben\n', 'vertices.csv': 'name,gender\nana,F\n' });
    expect(detectInputFormat(inputFiles(igraph))).toBe('edgelist');
    expect(detectFormat(path.join(igraph, 'vertices.csv'))).toBeUndefined();
    // Two names that no later line names again could be a header: not guessed.
    expect(detectFormat(tempFile('pairs.txt', 'ana bruno\ncarla diego\n'))).toBeUndefined();
  });

  it('tells GML by its first tokens, graph [ after any comments and top-level keys such as Creator', () => {
    expect(detectFormat(tempFile('karate.txt', 'graph [\n  node [\n    id 0\n'))).toBe('gml');
    expect(detectFormat(tempFile('lesmis.txt', '# from Newman\nCreator "Mark Newman on Fri Jul 21 12:39:27 2006"\nVersion 1\ngraph\n[\n'))).toBe('gml');
    expect(detectFormat(tempFile('export.txt', 'Creator "igraph" graph [ directed 0 node [ id 0 ] ]'))).toBe('gml');
    // A key that has a list before the graph, or a word that is no GML token, is something else.
    expect(detectFormat(tempFile('notes.txt', 'graph node\nsource target\n'))).not.toBe('gml');
    expect(detectFormat(tempFile('notes.txt', 'Creator [ graph [ ] ]\n'))).not.toBe('gml');
    expect(detectFormat(tempFile('notes.txt', 'Creator "x" @ graph [\n'))).not.toBe('gml');
  });

  it('tells a JSON graph from FtM JSON lines by its top-level lists, and a .cyjs file by its extension', () => {
    expect(detectFormat(tempFile('miserables.json', '{"nodes":[{"name":"Myriel","group":1}],"links":[]}'))).toBe('json');
    // A long nodes list hides what follows it: its start tells.
    expect(detectFormat(tempFile('big.json', `{\n  "directed": false,\n  "nodes": [${'{"id": 1},'.repeat(10_000)}`))).toBe('json');
    expect(detectFormat(tempFile('sigma.json', '{"attributes":{},"options":{"type":"mixed"},"nodes":[],"edges":[]}'))).toBe('json');
    expect(detectFormat(tempFile('cytoscape.json', '{"elements": {"nodes": [], "edges": []}}'))).toBe('json');
    expect(detectFormat(tempFile('network.cyjs', '{"format_version": "1.0", "elements": []}'))).toBe('json');
    // A graph on one line whose nodes have a schema attribute is still a graph; FtM's lines have no graph lists.
    expect(detectFormat(tempFile('g.json', '{"nodes":[{"id":"a","schema":"Person"}],"links":[]}\n'))).toBe('json');
    expect(detectFormat(tempFile('aleph.json', '{"id":"a","schema":"Person","properties":{"nodes":["x"]}}\n{"id":"b","schema":"Person"}\n'))).toBe('ftm');
    expect(detectFormat(tempFile('config.json', '{"nodes": 3, "name": "x"}'))).toBeUndefined();
  });

  it('takes a forced format over detection, and reads a folder as one input of one format', () => {
    const files = inputFiles('data/examples/edgelist');
    expect(files.map((file) => file.display)).toEqual(['data/examples/edgelist/nodes.csv', 'data/examples/edgelist/ties.csv']);
    expect(detectInputFormat(files)).toBe('edgelist');
    expect(detectInputFormat(inputFiles('data/examples/matrix-2mode.csv'), 'matrix2mode')).toBe('matrix2mode');
  });

  it('refuses a folder mixing formats, an unknown format, neo4j-admin CSV and a missing path', async () => {
    const mixed = tempFolder({ 'a.graphml': '<graphml/>', 'b.net': '*Vertices 1\n' });
    expect(await refusal(mixed)).toBe(`${mixed}/b.net: reads as pajek but ${mixed}/a.graphml as graphml: import one format at a time`);
    const unknown = tempFile('people.csv', 'name,age\nAna,3\n');
    expect(await refusal(unknown)).toMatch(`${unknown}: unknown format: name it with --format`);
    const admin = tempFile('Person.csv', ':ID,name\np1,Ana\n');
    expect(await refusal(admin)).toMatch(/neo4j-admin CSV: read by the CSV importer/);
    expect(await refusal('no/such/file.graphml')).toBe('no/such/file.graphml: file or folder not found');
  });
});
