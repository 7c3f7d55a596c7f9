import { CypherEditor, type CypherEditorApi } from '@neo4j-cypher/react-codemirror';
// The editor's syntax colours live in a stylesheet of the package it wraps (an exact dependency of it).
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { useMemo, useRef, useState } from 'react';
import { runQuery } from '../api/client';
import type { Graph, QueryResult, Schema } from '../api/types';
import type { Theme } from '../graph/style';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { cellText, rowCells } from '../state/results';
import { Status } from './Status';

interface ConsolePanelProps {
  schema: Schema | undefined;
  theme: Theme;
  /** How many of a graph's nodes are not on the canvas yet. */
  countNew: (graph: Graph) => number;
  onAddToCanvas: (result: QueryResult) => void;
  /** The drawer's share of the stage's height. */
  share: number;
  onResize: (share: number) => void;
  onClose: () => void;
}

const SMALLEST_SHARE = 0.2;
const LARGEST_SHARE = 0.85;

function clampShare(share: number): number {
  return Math.min(LARGEST_SHARE, Math.max(SMALLEST_SHARE, share));
}

/** The drawer's top edge: drag it, or use the arrow keys, to give the console more or less of the stage. */
function ResizeHandle({ share, onResize }: { share: number; onResize: (share: number) => void }) {
  const shareAt = (element: HTMLElement, clientY: number) => {
    const stage = element.closest('.stage')!.getBoundingClientRect();
    return clampShare((stage.bottom - clientY) / stage.height);
  };
  return (
    <div
      className="console-resize"
      role="separator"
      aria-label="Resize console"
      aria-orientation="horizontal"
      aria-valuemin={SMALLEST_SHARE * 100}
      aria-valuemax={LARGEST_SHARE * 100}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) onResize(shareAt(event.currentTarget, event.clientY));
      }}
      onKeyDown={(event) => {
        const step = event.key === 'ArrowUp' ? 0.05 : event.key === 'ArrowDown' ? -0.05 : 0;
        if (step === 0) return;
        event.preventDefault();
        onResize(clampShare(share + step));
      }}
    />
  );
}

const EXAMPLE = 'MATCH (p:Person)-[r]->(o:Organization)\nRETURN p, r, o\nLIMIT 25';

/** Read-only Cypher with highlighting and completion; results as a table, their new nodes added to the canvas on request. */
export function ConsolePanel({ schema, theme, countNew, onAddToCanvas, share, onResize, onClose }: ConsolePanelProps) {
  const cypher = useRef(EXAMPLE);
  const editor = useRef<CypherEditorApi | undefined>(undefined);
  const [result, setResult] = useState<QueryResult | undefined>();
  const [status, setStatus] = useState<RequestStatus>(idle);
  const fresh = result ? countNew(result.graph) : 0;

  const editorSchema = useMemo(
    () => ({
      labels: (schema?.labels ?? []).map((label) => `:${label.name}`),
      relationshipTypes: (schema?.relationshipTypes ?? []).map((type) => `:${type.name}`),
      propertyKeys: [...new Set((schema?.labels ?? []).flatMap((label) => label.propertyKeys))],
    }),
    [schema],
  );

  const run = () => {
    const text = cypher.current.trim();
    if (!text) return;
    // A completion list left open would cover the results (and the editor reopens it when the schema changes).
    editor.current?.setAutocompleteOpen(false);
    setStatus(loading('Running…'));
    runQuery(text)
      .then((answer) => {
        setResult(answer);
        setStatus(idle);
      })
      .catch((error: unknown) => {
        setResult(undefined);
        setStatus(failed(error));
      });
  };

  return (
    <section className="console panel" aria-label="Cypher console" style={{ height: `${share * 100}%` }}>
      <ResizeHandle share={share} onResize={onResize} />
      <div className="panel-toolbar">
        <h2>Cypher console</h2>
        <span className="muted small">read-only · Ctrl+Enter runs</span>
        <button type="button" className="primary" onClick={run} disabled={status.kind === 'loading'}>
          Run
        </button>
        {result && result.graph.nodes.length > 0 ? (
          <button type="button" onClick={() => onAddToCanvas(result)} disabled={fresh === 0}>
            {fresh === 0 ? 'All on canvas' : `Add ${fresh} node${fresh === 1 ? '' : 's'} to canvas`}
          </button>
        ) : null}
        <button type="button" className="icon close" aria-label="Close console" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="console-body">
        <div
          className="editor"
          aria-label="Cypher query"
          // Before the editor sees it: its own Ctrl+Enter would first insert a blank line into the query.
          onKeyDownCapture={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.stopPropagation();
              run();
            }
          }}
        >
          <CypherEditor
            value={cypher.current}
            onValueChanged={(value: string) => {
              cypher.current = value;
            }}
            onEditorCreated={(created) => {
              editor.current = created;
            }}
            schema={editorSchema}
            theme={theme}
            autofocus
            lineWrapping
            placeholder="MATCH (n) RETURN n LIMIT 25"
          />
        </div>
        <div className="results">
          <Status status={status} onRetry={run} />
          {result ? (
            <>
              <p className="muted small" role="status">
                {result.rows.length} row{result.rows.length === 1 ? '' : 's'}
                {result.truncated ? ' (truncated: add a LIMIT to see exactly what you need)' : ''}
              </p>
              <Withheld withheld={result.withheld} />
              <div className="table-wrap">
                <table className="result-table" aria-label="Query results">
                  <thead>
                    <tr>
                      {result.columns.map((column) => (
                        <th key={column} scope="col">
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((row, index) => (
                      <tr key={index}>
                        {rowCells(row, result.columns).map((cell, column) => (
                          <td key={column}>{cellText(cell)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}

/** Says what a dataset-scoped answer left out, and how to filter in the statement itself. */
function Withheld({ withheld }: { withheld: QueryResult['withheld'] }) {
  const parts = [
    [withheld.nodes, 'node', 'nodes'],
    [withheld.relationships, 'relationship', 'relationships'],
    [withheld.paths, 'path', 'paths'],
  ] as const;
  const said = parts.filter(([amount]) => amount > 0).map(([amount, one, many]) => `${amount} ${amount === 1 ? one : many}`);
  if (said.length === 0) return null;
  return (
    <p className="muted small" role="note" aria-label="Withheld">
      {said.join(', ')} outside the chosen datasets withheld (shown as null). Filter with <code>WHERE n.__nexo_dataset IN $datasets</code>.
    </p>
  );
}
