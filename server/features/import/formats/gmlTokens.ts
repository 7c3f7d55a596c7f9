import { FormatError } from './network.js';

/** One GML token: a key, a value (integer, real or string, a string's text decoded) or a bracket, where it starts (1-based). */
export interface GmlToken {
  kind: 'key' | 'integer' | 'real' | 'string' | 'open' | 'close';
  text: string;
  line: number;
  column: number;
}

const WHITESPACE = /\s/;
/** What ends a word (a key or a number) besides white space. */
const WORD_ENDS = new Set(['[', ']', '"', '#']);
const KEY = /^[A-Za-z][0-9A-Za-z_]*$/;
const INTEGER = /^[+-]?\d+$/;
/** GML's reals have a point; an exponent without one (`1e5`) is read too, and NetworkX's `+INF`/`-INF`. */
const REAL = /^[+-]?(\d+\.\d*|\.\d+|\d+(?=[Ee]))([Ee][+-]?\d+)?$|^[+-]INF$/;

/**
 * Splits GML text into tokens line by line, so a file is read as a stream: a string may span lines (its line breaks
 * kept), so one left open at the end of a line goes on at the start of the next. `#` starts a comment to the end of
 * the line. A word that is neither a key nor a number is refused with its line and column.
 */
export class GmlTokenizer {
  private openString: { line: number; column: number; parts: string[] } | undefined;

  constructor(private readonly display: string) {}

  *tokens(text: string, line: number): Generator<GmlToken> {
    let at = 0;
    if (this.openString) {
      const close = text.indexOf('"');
      this.openString.parts.push(close < 0 ? text : text.slice(0, close));
      if (close < 0) return;
      const { parts, line: start, column } = this.openString;
      this.openString = undefined;
      yield { kind: 'string', text: decodeEntities(parts.join('\n')), line: start, column };
      at = close + 1;
    }
    while (at < text.length) {
      const char = text[at]!;
      const column = at + 1;
      if (WHITESPACE.test(char)) {
        at += 1;
      } else if (char === '#') {
        return;
      } else if (char === '[' || char === ']') {
        yield { kind: char === '[' ? 'open' : 'close', text: char, line, column };
        at += 1;
      } else if (char === '"') {
        const close = text.indexOf('"', column);
        if (close < 0) {
          this.openString = { line, column, parts: [text.slice(column)] };
          return;
        }
        yield { kind: 'string', text: decodeEntities(text.slice(column, close)), line, column };
        at = close + 1;
      } else {
        let end = at + 1;
        while (end < text.length && !WHITESPACE.test(text[end]!) && !WORD_ENDS.has(text[end]!)) end += 1;
        const word = text.slice(at, end);
        yield { kind: wordKind(word, this.display, line, column), text: word, line, column };
        at = end;
      }
    }
  }

  /** At the end of the file: refuses a string still open. */
  end(): void {
    if (this.openString)
      throw new FormatError(this.display, this.openString.line, 'a string is not closed: the file ends before its closing "', this.openString.column);
  }
}

function wordKind(word: string, display: string, line: number, column: number): GmlToken['kind'] {
  if (KEY.test(word)) return 'key';
  if (INTEGER.test(word)) return 'integer';
  if (REAL.test(word)) return 'real';
  throw new FormatError(display, line, `"${word}" is not a GML key, number or string`, column);
}

/** ISO 8859-1's named entities, U+00A0 to U+00FF in order: the characters GML writes as `&name;`. */
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot ' +
  'cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml ' +
  'Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ' +
  'ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const NAMED_ENTITIES = new Map<string, number>([
  ['amp', 0x26],
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['quot', 0x22],
  ['apos', 0x27],
  ...LATIN1_NAMES.map((name, index): [string, number] => [name, 0xa0 + index]),
]);

const ENTITY = /&(?:#(\d+)|#[xX]([0-9A-Fa-f]+)|([0-9A-Za-z]+));/g;

/**
 * A string's character references decoded, as NetworkX reads them: `&#34;`, `&#x22;` and the named entities of XML
 * and ISO 8859-1 (`&amp;`, `&eacute;`). One that names no character is left as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (reference, decimal?: string, hex?: string, name?: string) => {
    const code = name === undefined ? Number.parseInt(decimal ?? hex!, decimal === undefined ? 16 : 10) : NAMED_ENTITIES.get(name);
    return code === undefined || code > 0x10ffff ? reference : String.fromCodePoint(code);
  });
}
