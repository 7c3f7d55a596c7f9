import { ApiError } from './client';
import type { Answer, MostConnected, Problem, RequestBody } from './types';

/** An upload as the server tracks it: its files, then its preview, then its import. */
export type Upload = Answer<'getApiUploadsId'>;
export type UploadPreview = NonNullable<Upload['preview']>;
export type UploadOptions = RequestBody<'postApiUploadsIdCheck'>;
export type FormatName = NonNullable<UploadOptions['format']>;

async function problemOf(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
  return new ApiError(response.status, problem?.title ?? response.statusText ?? 'Request failed', problem?.detail ?? '');
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0, 'Server unreachable', 'Check that Nexo is running, then retry.');
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

function postJson<T>(url: string, body: unknown): Promise<T> {
  return call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * Sends files (or a zip) to the server, reporting bytes sent as they go: XMLHttpRequest, because fetch cannot tell
 * how much of a request body has left. The browser streams each File from disk, so a large one is never read whole.
 */
export function sendFiles(files: File[], onProgress: (sent: number, total: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/uploads');
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total);
    request.onerror = () => reject(new ApiError(0, 'Upload failed', 'The connection to the server was lost while sending the files.'));
    request.onload = () => {
      let body: (Partial<Problem> & Upload) | undefined;
      try {
        body = JSON.parse(request.responseText) as Partial<Problem> & Upload;
      } catch {
        body = undefined;
      }
      if (request.status === 200 && body) resolve(body);
      else reject(new ApiError(request.status, body?.title ?? request.statusText ?? 'Upload failed', body?.detail ?? ''));
    };
    request.send(form);
  });
}

export function getUpload(id: string): Promise<Upload> {
  return call<Upload>(`/api/uploads/${encodeURIComponent(id)}`);
}

/** Reads the files again with other options (another format, undirected ties, an edge list without header). */
export function checkUpload(id: string, options: UploadOptions): Promise<Upload> {
  return postJson<Upload>(`/api/uploads/${encodeURIComponent(id)}/check`, options);
}

export function importUpload(id: string, body: RequestBody<'postApiUploadsIdImport'>): Promise<Upload> {
  return postJson<Upload>(`/api/uploads/${encodeURIComponent(id)}/import`, body);
}

export async function abandonUpload(id: string): Promise<void> {
  await call(`/api/uploads/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The most connected entities of one dataset: what a freshly imported dataset opens with. */
export async function mostConnectedIn(dataset: string, limit: number): Promise<MostConnected[]> {
  const query = new URLSearchParams({ dataset, limit: String(limit) });
  return (await call<Answer<'getApiMostConnected'>>(`/api/most-connected?${query}`)).results;
}
