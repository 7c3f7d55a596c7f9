/** The state of one request, as every panel shows it: nothing yet, waiting, or failed with a readable message. */
export type RequestStatus = { kind: 'idle' } | { kind: 'loading'; what: string } | { kind: 'error'; message: string; retryable: boolean };

export const idle: RequestStatus = { kind: 'idle' };

export function loading(what: string): RequestStatus {
  return { kind: 'loading', what };
}

/**
 * Whether asking again could succeed: not when the server refused the request itself (a 4xx other than a timeout
 * or too many requests), since the same request gets the same refusal.
 */
function retryable(error: unknown): boolean {
  const status = typeof error === 'object' && error !== null && 'status' in error ? (error as { status: unknown }).status : undefined;
  return typeof status !== 'number' || status < 400 || status >= 500 || status === 408 || status === 429;
}

/** An error as a sentence for the user: the server's problem title and detail, or the error's message. */
export function failed(error: unknown): RequestStatus {
  return { kind: 'error', message: error instanceof Error ? error.message : String(error), retryable: retryable(error) };
}
