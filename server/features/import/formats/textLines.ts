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
 * invalid UTF-8 with the line it is on. Each chunk's complete lines are decoded at once; a newline
 * byte never occurs inside a multi-byte UTF-8 character, so they decode alone, and only a chunk
 * that fails is decoded again line by line to name the line. A leading byte order mark is dropped.
 */
export async function* readTextLines(file: string, display: string): AsyncGenerator<TextLine> {
  let line = 1;
  let carried: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline < 0) {
      carried = Buffer.concat([carried, chunk]);
      continue;
    }
    const complete = Buffer.concat([carried, chunk.subarray(0, lastNewline)]);
    carried = Buffer.from(chunk.subarray(lastNewline + 1));
    for (const text of decodeLines(complete, display, line)) {
      yield { line, text: line === 1 ? withoutBom(text) : text };
      line += 1;
    }
  }
  if (carried.length > 0) {
    for (const text of decodeLines(carried, display, line)) {
      yield { line, text: line === 1 ? withoutBom(text) : text };
      line += 1;
    }
  }
}

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The lines of whole-line bytes, without their CR; a FormatError names the first line that is not UTF-8. */
function decodeLines(bytes: Buffer, display: string, firstLine: number): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return decoder
      .decode(bytes)
      .split('\n')
      .map((text) => (text.endsWith('\r') ? text.slice(0, -1) : text));
  } catch {
    let line = firstLine;
    for (let start = 0; start <= bytes.length; line += 1) {
      const newline = bytes.indexOf(NEWLINE, start);
      const end = newline < 0 ? bytes.length : newline;
      try {
        decoder.decode(bytes.subarray(start, end));
      } catch {
        break;
      }
      start = end + 1;
    }
    throw new FormatError(display, line, 'invalid UTF-8 (save the file as UTF-8)');
  }
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
