import { FormatError, type Properties, type Scalar } from './network.js';

/**
 * Reads the attributes NetworkX's write_edgelist writes after a tie's ends, a Python dict of its repr():
 * `{'weight': 4, 'since': '2019', 'confirmed': True}`. Keys are strings; values strings, numbers, True or False, and
 * None (an attribute left out). A list, a nested dict or anything else is refused with its line: there is no faithful
 * property for it. The text arrives with the spaces between fields made single (the file is space-separated).
 */
export function networkxData(text: string, file: string, line: number): Properties {
  const properties: Properties = new Map();
  let at = 0;
  const fail = (reason: string): never => {
    throw new FormatError(file, line, `NetworkX's tie data ${text}: ${reason}`);
  };
  const skipSpaces = (): void => {
    while (text[at] === ' ') at += 1;
  };
  const expect = (char: string): void => {
    skipSpaces();
    if (text[at] !== char) fail(`expected "${char}" at character ${at + 1}`);
    at += 1;
  };
  const readString = (): string => {
    const quote = text[at]!;
    let value = '';
    for (at += 1; at < text.length && text[at] !== quote; at += 1) {
      if (text[at] !== '\\') {
        value += text[at];
        continue;
      }
      at += 1;
      value += escaped(text, at, fail);
      if (text[at] === 'x') at += 2;
      else if (text[at] === 'u') at += 4;
    }
    if (text[at] !== quote) fail('a string is not closed');
    at += 1;
    return value;
  };
  const readValue = (): Scalar | null => {
    skipSpaces();
    if (text[at] === "'" || text[at] === '"') return readString();
    const word = /^[^,}\s]+/.exec(text.slice(at))?.[0] ?? '';
    at += word.length;
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    const value = Number(word);
    if (word === '' || !Number.isFinite(value)) fail(`"${word || text[at] || 'nothing'}" is not a string, number, True, False or None`);
    return value;
  };

  expect('{');
  skipSpaces();
  if (text[at] === '}') at += 1;
  else {
    for (;;) {
      skipSpaces();
      if (text[at] !== "'" && text[at] !== '"') fail(`a key must be a quoted string (character ${at + 1})`);
      const key = readString();
      expect(':');
      const value = readValue();
      if (value !== null) properties.set(key, value);
      skipSpaces();
      if (text[at] === '}') {
        at += 1;
        break;
      }
      expect(',');
    }
  }
  skipSpaces();
  if (at < text.length) fail(`unexpected text after the dict: "${text.slice(at)}"`);
  return properties;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** The character a backslash escape of a Python string stands for, the escape starting at `at` (after the backslash). */
function escaped(text: string, at: number, fail: (reason: string) => never): string {
  const char = text[at];
  if (char === undefined) return fail('a string is not closed');
  if (ESCAPES[char] !== undefined) return ESCAPES[char];
  const digits = char === 'x' ? text.slice(at + 1, at + 3) : char === 'u' ? text.slice(at + 1, at + 5) : undefined;
  if (digits === undefined || !/^[0-9a-fA-F]+$/.test(digits) || digits.length !== (char === 'x' ? 2 : 4)) return fail(`unknown escape "\\${char}"`);
  return String.fromCharCode(parseInt(digits, 16));
}
