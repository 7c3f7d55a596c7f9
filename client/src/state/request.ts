/** The state of one request, as every panel shows it: nothing yet, waiting, or failed with a readable message. */
export type RequestStatus = { kind: 'idle' } | { kind: 'loading'; what: string } | { kind: 'error'; message: string };

export const idle: RequestStatus = { kind: 'idle' };

export function loading(what: string): RequestStatus {
  return { kind: 'loading', what };
}

/** An error as a sentence for the user: the server's problem title and detail, or the error's message. */
export function failed(error: unknown): RequestStatus {
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}
