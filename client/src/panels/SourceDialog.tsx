import { useCallback, useEffect, useRef, useState } from 'react';
import { getSource } from '../api/client';
import type { SourceDocument } from '../api/types';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { Dialog } from './Dialog';
import { Status } from './Status';

/** Where a quote sits in the text: the server's offsets when it knows the quote, else a plain search. */
export function quoteRange(document: SourceDocument, quote: string): [number, number] | undefined {
  const known = document.quotes.find((entry) => entry.quote === quote);
  if (known && known.start !== null && known.end !== null && document.text.slice(known.start, known.end) === quote) return [known.start, known.end];
  const at = document.text.indexOf(quote);
  return at >= 0 ? [at, at + quote.length] : undefined;
}

/** The source document, scrolled to the quoted sentence, which is highlighted. */
export function SourceDialog({ sourceId, quote, onClose }: { sourceId: string; quote: string; onClose: () => void }) {
  const [document, setDocument] = useState<SourceDocument | undefined>();
  const [status, setStatus] = useState<RequestStatus>(idle);
  const mark = useRef<HTMLElement>(null);
  const load = useCallback(() => {
    setStatus(loading('Opening the source…'));
    getSource(sourceId)
      .then((result) => {
        setDocument(result);
        setStatus(idle);
      })
      .catch((error: unknown) => setStatus(failed(error)));
  }, [sourceId]);
  useEffect(load, [load]);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [document, quote]);

  const range = document ? quoteRange(document, quote) : undefined;
  return (
    <Dialog title={document?.title ?? 'Source'} onClose={onClose} wide>
      <Status status={status} onRetry={load} />
      {document ? (
        <>
          <p className="muted small">
            {document.id}
            {document.url ? (
              <>
                {' · '}
                <a href={document.url} target="_blank" rel="noreferrer noopener">
                  original
                </a>
              </>
            ) : null}
            {document.licence ? ` · ${document.licence}` : null}
            {document.attribution ? ` · ${document.attribution}` : null}
          </p>
          {!range ? <p className="status error">This quote was not found verbatim in the document.</p> : null}
          <div className="source-text" tabIndex={0} aria-label="Source text">
            {range ? (
              <>
                {document.text.slice(0, range[0])}
                <mark ref={mark}>{document.text.slice(range[0], range[1])}</mark>
                {document.text.slice(range[1])}
              </>
            ) : (
              document.text
            )}
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
