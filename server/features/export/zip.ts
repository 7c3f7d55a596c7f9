import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

/** Every entry's date: a fixed one, so that the same content gives the same bytes. */
const ENTRY_DATE = new Date(1980, 0, 1);

/**
 * A ZIP archive of text files, deflated, as a stream: what an edge-list download needs to carry its nodes.csv and
 * ties.csv as one file. Written by yazl (names in UTF-8, ZIP64 past 4 GiB); every unzip tool and file manager opens it.
 */
export function zipArchive(files: { name: string; content: string }[]): Readable {
  const zip = new ZipFile();
  for (const file of files) zip.addBuffer(Buffer.from(file.content, 'utf8'), file.name, { mtime: ENTRY_DATE, forceDosTimestamp: true });
  zip.end();
  return zip.outputStream as Readable;
}
