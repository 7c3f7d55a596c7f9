import type { RequestStatus } from '../state/request';

/** Spinner while loading, a readable message on failure (with a retry button when asking again could help), nothing when idle. */
export function Status({ status, onRetry }: { status: RequestStatus; onRetry?: () => void }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'loading') {
    return (
      <div className="status" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {status.what}
      </div>
    );
  }
  return (
    <div className="status error" role="alert">
      <span>{status.message}</span>
      {onRetry && status.retryable ? (
        <button type="button" className="link" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
