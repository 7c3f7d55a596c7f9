import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../errors.js';
import { MAX_FILES, safeFileName, type ByteBudget, type ReceivedFile } from './limits.js';

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Whether a file is a zip archive, by its first bytes (a zip sent without the .zip extension is one too). */
export async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const start = Buffer.alloc(ZIP_SIGNATURE.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    return bytesRead === start.length && start.equals(ZIP_SIGNATURE);
  } finally {
    await handle.close();
  }
}

function badZip(zip: string, reason: string): AppError {
  return new AppError(400, 'Unreadable zip', `${path.basename(zip)}: ${reason}`, 'unreadable-zip');
}

/**
 * Unpacks a zip's files into `folder`, flat: a file keeps its name and loses its folders inside the zip (an export is
 * often one folder zipped), so no entry can write outside the upload. The unpacked bytes count against the upload's
 * budget as they are written, whatever sizes the zip claims. Folders, hidden files and macOS's __MACOSX copies are
 * left out; two files of one name are refused.
 */
export async function extractZip(zip: string, folder: string, budget: ByteBudget, taken: Set<string>): Promise<ReceivedFile[]> {
  let archive: yauzl.ZipFile;
  try {
    archive = await yauzl.openPromise(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw badZip(zip, (error as Error).message);
  }
  const files: ReceivedFile[] = [];
  try {
    for await (const entry of archive.eachEntry()) {
      const segments = entry.fileName.replaceAll('\\', '/').split('/');
      const last = segments.at(-1)!;
      if (last === '' || segments[0] === '__MACOSX' || last.startsWith('.')) continue;
      const name = safeFileName(last);
      if (taken.has(name)) throw badZip(zip, `two files are named "${name}"; the zip is unpacked into one folder`);
      if (entry.isEncrypted()) throw badZip(zip, `"${entry.fileName}" is encrypted`);
      if (taken.size >= MAX_FILES) throw new AppError(413, 'Too many files', `An upload may hold at most ${MAX_FILES} files.`, 'too-many-files');
      taken.add(name);
      let stream;
      try {
        stream = await archive.openReadStreamPromise(entry);
      } catch (error) {
        throw badZip(zip, `"${entry.fileName}": ${(error as Error).message}`);
      }
      try {
        await pipeline(stream, budget.meter(), createWriteStream(path.join(folder, name), { flags: 'wx' }));
      } catch (error) {
        throw error instanceof AppError ? error : badZip(zip, `"${entry.fileName}": ${(error as Error).message}`);
      }
      files.push({ name, bytes: entry.uncompressedSize });
    }
  } catch (error) {
    throw error instanceof AppError ? error : badZip(zip, (error as Error).message);
  } finally {
    archive.close();
  }
  return files;
}
