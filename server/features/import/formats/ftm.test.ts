import { describe, expect, it } from 'vitest';
import { nodeByKey, readAll, refusal, tempFile } from './testing.js';

const line = (entity: object) => `${JSON.stringify(entity)}\n`;

describe('FollowTheMoney JSON lines', () => {
  it('reads the example: schemata as labels, lists of values as properties, interval schemata as relationships', async () => {
    const read = await readAll('data/examples/entities.ftm');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(11);
    const bruno = nodeByKey(read, 'pc-bruno');
    expect(bruno).toMatchObject({ labels: ['Person'], caption: 'Bruno Salas', line: 2 });
    expect(bruno.properties).toEqual(
      new Map([
        ['name', ['Bruno Salas']],
        ['alias', ['El Flaco', 'B. Salas']],
      ]),
    );
    const own = read.relationships.find((tie) => tie.key === 'pc-own-1')!;
    expect(own).toMatchObject({ start: 'pc-holding', end: 'pc-naviera', type: 'Ownership', undirected: false, line: 13 });
    expect(own.properties).toEqual(
      new Map([
        ['percentage', ['75']],
        ['startDate', ['2012']],
      ]),
    );
    const ends = Object.fromEntries(read.relationships.map((tie) => [tie.key, [tie.start, tie.end]]));
    expect(ends).toMatchObject({
      'pc-dir-1': ['pc-elena', 'pc-naviera'],
      'pc-emp-1': ['pc-carla', 'pc-naviera'],
      'pc-fam-1': ['pc-bruno', 'pc-diego'],
      'pc-assoc-1': ['pc-ana', 'pc-elena'],
      'pc-rep-1': ['pc-gloria', 'pc-ana'],
      'pc-mem-1': ['pc-hugo', 'pc-naviera'],
      'pc-link-1': ['pc-iris', 'pc-account'],
    });
  });

  it('keeps property names such as __proto__ and id as data', async () => {
    const file = tempFile('e.ftm', '{"id":"x","schema":"Person","properties":{"__proto__":["p"],"id":["passport 1"],"name":["X"]}}\n');
    const read = await readAll(file);
    expect([...read.nodes[0]!.properties]).toEqual([
      ['__proto__', ['p']],
      ['id', ['passport 1']],
      ['name', ['X']],
    ]);
  });

  it('refuses a missing end node, an interval without its end, duplicate ids, broken JSON and invalid UTF-8 with file:line', async () => {
    const person = { id: 'a', schema: 'Person', properties: { name: ['A'] } };
    const missing = tempFile('e.ftm', line(person) + line({ id: 'o', schema: 'Ownership', properties: { owner: ['a'], asset: ['nowhere'] } }));
    expect(await refusal(missing)).toBe(`${missing}:2: relationship end "nowhere" is not a node of this import`);
    const noEnd = tempFile('e.ftm', line(person) + line({ id: 'd', schema: 'Directorship', properties: { director: ['a'] } }));
    expect(await refusal(noEnd)).toBe(`${noEnd}:2: Directorship "d" has no organization`);
    const duplicate = tempFile('e.ftm', line(person) + '\n' + line(person));
    expect(await refusal(duplicate)).toBe(`${duplicate}:3: duplicate id "a"`);
    const broken = tempFile('e.ftm', line(person) + '{"id": "b", "schema": \n');
    expect(await refusal(broken)).toMatch(new RegExp(`^${broken}:2: not a JSON object`));
    const notList = tempFile('e.ftm', line({ id: 'a', schema: 'Person', properties: { name: 'A' } }));
    expect(await refusal(notList)).toBe(`${notList}:1: entity "a": property "name" is not a list of strings`);
    const latin = tempFile(
      'e.ftm',
      Buffer.concat([
        Buffer.from(line(person)),
        Buffer.from('{"id":"b","schema":"Person","properties":{"name":["Jos'),
        Buffer.from([0xe9]),
        Buffer.from('"]}}\n'),
      ]),
    );
    expect(await refusal(latin)).toBe(`${latin}:2: invalid UTF-8 (save the file as UTF-8)`);
  });
});
