// What an upload may be: how many files, how many bytes, which names.
import path from 'node:path';
import { Transform } from 'node:stream';
import { AppError } from '../../errors.js';

/** Files in one upload: a neo4j-admin folder has a few dozen at most. */
export const MAX_FILES = 1000;
const MAX_NAME_BYTES = 255;

export interface ReceivedFile {
  name: string;
  bytes: number;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    413,
    'Upload too large',
    `The upload is larger than ${maxBytes.toLocaleString('en-US')} bytes (NEXO_UPLOAD_MAX_BYTES), a zip's unpacked contents included.`,
    'upload-too-large',
    { maxBytes },
  );
}

/** The bytes of an upload so far, over all its files: failing the stream that would pass the limit. */
export class ByteBudget {
  private used = 0;
  constructor(readonly maxBytes: number) {}

  /** A pass-through stream that counts what goes through it against the budget. */
  meter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.used += chunk.length;
        if (this.used > this.maxBytes) done(tooLarge(this.maxBytes));
        else done(null, chunk);
      },
    });
  }

  release(bytes: number): void {
    this.used -= bytes;
  }
}

/**
 * A file name as sent, made safe to write in the upload folder: its last path segment, no control characters, not
 * hidden. Names are kept otherwise, since messages (file:line) name files as the user knows them.
 */
export function safeFileName(sent: string): string {
  // eslint-disable-next-line no-control-regex
  const name = path.posix.basename(sent.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f]/g, '');
  if (name === '' || name === '.' || name === '..') throw new AppError(400, 'Bad file name', `"${sent}" names no file.`, 'bad-file-name');
  if (name.startsWith('.')) throw new AppError(400, 'Bad file name', `"${name}" is a hidden file; rename it without the leading dot.`, 'bad-file-name');
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw new AppError(400, 'Bad file name', `"${name.slice(0, 40)}…" is longer than 255 bytes.`, 'bad-file-name');
  return name;
}
