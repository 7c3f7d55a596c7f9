import { SaxesParser } from 'saxes';
import type { InputFile } from './inputFile.js';
import { FormatError, type NetworkRecord } from './network.js';
import { readTextLines } from './textLines.js';

export type XmlParser = SaxesParser<object>;

/**
 * Streams an XML file through saxes, a conforming non-validating XML parser: `listen` attaches the
 * format's handlers, which `emit` records; records are yielded as each line is parsed. Malformed
 * or truncated XML, invalid UTF-8 and a declared encoding other than UTF-8 are refused with their
 * line and column.
 */
export async function* readXml(file: InputFile, listen: (parser: XmlParser, emit: (record: NetworkRecord) => void) => void): AsyncGenerator<NetworkRecord> {
  const parser: XmlParser = new SaxesParser();
  const pending: NetworkRecord[] = [];
  let lines = 0;
  let ended = false;
  parser.on('error', (error) => {
    const reason = `malformed XML: ${error.message.replace(/^\d+:\d+: /, '')}`;
    // At the end of the file, the parser's position is past the last line.
    if (ended) throw new FormatError(file.display, lines, `${reason} (the file ends here)`);
    throw new FormatError(file.display, parser.line, reason, parser.column);
  });
  parser.on('xmldecl', (declaration) => {
    const encoding = declaration.encoding?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      throw new FormatError(file.display, parser.line, `the file declares encoding "${declaration.encoding}"; save it as UTF-8`);
    }
  });
  listen(parser, (record) => pending.push(record));
  for await (const { text } of readTextLines(file.path, file.display)) {
    parser.write(`${text}\n`);
    lines += 1;
    yield* pending.splice(0);
  }
  if (lines === 0) throw new FormatError(file.display, 1, 'empty file');
  ended = true;
  parser.close();
  yield* pending.splice(0);
}

/** The text of an attribute that must be present, or a FormatError at the element. */
export function required(parser: XmlParser, file: InputFile, attributes: Record<string, string>, element: string, name: string): string {
  const value = attributes[name];
  if (value === undefined || value === '') throw new FormatError(file.display, parser.line, `<${element}> without ${name}`, parser.column);
  return value;
}
