import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { safeFileName } from './limits.js';
import { datasetIdFrom } from './uploads.service.js';

describe('safeFileName', () => {
  it('keeps a name as sent, without any folder, Windows or POSIX', () => {
    expect(safeFileName('Peru calls (2019).csv')).toBe('Peru calls (2019).csv');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\cases\\42\\network.graphml')).toBe('network.graphml');
  });

  it('drops control characters and refuses names that name no file or a hidden one', () => {
    expect(safeFileName('ties\u0000.net')).toBe('ties.net');
    for (const name of ['', '.', '..', 'a/..', '.env', 'x'.repeat(256)]) expect(() => safeFileName(name), name).toThrow(AppError);
  });
});

describe('datasetIdFrom', () => {
  it('makes a dataset id the server accepts from a file name', () => {
    expect(datasetIdFrom('Puerto Claro.graphml')).toBe('puerto-claro');
    expect(datasetIdFrom('case-42.zip')).toBe('case-42');
    expect(datasetIdFrom('__.csv')).toBe('upload');
    expect(datasetIdFrom('Ñandú.net')).toBe('and');
    expect(datasetIdFrom(`${'a'.repeat(100)}.csv`)).toHaveLength(64);
  });
});
