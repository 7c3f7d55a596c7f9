import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from './importError.js';

/**
 * One unit of input: a CSV file whose first line is its header, or a neo4j-admin header file
 * (`X_header.csv` / `X-header.csv`, holding only the header line) with its data parts `X*.csv`.
 */
export interface ImportSource {
  /** The file that holds the header, as shown in messages. */
  headerDisplay: string;
  headerFile: string;
  /** Files that hold the rows; for a file with its own header line, that file itself. */
  dataFiles: string[];
  /** True when the header is a separate file, so the data files have no header line. */
  separateHeader: boolean;
  /** The label (node files) or type (relationship files) a file's name gives, when it has no such column. */
  nameFromFile: string;
  /** For a separate header `X_header.csv`, the `X` that its data parts' names start with. */
  headerPrefix: string | undefined;
}

export interface ImportFolder {
  /** The folder as given, for messages. */
  folder: string;
  /** Its last path segment: relationship ids start with it. */
  folderName: string;
  /** Every CSV file, sorted by name. */
  files: string[];
  sources: ImportSource[];
}

const headerFilePattern = /^(.+)[_-]header\.csv$/i;

/** Lists a folder's CSV files and groups header files with their parts; throws ImportError if there is nothing to import. */
export function discoverFolder(folder: string): ImportFolder {
  const absolute = path.resolve(folder);
  if (!existsSync(absolute)) throw new ImportError(folder, undefined, 'folder not found');
  if (!statSync(absolute).isDirectory()) throw new ImportError(folder, undefined, 'not a folder');
  const names = readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new ImportError(folder, undefined, 'no .csv files in this folder');

  const headerGroups = names.flatMap((name) => {
    const match = headerFilePattern.exec(name);
    return match ? [{ name, prefix: match[1]!, parts: [] as string[] }] : [];
  });
  const standalone: string[] = [];
  for (const name of names) {
    if (headerFilePattern.test(name)) continue;
    // A part belongs to the header whose prefix is the longest one its name starts with.
    const owner = headerGroups.filter((group) => name.startsWith(group.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
    if (owner) owner.parts.push(name);
    else standalone.push(name);
  }

  const display = (name: string): string => path.join(folder, name);
  const full = (name: string): string => path.join(absolute, name);
  const sources: ImportSource[] = [
    ...headerGroups.map((group) => {
      if (group.parts.length === 0) {
        throw new ImportError(display(group.name), undefined, `header file without data files (name them ${group.prefix}*.csv)`);
      }
      return {
        headerDisplay: display(group.name),
        headerFile: full(group.name),
        dataFiles: group.parts.map(full),
        separateHeader: true,
        nameFromFile: baseName(group.prefix),
        headerPrefix: group.prefix,
      };
    }),
    ...standalone.map((name) => ({
      headerDisplay: display(name),
      headerFile: full(name),
      dataFiles: [full(name)],
      separateHeader: false,
      nameFromFile: baseName(name.slice(0, -'.csv'.length)),
      headerPrefix: undefined,
    })),
  ];
  return { folder, folderName: path.basename(absolute), files: names.map(full), sources };
}

/** A file name's label or type: its name up to the first "." or "-" (`Person-part2.csv` → Person). */
function baseName(stem: string): string {
  return stem.split(/[.-]/)[0]!;
}

/** The sha256 of the files' names and contents, in name order: the same files give the same import id. */
export async function fingerprintFiles(files: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${path.basename(file)}\0${statSync(file).size}\0`);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
