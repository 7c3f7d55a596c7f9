import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Tokenizer, TokenizerError, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import type { InputFile } from './inputFile.js';
import { FormatError } from './network.js';

/** A JSON number as the file writes it: an integer past 2^53 keeps its digits, and 1.0 stays apart from 1. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** A JSON value. Objects are Maps, so every name (`__proto__`, `constructor`) is data and keeps its place. */
export type JsonValue = string | boolean | null | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

/** Where a value sits in the document: object member names and array indexes from the top. */
export type JsonPath = readonly (string | number)[];

/** What a reader wants of a value: all of it, once read (`whole`), or only to know where it starts (`start`). */
export type Wanted = 'whole' | 'start' | undefined;

/** A wanted value (undefined for `start`, which tells what the value opens with instead) and the line and character column it starts at. */
export interface JsonFound {
  path: JsonPath;
  value: JsonValue | undefined;
  opens?: 'object' | 'list' | 'scalar';
  line: number;
  column: number;
}

/** The tokenizer's own number parse would round an integer past 2^53: its numbers are kept as written. */
class ExactTokenizer extends Tokenizer {
  protected override parseNumber(text: string): number {
    // The library types a number token's value as number; JsonReader, its only consumer, expects this instead.
    return new JsonNumber(text) as unknown as number;
  }
}

const NEWLINE = 0x0a;

/**
 * Line and character column of byte offsets in a stream of chunks, asked in increasing order. Counting stops at the
 * offset asked, and the next newline is looked up once, so a minified file (one line) costs one pass too.
 */
class Positions {
  private chunk: Buffer = Buffer.alloc(0);
  private chunkStart = 0;
  private chunkLine = 1;
  private counted = 0;
  private nextNewline = -1;
  line = 1;
  /** Characters between the start of `line` and `counted`. */
  private characters = 0;

  /** Moves on to the next chunk, counting the rest of this one. */
  next(chunk: Buffer): void {
    this.countTo(this.chunkStart + this.chunk.length);
    this.chunkStart += this.chunk.length;
    this.chunk = chunk;
    this.chunkLine = this.line;
    this.nextNewline = this.findNewline(0);
  }

  /**
   * The position of a byte offset. A token begun in the previous chunk (a long string) has no newline in it, so the
   * line counted so far is its line; its column is then where this chunk starts.
   */
  at(offset: number): { line: number; column: number } {
    this.countTo(offset);
    return { line: this.line, column: this.characters + 1 };
  }

  /** The chunk's bytes and the line it starts on, for finding invalid UTF-8 in it. */
  get current(): { chunk: Buffer; line: number } {
    return { chunk: this.chunk, line: this.chunkLine };
  }

  private findNewline(from: number): number {
    const found = this.chunk.indexOf(NEWLINE, from);
    return found < 0 ? this.chunk.length : found;
  }

  private countTo(offset: number): void {
    if (offset <= this.counted) return;
    let from = this.counted - this.chunkStart;
    const end = offset - this.chunkStart;
    while (this.nextNewline < end) {
      this.line += 1;
      this.characters = 0;
      from = this.nextNewline + 1;
      this.nextNewline = this.findNewline(from);
    }
    // Every byte starts a character but UTF-8's continuation bytes (10xxxxxx).
    for (let at = from; at < end; at += 1) if ((this.chunk[at]! & 0xc0) !== 0x80) this.characters += 1;
    this.counted = offset;
  }
}

type Expecting = 'value' | 'value or ]' | 'name or }' | 'name' | ':' | ', or close' | 'nothing';

interface Frame {
  kind: 'object' | 'array';
  /** Set only outside a wanted value: inside one no path is asked. */
  path: JsonPath;
  name?: string;
  index: number;
  /** The container being filled, inside a wanted value. */
  value?: JsonObject | JsonValue[];
}

/** What a token shows as in a message. */
function shown(token: ParsedTokenInfo): string {
  if (token.token === TokenType.STRING) return JSON.stringify((token.value as string).slice(0, 40));
  if (token.token === TokenType.NUMBER) return (token.value as unknown as JsonNumber).text;
  return String(token.value);
}

/**
 * Checks JSON's grammar over the tokenizer's tokens and builds the values a reader wants, holding nothing else: a
 * list the reader wants only the items of is never held whole.
 */
class JsonReader {
  readonly found: JsonFound[] = [];
  private readonly positions = new Positions();
  private readonly tokenizer = new ExactTokenizer();
  private readonly frames: Frame[] = [];
  private expecting: Expecting = 'value';
  private wantedStart?: { path: JsonPath; line: number; column: number };
  private sawToken = false;
  private endsWithNewline = false;
  /** The file's last line once it has all been written. */
  private lastLine?: number;

  constructor(
    private readonly file: string,
    private readonly want: (path: JsonPath) => Wanted,
  ) {
    this.tokenizer.onToken = (token) => this.onToken(token);
    this.tokenizer.onError = (error) => this.onError(error);
  }

  write(chunk: Buffer): void {
    this.positions.next(chunk);
    if (chunk.length > 0) this.endsWithNewline = chunk[chunk.length - 1] === NEWLINE;
    this.tokenizer.write(chunk);
  }

  end(): void {
    this.positions.next(Buffer.alloc(0));
    const lastLine = this.endsWithNewline ? this.positions.line - 1 : this.positions.line;
    this.lastLine = lastLine;
    // Ends a number the file ends with, or fails on a string or word left open.
    this.tokenizer.end();
    if (!this.sawToken) throw new FormatError(this.file, 1, 'empty file');
    if (this.expecting !== 'nothing') {
      const inside = this.frames.findLast((frame) => typeof frame.path.at(-1) === 'string')?.path.at(-1);
      throw new FormatError(
        this.file,
        lastLine,
        `malformed JSON: the file ends before the JSON is complete${inside === undefined ? '' : ` (inside "${inside}")`}`,
      );
    }
  }

  private onError(error: Error): never {
    if (error instanceof FormatError) throw error;
    if (error instanceof TokenizerError) {
      if (this.lastLine !== undefined) throw new FormatError(this.file, this.lastLine, 'malformed JSON: the file ends inside a string or word');
      // The tokenizer names the byte it stopped at in its message only.
      const offset = /absolute position "(\d+)"/.exec(error.message)?.[1];
      const { line, column } = offset === undefined ? { line: this.positions.line, column: undefined } : this.positions.at(Number(offset));
      const character = /^Unexpected "([\x20-\x7e])"/.exec(error.message)?.[1];
      throw new FormatError(this.file, line, `malformed JSON: unexpected ${character === undefined ? 'character' : `"${character}"`}`, column);
    }
    // A string's bytes are decoded strictly when it closes: anything else thrown is invalid UTF-8.
    const { chunk, line } = this.positions.current;
    throw new FormatError(this.file, line + badUtf8Line(chunk), 'invalid UTF-8 (save the file as UTF-8)');
  }

  private fail(token: ParsedTokenInfo, reason: string): never {
    const { line, column } = this.positions.at(token.offset);
    throw new FormatError(this.file, line, `malformed JSON: ${reason}`, column);
  }

  private onToken(token: ParsedTokenInfo): void {
    this.sawToken = true;
    const frame = this.frames.at(-1);
    switch (this.expecting) {
      case ':':
        if (token.token !== TokenType.COLON) this.fail(token, `expected ":" after a name, found ${shown(token)}`);
        this.expecting = 'value';
        return;
      case 'name':
      case 'name or }':
        if (token.token === TokenType.STRING) {
          frame!.name = token.value as string;
          this.expecting = ':';
        } else if (token.token === TokenType.RIGHT_BRACE && this.expecting === 'name or }') this.close();
        else this.fail(token, `expected a name in double quotes, found ${shown(token)}`);
        return;
      case ', or close': {
        const closing = frame!.kind === 'object' ? TokenType.RIGHT_BRACE : TokenType.RIGHT_BRACKET;
        if (token.token === TokenType.COMMA) this.expecting = frame!.kind === 'object' ? 'name' : 'value';
        else if (token.token === closing) this.close();
        else this.fail(token, `expected "," or "${frame!.kind === 'object' ? '}' : ']'}", found ${shown(token)}`);
        return;
      }
      case 'value or ]':
        if (token.token === TokenType.RIGHT_BRACKET) {
          this.close();
          return;
        }
        this.startValue(token, frame);
        return;
      case 'value':
        this.startValue(token, frame);
        return;
      case 'nothing':
        this.fail(token, `${shown(token)} after the end of the JSON document`);
    }
  }

  private startValue(token: ParsedTokenInfo, parent: Frame | undefined): void {
    let keep = parent?.value !== undefined;
    let path: JsonPath = [];
    if (!keep) {
      path = parent ? [...parent.path, parent.kind === 'object' ? parent.name! : parent.index] : [];
      const wanted = this.want(path);
      if (wanted === 'start') {
        const opens = token.token === TokenType.LEFT_BRACE ? 'object' : token.token === TokenType.LEFT_BRACKET ? 'list' : 'scalar';
        this.found.push({ path, value: undefined, opens, ...this.positions.at(token.offset) });
      }
      if (wanted === 'whole') {
        keep = true;
        this.wantedStart = { path, ...this.positions.at(token.offset) };
      }
    }
    switch (token.token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET: {
        const object = token.token === TokenType.LEFT_BRACE;
        this.frames.push({ kind: object ? 'object' : 'array', path, index: 0, value: keep ? (object ? new Map() : []) : undefined });
        this.expecting = object ? 'name or }' : 'value or ]';
        return;
      }
      case TokenType.STRING:
      case TokenType.NUMBER:
      case TokenType.TRUE:
      case TokenType.FALSE:
      case TokenType.NULL:
        this.complete(keep ? (token.value as JsonValue) : undefined);
        return;
      default:
        this.fail(token, `expected a value, found ${shown(token)}`);
    }
  }

  private close(): void {
    this.complete(this.frames.pop()!.value);
  }

  /** A value is complete: into its container when that is kept, else out to the reader when wanted. */
  private complete(value: JsonValue | undefined): void {
    const parent = this.frames.at(-1);
    if (parent?.value instanceof Map) parent.value.set(parent.name!, value!);
    else if (parent?.value) parent.value.push(value!);
    else if (value !== undefined) this.found.push({ ...this.wantedStart!, value });
    if (!parent) {
      this.expecting = 'nothing';
      return;
    }
    parent.index += 1;
    this.expecting = ', or close';
  }
}

const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

/**
 * How many lines into a chunk its first invalid UTF-8 is (0 when every line decodes: it was before the chunk). A
 * character split by the chunk's start or end is not counted as invalid.
 */
function badUtf8Line(chunk: Buffer): number {
  let start = 0;
  while (start < chunk.length && start < 3 && isContinuation(chunk[start]!)) start += 1;
  let end = chunk.length;
  const lead = chunk.subarray(-4).findLastIndex((byte) => byte >= 0xc0);
  if (lead >= 0) {
    const at = chunk.length - Math.min(4, chunk.length) + lead;
    const length = chunk[at]! >= 0xf0 ? 4 : chunk[at]! >= 0xe0 ? 3 : 2;
    if (at + length > chunk.length) end = at;
  }
  let line = 0;
  while (start < end) {
    const newline = chunk.indexOf(NEWLINE, start);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    if (!isUtf8(chunk.subarray(start, lineEnd))) return line;
    start = lineEnd + 1;
    line += 1;
  }
  return 0;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Streams one JSON document from a file, never holding it whole: `want` is asked about each value outside the ones it
 * wants whole (top-level members, items of the lists it does not want whole, …), in file order, and the values it
 * wants are yielded as they complete, with the line and column they start at, in batches (one per chunk read: one
 * await per value would cost more than reading it). Malformed or truncated JSON, text after
 * the document and invalid UTF-8 are refused with their line (and column where known); a byte order mark is dropped.
 */
export async function* readJsonValues(file: InputFile, want: (path: JsonPath) => Wanted): AsyncGenerator<JsonFound[]> {
  const reader = new JsonReader(file.display, want);
  let first = true;
  // Small chunks: a chunk's values wait in one batch, and a batch of a megabyte's values outlives the young
  // generation's collections, which tripled the time spent collecting garbage.
  for await (const chunk of createReadStream(file.path, { highWaterMark: 16 * 1024 }) as AsyncIterable<Buffer>) {
    reader.write(first && chunk.subarray(0, 3).equals(BOM) ? chunk.subarray(3) : chunk);
    first = false;
    yield reader.found.splice(0);
  }
  reader.end();
  yield reader.found.splice(0);
}
