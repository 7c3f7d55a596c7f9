import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { AppError } from '../../errors.js';
import { isWorkbook } from '../import/formats/workbook.js';
import { ByteBudget, MAX_FILES, safeFileName, tooLarge, type ReceivedFile } from './limits.js';
import { extractZip, isZip } from './unzip.js';

/** Room for the multipart framing around the files when a declared body length is compared with the limit. */
const FRAMING_BYTES = 64 * 1024;
/**
 * Streams the files of a multipart/form-data request into `folder` (never holding a whole file in memory), unpacks
 * each zip among them in place (not an Excel workbook, a zip inside; returning what is there to import, and the names
 * as sent), and refuses with 413 as soon as the bytes pass `maxBytes`. On any failure the folder is removed and the
 * error thrown.
 */
export async function receiveFiles(req: Request, folder: string, maxBytes: number): Promise<{ files: ReceivedFile[]; sent: string[] }> {
  if (!/^multipart\/form-data\b/i.test(req.get('content-type') ?? '')) {
    throw new AppError(415, 'Not a file upload', 'Send the files as multipart/form-data: one or several file fields, or one zip.', 'not-multipart');
  }
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes + FRAMING_BYTES) throw tooLarge(maxBytes);
  const budget = new ByteBudget(maxBytes);
  try {
    const sent = await streamParts(req, folder, budget);
    const files: ReceivedFile[] = [];
    for (const file of sent) {
      // A workbook is a zip too, but one network's tables: its sheets are read where it is.
      if (isWorkbook(file.name) || !(await isZip(path.join(folder, file.name)))) {
        files.push(file);
        continue;
      }
      // The zip's own bytes give way to what it holds: the limit is on what ends up on disk.
      budget.release(file.bytes);
      const taken = new Set([...sent, ...files].map((other) => other.name));
      files.push(...(await extractZip(path.join(folder, file.name), folder, budget, taken)));
      await rm(path.join(folder, file.name));
    }
    if (files.length === 0) throw new AppError(400, 'No files', 'The upload holds no file to import.', 'no-files');
    return { files: files.sort((a, b) => a.name.localeCompare(b.name)), sent: sent.map((file) => file.name) };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

function streamParts(req: Request, folder: string, budget: ByteBudget): Promise<ReceivedFile[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: MAX_FILES, fields: 20, fieldSize: 1024 } });
    } catch {
      reject(new AppError(400, 'Malformed upload', 'The multipart/form-data body has no boundary.', 'malformed-upload'));
      return;
    }
    const files: ReceivedFile[] = [];
    const writes: Promise<void>[] = [];
    let failure: unknown;
    const fail = (error: unknown): void => {
      if (failure !== undefined) return;
      failure = error;
      // The rest of the body is not read: the answer says why, and the route closes the connection after it.
      req.unpipe(parser);
      reject(error);
    };
    parser.on('file', (_field, stream, info) => {
      if (failure !== undefined) {
        stream.resume();
        return;
      }
      let name: string;
      try {
        name = safeFileName(info.filename ?? '');
      } catch (error) {
        stream.resume();
        fail(error);
        return;
      }
      if (files.some((file) => file.name === name)) {
        stream.resume();
        fail(new AppError(400, 'Duplicate file name', `Two files are named "${name}"; send each name once.`, 'duplicate-file-name'));
        return;
      }
      const file = { name, bytes: 0 };
      files.push(file);
      const target = path.join(folder, name);
      writes.push(
        pipeline(stream, budget.meter(), createWriteStream(target, { flags: 'wx' }))
          .then(async () => {
            file.bytes = (await stat(target)).size;
          })
          .catch(fail),
      );
    });
    parser.on('filesLimit', () => fail(new AppError(413, 'Too many files', `An upload may hold at most ${MAX_FILES} files.`, 'too-many-files')));
    parser.on('error', () => fail(new AppError(400, 'Malformed upload', 'The multipart/form-data body could not be read.', 'malformed-upload')));
    parser.on('close', () => {
      void Promise.all(writes).then(() => {
        if (failure === undefined) resolve(files);
      });
    });
    req.on('aborted', () => fail(new AppError(400, 'Upload interrupted', 'The upload stopped before all its bytes arrived.', 'upload-interrupted')));
    req.pipe(parser);
  });
}
