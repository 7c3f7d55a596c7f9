import { createReadStream } from 'node:fs';
import { FormatError } from './network.js';

export interface TextLine {
  line: number;
  text: string;
}

const NEWLINE = 0x0a;
const BOM = '\uFEFF';

/**
 * Streams a text file line by line (LF or CRLF; the line break is not part of the text), refusing
 * invalid UTF-8 with the line it is on. A newline byte never occurs inside a multi-byte UTF-8
 * character, so each line's bytes can be decoded alone. A leading byte order mark is dropped.
 */
export async function* readTextLines(file: string, display: string): AsyncGenerator<TextLine> {
  let line = 1;
  let carried: Buffer[] = [];
  const decode = (bytes: Buffer): string => {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new FormatError(display, line, 'invalid UTF-8 (save the file as UTF-8)');
    }
    if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, at);
      const bytes = carried.length === 0 ? piece : Buffer.concat([...carried, piece]);
      carried = [];
      yield { line, text: decode(bytes) };
      line += 1;
      start = at + 1;
    }
    if (start < chunk.length) carried.push(chunk.subarray(start));
  }
  if (carried.length > 0) yield { line, text: decode(Buffer.concat(carried)) };
}

export interface Token {
  text: string;
  column: number;
  quoted: boolean;
  /** A `"` opened the token and the line ended before its closing `"`. */
  unclosed?: boolean;
}

/**
 * Splits a line into whitespace-separated tokens, a `"…"` token being one token without its quotes
 * (Pajek and UCINET labels). Each token keeps its 1-based character column for messages.
 */
export function tokenize(text: string, separators = /\s/): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (separators.test(text[at]!)) {
      at += 1;
      continue;
    }
    const column = at + 1;
    if (text[at] === '"') {
      const close = text.indexOf('"', at + 1);
      if (close < 0) return [...tokens, { text: text.slice(at + 1), column, quoted: true, unclosed: true }];
      tokens.push({ text: text.slice(at + 1, close), column, quoted: true });
      at = close + 1;
      continue;
    }
    let end = at;
    while (end < text.length && !separators.test(text[end]!)) end += 1;
    tokens.push({ text: text.slice(at, end), column, quoted: false });
    at = end;
  }
  return tokens;
}
