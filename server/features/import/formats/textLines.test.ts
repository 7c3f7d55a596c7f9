import { describe, expect, it } from 'vitest';
import { readTextLines, tokenize } from './textLines.js';
import { tempFile } from './testing.js';

async function lines(file: string): Promise<string[]> {
  const read: string[] = [];
  for await (const { line, text } of readTextLines(file, 'f')) read.push(`${line}:${text}`);
  return read;
}

describe('readTextLines', () => {
  it('splits LF and CRLF lines, drops a byte order mark, keeps a last line without a break', async () => {
    expect(await lines(tempFile('t.txt', '\uFEFFone\r\ntwo\n\nfour'))).toEqual(['1:one', '2:two', '3:', '4:four']);
  });

  it('names the line of invalid UTF-8 past the first chunks of a large file, and a character cut across chunks is fine', async () => {
    const filler = 'é'.repeat(40) + '\n';
    const good = Buffer.from(filler.repeat(30_000));
    const file = tempFile('big.txt', Buffer.concat([good, Buffer.from('ok\nbad '), Buffer.from([0xc3, 0x28]), Buffer.from('\nend\n')]));
    let error: unknown;
    try {
      await lines(file);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toBe('f:30002: invalid UTF-8 (save the file as UTF-8)');
    expect(await lines(tempFile('good.txt', good))).toHaveLength(30_000);
  });
});

describe('tokenize', () => {
  it('keeps a quoted token whole and gives each token its column', () => {
    expect(tokenize('12 "Ana Ruiz" 0.5')).toEqual([
      { text: '12', column: 1, quoted: false },
      { text: 'Ana Ruiz', column: 4, quoted: true },
      { text: '0.5', column: 15, quoted: false },
    ]);
    expect(tokenize('1 "open')).toEqual([
      { text: '1', column: 1, quoted: false },
      { text: 'open', column: 3, quoted: true, unclosed: true },
    ]);
  });
});
