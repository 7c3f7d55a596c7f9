import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../importError.js';
import { JsonNumber, readJsonValues, type JsonFound, type JsonPath, type JsonValue, type Wanted } from './jsonStream.js';
import { tempFile } from './testing.js';

async function found(content: string | Buffer, want: (path: JsonPath) => Wanted = (path) => (path.length === 0 ? 'whole' : undefined)): Promise<JsonFound[]> {
  const file = tempFile('graph.json', content);
  const all: JsonFound[] = [];
  for await (const batch of readJsonValues({ path: file, display: 'graph.json' }, want)) all.push(...batch);
  return all;
}

/** Lists are read as a graph file's are: their items whole, not the document. */
const items = (path: JsonPath): Wanted => (path.length === 2 ? 'whole' : undefined);

async function refusal(content: string | Buffer, want?: (path: JsonPath) => Wanted): Promise<string> {
  try {
    await found(content, want);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('read without an error');
}

/** A value as JSON.parse gives it, to compare with. */
function plain(value: JsonValue): unknown {
  if (value instanceof JsonNumber) return Number(value.text);
  if (value instanceof Map) return Object.fromEntries([...value].map(([name, item]) => [name, plain(item)]));
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

describe('streaming JSON', () => {
  it('yields the wanted values with the line and character column they start at, and nothing it was not asked for', async () => {
    const text = '{\n  "skip": [1, 2, {"deep": true}],\n  "items": [\n    {"a": 1},  "é",\n    [null]\n  ]\n}\n';
    const read = await found(text, (path) => (path[0] === 'items' && path.length === 2 ? 'whole' : path.length === 1 ? 'start' : undefined));
    expect(read.map(({ path, value, opens, line, column }) => [path, value === undefined ? opens : plain(value), line, column])).toEqual([
      [['skip'], 'list', 2, 11],
      [['items'], 'list', 3, 12],
      [['items', 0], { a: 1 }, 4, 5],
      [['items', 1], 'é', 4, 16],
      [['items', 2], [null], 5, 5],
    ]);
  });

  it('keeps numbers as written, names verbatim and in order', async () => {
    const [top] = await found('{"__proto__": 1, "big": 123456789012345678901234567890, "f": 1.0, "b": -0}');
    const value = top!.value as Map<string, JsonValue>;
    expect([...value.keys()]).toEqual(['__proto__', 'big', 'f', 'b']);
    expect([...value.values()].map((item) => (item as JsonNumber).text)).toEqual(['1', '123456789012345678901234567890', '1.0', '-0']);
  });

  it('reads what JSON.parse reads, as it reads it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (text) => {
        const [top] = await found(text);
        expect(plain(top!.value!)).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what JSON.parse refuses', async () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '1', '-', '.5', 'true', 'nul', ' ', '\n');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const text = pieces.join('');
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        if (parses) await found(text);
        else expect(await refusal(text)).toMatch(/^graph\.json:\d+(:\d+)?: (malformed JSON|empty file)/);
      }),
      { numRuns: 300 },
    );
  });

  it('names where malformed, truncated or trailing JSON goes wrong', async () => {
    expect(await refusal('{\n  "a": 1\n  "b": 2\n}')).toBe('graph.json:3:3: malformed JSON: expected "," or "}", found "b"');
    expect(await refusal('{"a" 1}')).toBe('graph.json:1:6: malformed JSON: expected ":" after a name, found 1');
    expect(await refusal('[1, 2,\n ]')).toBe('graph.json:2:2: malformed JSON: expected a value, found ]');
    expect(await refusal('{"a": [1,\n 2', items)).toBe('graph.json:2: malformed JSON: the file ends before the JSON is complete (inside "a")');
    expect(await refusal('{"a": "unclosed\n')).toMatch(/^graph\.json:1(:\d+)?: malformed JSON/);
    expect(await refusal('{"a": 1}\n{"b": 2}\n')).toBe('graph.json:2:1: malformed JSON: { after the end of the JSON document');
    expect(await refusal('{"a": tru}')).toBe('graph.json:1:10: malformed JSON: unexpected "}"');
    expect(await refusal('  \n')).toBe('graph.json:1: empty file');
  });

  it('drops a byte order mark, and refuses invalid UTF-8 with its line', async () => {
    const [top] = await found(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]));
    expect(plain(top!.value!)).toEqual({ a: 1 });
    const invalid = Buffer.concat([Buffer.from('{\n"a": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]);
    expect(await refusal(invalid)).toBe('graph.json:2: invalid UTF-8 (save the file as UTF-8)');
  });

  it('counts lines across chunks, a long minified line included', async () => {
    const list = Array.from({ length: 3000 }, (_, index) => `{"n": ${index}, "pad": "${'x'.repeat(20)}"}`);
    const text = `{"items": [${list.join(',')}]}`;
    const minified = await found(text, items);
    expect(minified).toHaveLength(3000);
    expect(minified[2999]).toMatchObject({ line: 1, column: text.indexOf('{"n": 2999,') + 1 });
    const pretty = await found(`{"items": [\n${list.join(',\n')}\n]}`, items);
    expect(pretty.map((item) => item.line)).toEqual(list.map((_, index) => index + 2));
  });
});
