import { useEffect, useState } from 'react';
import type { NetworkFormat } from '../api/client';
import type { DatasetCaptions, DatasetSummary } from '../api/types';
import { download } from '../explorer/browser';
import { chooseDatasets, deleteDataset, exportDatasetFile, loadCaptions, loadDatasets, saveCaptions, toggleDataset } from '../explorer/datasets';
import { useExplorer, useExplorerState } from '../explorer/react';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { Dialog, DialogActions } from './Dialog';
import { Status } from './Status';
import { counted } from '../state/counted';

function importDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The datasets (investigations) to explore, ticked; none ticked means all. Each can be exported, deleted or have its captions chosen. */
export function DatasetPicker() {
  const explorer = useExplorer();
  const datasets = useExplorerState((state) => state.datasets);
  const status = useExplorerState((state) => state.datasetsStatus);
  const chosen = useExplorerState((state) => state.chosenDatasets);
  const [deleting, setDeleting] = useState<DatasetSummary | undefined>();
  const [captioning, setCaptioning] = useState<DatasetSummary | undefined>();
  const [exporting, setExporting] = useState<DatasetSummary | undefined>();
  if (!datasets) return <Status status={status} onRetry={() => void loadDatasets(explorer)} />;
  if (datasets.length === 0) return <p className="muted small">No dataset yet: load the Peru network or import your own (npm run import).</p>;
  return (
    <section className="datasets" aria-label="Datasets">
      <h3>
        Datasets <span className="muted small">{chosen.length === 0 ? 'all shown' : `${chosen.length} of ${datasets.length} shown`}</span>
        {chosen.length > 0 ? (
          <button type="button" className="link" onClick={() => chooseDatasets(explorer, [])}>
            Show all
          </button>
        ) : null}
      </h3>
      <ul className="dataset-list">
        {datasets.map((dataset) => (
          <li key={dataset.id}>
            <label>
              <input type="checkbox" checked={chosen.length === 0 || chosen.includes(dataset.id)} onChange={() => toggleDataset(explorer, dataset.id)} />
              <span className="dataset-name">{dataset.name}</span>
              <span className="muted small">
                {counted(dataset.nodes, 'node', 'nodes')} · {counted(dataset.relationships, 'relationship', 'relationships')} · {dataset.format}
                {importDate(dataset.importedAt) ? ` · imported ${importDate(dataset.importedAt)}` : ''}
              </span>
            </label>
            <button type="button" className="link" onClick={() => chooseDatasets(explorer, [dataset.id])} aria-label={`Only ${dataset.name}`}>
              Only
            </button>
            <button type="button" className="link" onClick={() => setCaptioning(dataset)} aria-label={`Captions of ${dataset.name}`}>
              Captions
            </button>
            <button type="button" className="link" onClick={() => setExporting(dataset)} aria-label={`Export ${dataset.name}`}>
              Export
            </button>
            <button type="button" className="link danger" onClick={() => setDeleting(dataset)} aria-label={`Delete ${dataset.name}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {deleting ? (
        <Dialog title={`Delete “${deleting.name}”?`} onClose={() => setDeleting(undefined)}>
          <p>
            This removes its {counted(deleting.nodes, 'node', 'nodes')} and {counted(deleting.relationships, 'relationship', 'relationships')} from the
            database, for everyone. It cannot be undone; the file can be imported again.
          </p>
          <DialogActions
            label="Delete dataset"
            danger
            onCancel={() => setDeleting(undefined)}
            onAction={() => {
              const id = deleting.id;
              setDeleting(undefined);
              void deleteDataset(explorer, id);
            }}
          />
        </Dialog>
      ) : null}
      {captioning ? <CaptionsDialog dataset={captioning} onClose={() => setCaptioning(undefined)} /> : null}
      {exporting ? <ExportDialog dataset={exporting} onClose={() => setExporting(undefined)} /> : null}
    </section>
  );
}

const EXPORT_FORMATS: { format: NetworkFormat; label: string; note: string }[] = [
  { format: 'graphml', label: 'GraphML', note: 'Gephi, yEd, Cytoscape; keeps everything' },
  { format: 'gexf', label: 'GEXF', note: 'Gephi; keeps everything' },
  { format: 'edgelist', label: 'Edge list (CSV in a ZIP)', note: 'spreadsheets; values as text' },
  { format: 'ftm', label: 'FollowTheMoney (JSON lines)', note: 'Aleph; values as text' },
];

/** Downloads a whole dataset in the chosen format; Nexo reads each of them back with npm run import. */
function ExportDialog({ dataset, onClose }: { dataset: DatasetSummary; onClose: () => void }) {
  const explorer = useExplorer();
  const [format, setFormat] = useState<NetworkFormat>('graphml');
  return (
    <Dialog title={`Export “${dataset.name}”`} onClose={onClose}>
      <fieldset className="export-formats">
        <legend>
          {counted(dataset.nodes, 'node', 'nodes')} and {counted(dataset.relationships, 'relationship', 'relationships')} as
        </legend>
        {EXPORT_FORMATS.map((choice) => (
          <label key={choice.format}>
            <input type="radio" name="export-format" value={choice.format} checked={format === choice.format} onChange={() => setFormat(choice.format)} />
            {choice.label} <span className="muted small">{choice.note}</span>
          </label>
        ))}
      </fieldset>
      <DialogActions
        label="Download"
        onCancel={onClose}
        onAction={() => {
          onClose();
          void exportDatasetFile(explorer, download, dataset.id, format);
        }}
      />
    </Dialog>
  );
}

/** Per label, which properties name the dataset's nodes: as picked from the data, or one the user chooses. */
function CaptionsDialog({ dataset, onClose }: { dataset: DatasetSummary; onClose: () => void }) {
  const explorer = useExplorer();
  const [captions, setCaptions] = useState<DatasetCaptions | undefined>();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<RequestStatus>(idle);
  useEffect(() => {
    setStatus(loading('Reading the labels…'));
    loadCaptions(explorer, dataset.id)
      .then((found) => {
        setCaptions(found);
        setChoice(Object.fromEntries(found.labels.map((label) => [label.label, label.override ? JSON.stringify(label.override) : ''])));
        setStatus(idle);
      })
      .catch((error: unknown) => setStatus(failed(error)));
  }, [explorer, dataset.id]);
  const save = () => {
    const chosen = Object.fromEntries(Object.entries(choice).map(([label, value]) => [label, value === '' ? [] : (JSON.parse(value) as string[])]));
    setStatus(loading('Saving…'));
    saveCaptions(explorer, dataset.id, chosen)
      .then(() => onClose())
      .catch((error: unknown) => setStatus(failed(error)));
  };
  return (
    <Dialog title={`Captions of “${dataset.name}”`} onClose={onClose}>
      <p className="muted small">Which property names the nodes of each label, everywhere a node is named. Automatic is what Nexo picked from the data.</p>
      <Status status={status} />
      {captions ? (
        <>
          <table className="captions">
            <tbody>
              {captions.labels.map((label) => (
                <tr key={label.label}>
                  <th scope="row">
                    <label htmlFor={`caption-${label.label}`}>{label.label}</label>
                  </th>
                  <td>
                    <select
                      id={`caption-${label.label}`}
                      value={choice[label.label] ?? ''}
                      onChange={(event) => setChoice({ ...choice, [label.label]: event.target.value })}
                    >
                      <option value="">Automatic{label.automatic.length > 0 ? ` (${label.automatic.join(' + ')})` : ' (name, then id)'}</option>
                      {label.override && label.override.length > 1 ? (
                        <option value={JSON.stringify(label.override)}>{label.override.join(' + ')}</option>
                      ) : null}
                      {label.properties.map((property) => (
                        <option key={property} value={JSON.stringify([property])}>
                          {property}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <DialogActions label="Save captions" onCancel={onClose} onAction={save} />
        </>
      ) : null}
    </Dialog>
  );
}
