import { useState } from 'react';
import type { FormatName, Upload, UploadOptions, UploadPreview } from '../api/uploads';
import type { ImportFlow } from '../explorer/importFiles';
import { Dialog } from './Dialog';
import './importDialog.css';
import { formatCount } from '../state/counted';

const FORMAT_NAMES: Record<FormatName, string> = {
  graphml: 'GraphML',
  gexf: 'GEXF (Gephi)',
  gml: 'GML (NetworkX, igraph)',
  adjlist: 'Adjacency list (NetworkX)',
  edgelist: 'Edge-list CSV',
  matrix: 'Adjacency matrix CSV',
  matrix2mode: '2-mode matrix CSV (rows × columns)',
  pajek: 'Pajek .net',
  ucinet: 'UCINET DL',
  ftm: 'FollowTheMoney JSON lines',
  json: 'JSON graph (NetworkX, Cytoscape, graphology)',
  'neo4j-csv': 'neo4j-admin CSV',
};

/** What the server accepts as a dataset id (datasetIdSchema). */
const DATASET_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function bytes(count: number): string {
  if (count < 1024) return `${count} B`;
  if (count < 1024 ** 2) return `${(count / 1024).toFixed(1)} KB`;
  if (count < 1024 ** 3) return `${(count / 1024 ** 2).toFixed(1)} MB`;
  return `${(count / 1024 ** 3).toFixed(2)} GB`;
}

type Problem = UploadPreview['problems'][number];

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Properties({ properties }: { properties: Record<string, unknown> }) {
  const entries = Object.entries(properties);
  if (entries.length === 0) return <span className="muted">none</span>;
  return (
    <span className="import-properties">
      {entries.map(([name, value]) => (
        <span key={name}>
          <span className="muted">{name}:</span> {shown(value)}
        </span>
      ))}
    </span>
  );
}

function Counts({ title, counts }: { title: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <table className="import-counts" aria-label={title}>
      <thead>
        <tr>
          <th>{title}</th>
          <th className="number">count</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <td>{name}</td>
            <td className="number">{formatCount(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FirstRows({ preview }: { preview: UploadPreview }) {
  const nodes = preview.rows.filter((row) => row.kind === 'node');
  const ties = preview.rows.filter((row) => row.kind === 'relationship');
  return (
    <>
      {nodes.length > 0 ? (
        <table className="import-rows" aria-label="First nodes">
          <caption>First nodes, as they will be read</caption>
          <thead>
            <tr>
              <th>line</th>
              <th>id</th>
              <th>labels</th>
              <th>name</th>
              <th>properties</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((row) => (
              <tr key={`${row.file}:${row.line}:${row.key}`}>
                <td className="muted">
                  {row.file}:{row.line}
                </td>
                <td>{row.key}</td>
                <td>{row.labels.join(', ')}</td>
                <td>{row.caption ?? ''}</td>
                <td>
                  <Properties properties={row.properties} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {ties.length > 0 ? (
        <table className="import-rows" aria-label="First relationships">
          <caption>First relationships</caption>
          <thead>
            <tr>
              <th>line</th>
              <th>from</th>
              <th>type</th>
              <th>to</th>
              <th>properties</th>
            </tr>
          </thead>
          <tbody>
            {ties.map((row) => (
              <tr key={`${row.file}:${row.line}:${row.start}:${row.end}`}>
                <td className="muted">
                  {row.file}:{row.line}
                </td>
                <td>{row.start}</td>
                <td>
                  {row.type}
                  {row.undirected ? <span className="muted"> (undirected)</span> : null}
                </td>
                <td>{row.end}</td>
                <td>
                  <Properties properties={row.properties} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function Problems({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  // The server lists a file's first problems and then one entry saying how many more it has.
  const total = problems.reduce((sum, problem) => sum + (problem.more ?? 1), 0);
  return (
    <div className="import-problems" role="alert">
      <strong>{total === 1 ? 'This stops the import:' : `These ${formatCount(total)} problems stop the import:`}</strong>
      <ul aria-label="Problems">
        {problems.map((problem, index) => (
          <li key={index}>{problem.more === undefined ? <code>{problem.message}</code> : problem.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The options as a request sends them: the view's nulls (nothing chosen) left out. */
function requested(options: Upload['options']): UploadOptions {
  return {
    format: options.format ?? undefined,
    undirected: options.undirected,
    headerless: options.headerless,
    label: options.label ?? undefined,
    columnLabel: options.columnLabel ?? undefined,
    type: options.type ?? undefined,
  };
}

/** Formats whose files may leave node kinds or tie types unnamed, and those with a second kind of node (2-mode). */
const NAMES_KINDS: ReadonlySet<FormatName> = new Set(['edgelist', 'matrix', 'matrix2mode', 'graphml', 'gexf', 'gml', 'adjlist', 'pajek', 'ucinet', 'json']);
const TWO_MODE: ReadonlySet<FormatName> = new Set(['matrix2mode', 'ucinet', 'pajek']);

function Options({ upload, onChange }: { upload: Upload; onChange: (options: UploadOptions) => void }) {
  const detected = upload.preview?.format ?? null;
  const options = requested(upload.options);
  const format = options.format ?? detected;
  const busy = upload.state === 'checking' || upload.state === 'importing';
  return (
    <>
      <div className="import-options">
        <label>
          Format{' '}
          <select
            value={options.format ?? ''}
            disabled={busy}
            onChange={(event) => onChange({ ...options, format: event.target.value === '' ? undefined : (event.target.value as FormatName) })}
          >
            <option value="">{upload.options.format === null && detected ? `${FORMAT_NAMES[detected]} (detected)` : 'Detect from the files'}</option>
            {(Object.keys(FORMAT_NAMES) as FormatName[]).map((name) => (
              <option key={name} value={name}>
                {FORMAT_NAMES[name]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.undirected}
            disabled={busy}
            onChange={(event) => onChange({ ...options, undirected: event.target.checked })}
          />{' '}
          Ties are undirected
        </label>
        {format === 'edgelist' ? (
          <label>
            <input
              type="checkbox"
              checked={options.headerless}
              disabled={busy}
              onChange={(event) => onChange({ ...options, headerless: event.target.checked })}
            />{' '}
            No header line
          </label>
        ) : null}
      </div>
      {format !== null && NAMES_KINDS.has(format) ? (
        <div className="import-options" role="group" aria-label="Names for what the files leave unnamed">
          <span className="muted">Where the files name none:</span>
          <KindField
            label={format === 'matrix2mode' ? 'Row kind' : 'Node kind'}
            value={options.label}
            placeholder={format === 'matrix2mode' ? 'Actor' : 'Node'}
            title="The label of nodes the files give no kind (for a 2-mode file, its rows)"
            disabled={busy}
            onCommit={(label) => onChange({ ...options, label })}
          />
          {TWO_MODE.has(format) ? (
            <KindField
              label="Column kind"
              value={options.columnLabel}
              placeholder="Event"
              title="The label of a 2-mode file's columns (Pajek: the vertices after the rows)"
              disabled={busy}
              onCommit={(columnLabel) => onChange({ ...options, columnLabel })}
            />
          ) : null}
          <KindField
            label="Tie type"
            value={options.type}
            placeholder={format === 'matrix2mode' ? 'PARTICIPATED_IN' : 'TIE'}
            title="The relationship type of ties the files give no type"
            disabled={busy}
            onCommit={(type) => onChange({ ...options, type })}
          />
        </div>
      ) : null}
    </>
  );
}

/** A kind typed by the user, read again once the field is left or Enter is pressed (not at every key). */
function KindField(props: {
  label: string;
  value: string | undefined;
  placeholder: string;
  title: string;
  disabled: boolean;
  onCommit: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(props.value ?? '');
  const commit = (): void => {
    const value = text.trim() === '' ? undefined : text.trim();
    if (value !== props.value) props.onCommit(value);
  };
  return (
    <label title={props.title}>
      {props.label}{' '}
      <input
        className="import-kind"
        value={text}
        placeholder={props.placeholder}
        disabled={props.disabled}
        maxLength={60}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

function ImportProgress({ upload }: { upload: Upload }) {
  const step = upload.import!;
  const total = (upload.preview?.nodes ?? 0) + (upload.preview?.relationships ?? 0);
  const written = step.nodes + step.relationships;
  const what =
    step.phase === 'checking'
      ? 'Checking the files once more…'
      : step.phase === 'nodes'
        ? `Writing nodes: ${formatCount(step.done)} of ${formatCount(step.total ?? 0)}`
        : step.phase === 'relationships'
          ? `Writing relationships: ${formatCount(step.done)} of ${formatCount(step.total ?? 0)}`
          : 'Done';
  return (
    <div className="import-progress" role="status">
      <progress aria-label="Import progress" max={Math.max(total, 1)} value={step.phase === 'done' ? Math.max(total, 1) : written} />
      <span>{what}</span>
    </div>
  );
}

/** The import dialog: sending, the preview (format, counts, first rows, problems), naming the dataset, the import's progress. */
export function ImportDialog({
  flow,
  onOptions,
  onImport,
  onClose,
}: {
  flow: ImportFlow;
  onOptions: (options: UploadOptions) => void;
  onImport: (dataset: string, name: string) => void;
  onClose: () => void;
}) {
  const { upload, sending } = flow;
  const [dataset, setDataset] = useState<string | undefined>(undefined);
  const [name, setName] = useState('');
  const datasetId = dataset ?? upload?.suggestedDataset ?? '';
  const validId = DATASET_ID.test(datasetId);
  const preview = upload?.preview ?? null;
  const problems = [...(preview?.problems ?? []), ...(upload?.error?.problems ?? [])];
  const canImport = validId && (upload?.state === 'ready' || upload?.state === 'failed');
  return (
    <Dialog title="Import a network" onClose={onClose} wide>
      <p className="import-files">{upload ? upload.files.map((file) => `${file.name} (${bytes(file.bytes)})`).join(', ') : flow.names.join(', ')}</p>
      {sending ? (
        <div className="import-progress" role="status">
          <progress aria-label="Upload progress" max={Math.max(sending.total, 1)} value={sending.sent} />
          <span>
            Sending {bytes(sending.sent)} of {bytes(sending.total)}…
          </span>
        </div>
      ) : null}
      {upload?.state === 'checking' ? (
        <div className="import-progress" role="status">
          <progress aria-label="Reading the files" />
          <span>Reading the files…</span>
        </div>
      ) : null}
      {upload && upload.state !== 'checking' && upload.state !== 'imported' ? <Options upload={upload} onChange={onOptions} /> : null}
      {preview && preview.format ? (
        <section aria-label="Preview" className="import-preview">
          <p className="import-summary">
            <strong>{FORMAT_NAMES[preview.format]}</strong>: {formatCount(preview.nodes)} nodes, {formatCount(preview.relationships)} relationships
            {preview.undirected > 0 ? ` (${formatCount(preview.undirected)} undirected)` : ''}
            {problems.length > 0 ? ', not counting the lines with problems' : ''}.
          </p>
          {preview.notes.length > 0 ? (
            <ul className="import-notes" aria-label="How the files were read">
              {preview.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <div className="import-count-tables">
            <Counts title="Label" counts={preview.labels} />
            <Counts title="Relationship type" counts={preview.types} />
          </div>
          <FirstRows preview={preview} />
        </section>
      ) : null}
      <Problems problems={problems} />
      {upload?.error && upload.error.problems.length === 0 ? (
        <p className="import-error" role="alert">
          {upload.error.title}: {upload.error.detail}
        </p>
      ) : null}
      {flow.error ? (
        <p className="import-error" role="alert">
          {flow.error}
        </p>
      ) : null}
      {upload?.state === 'importing' ? <ImportProgress upload={upload} /> : null}
      {upload && upload.state !== 'checking' && upload.state !== 'refused' ? (
        <form
          className="import-name"
          onSubmit={(event) => {
            event.preventDefault();
            if (canImport) onImport(datasetId, name);
          }}
        >
          <label>
            Dataset id{' '}
            <input
              value={datasetId}
              onChange={(event) => setDataset(event.target.value)}
              aria-invalid={!validId}
              disabled={upload.state === 'importing'}
              spellCheck={false}
            />
          </label>
          <label>
            Name <input value={name} placeholder={datasetId} onChange={(event) => setName(event.target.value)} disabled={upload.state === 'importing'} />
          </label>
          <button type="submit" className="primary" disabled={!canImport}>
            Import
          </button>
          {!validId ? <span className="import-hint">lower-case letters, digits, - and _ (at most 64)</span> : null}
        </form>
      ) : null}
    </Dialog>
  );
}
