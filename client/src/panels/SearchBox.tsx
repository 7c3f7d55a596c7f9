import { useEffect, useId, useRef, useState } from 'react';
import { searchEntities } from '../api/client';
import type { GraphNode, SearchResult } from '../api/types';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { kindOf } from '../state/view';
import { KindBadge } from './KindBadge';

interface SearchBoxProps {
  label: string;
  placeholder: string;
  onPick: (node: GraphNode) => void;
  /** Keep the picked name in the box (path ends) instead of clearing it (main search). */
  keepPicked?: boolean;
  inputRef?: React.RefObject<HTMLInputElement | null>;
  initialText?: string;
}

/** Which alias matched, when the name itself does not contain the text (accents and case ignored). */
function matchedAlias(node: GraphNode, text: string): string | undefined {
  const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const needle = fold(text.trim());
  if (!needle || fold(node.name).includes(needle)) return undefined;
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases : [];
  return aliases.find((alias): alias is string => typeof alias === 'string' && fold(alias).includes(needle));
}

/** A combobox with suggestions as you type: arrows move, Enter picks, Escape closes then clears. */
export function SearchBox({ label, placeholder, onPick, keepPicked = false, inputRef, initialText = '' }: SearchBoxProps) {
  const [text, setText] = useState(initialText);
  const [results, setResults] = useState<SearchResult[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<RequestStatus>(idle);
  const [retry, setRetry] = useState(0);
  const listId = useId();
  const ownInput = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownInput;
  const typed = useRef(false);

  useEffect(() => {
    setText(initialText);
  }, [initialText]);

  useEffect(() => {
    if (!typed.current) return;
    const query = text.trim();
    if (query.length === 0) {
      setResults([]);
      setStatus(idle);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setStatus(loading('Searching…'));
      searchEntities(query, { limit: 12, signal: controller.signal })
        .then((found) => {
          setResults(found);
          setActive(0);
          setOpen(true);
          setStatus(idle);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setResults([]);
          setOpen(true);
          setStatus(failed(error));
        });
    }, 180);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, retry]);

  const pick = (result: SearchResult | undefined) => {
    if (!result) return;
    // The hint belongs to the list, not to the entity put on the canvas.
    const node: GraphNode = { id: result.id, labels: result.labels, name: result.name, properties: result.properties };
    onPick(node);
    setOpen(false);
    typed.current = false;
    setText(keepPicked ? node.name : '');
    if (!keepPicked) setResults([]);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (open) pick(results[active]);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      if (open) setOpen(false);
      else {
        setText('');
        setResults([]);
      }
    }
  };

  const showList = open && text.trim().length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="searchbox">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? optionId(active) : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          typed.current = true;
          setText(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => results.length > 0 && setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        autoComplete="off"
        spellCheck={false}
      />
      {status.kind === 'loading' ? <span className="spinner inline" aria-hidden="true" /> : null}
      {showList ? (
        <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} className="suggestions">
          {status.kind === 'error' ? (
            <li className="suggestion-note error" role="alert">
              {status.message}{' '}
              <button type="button" className="link" onMouseDown={(event) => event.preventDefault()} onClick={() => setRetry((n) => n + 1)}>
                Retry
              </button>
            </li>
          ) : results.length === 0 && status.kind === 'idle' ? (
            <li className="suggestion-note">No entity matches “{text.trim()}”.</li>
          ) : (
            results.map((node, index) => {
              const alias = matchedAlias(node, text);
              return (
                <li
                  key={node.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'suggestion active' : 'suggestion'}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => pick(node)}
                >
                  <KindBadge kind={kindOf(node)} />
                  <span className="suggestion-text">
                    <span className="suggestion-name">{node.name}</span>
                    {alias ? <span className="suggestion-alias">aka {alias}</span> : null}
                    {node.hint ? <span className="suggestion-hint">{node.hint}</span> : null}
                  </span>
                </li>
              );
            })
          )}
        </ul>
      ) : null}
    </div>
  );
}
