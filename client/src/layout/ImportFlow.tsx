import { useEffect, useRef, useState } from 'react';
import { changeImportOptions, closeImport, openFiles, startImport } from '../explorer/importFiles';
import { useExplorer, useExplorerState } from '../explorer/react';
import { ImportDialog } from '../panels/ImportDialog';

/** What the Import button's file picker offers: every network format, a zip of them, or a saved view. */
const ACCEPTED = '.graphml,.gexf,.gml,.adjlist,.net,.paj,.dl,.csv,.txt,.xlsx,.ftm,.ijson,.jsonl,.ndjson,.zip,.json,.cyjs';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Files dragged anywhere over the page can be dropped to import; the dialog follows the import from preview to progress. */
export function ImportFlow() {
  const explorer = useExplorer();
  const flow = useExplorerState((state) => state.importFlow);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; counting them tells when the pointer left the page.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file instead of handing it to the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      void openFiles(explorer, [...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [explorer]);
  return (
    <>
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop files to import them as a dataset</p>
          <p className="muted">
            GraphML, GEXF, Pajek, UCINET, edge-list or matrix CSV or Excel workbook, neo4j-admin CSV, FtM JSON lines, JSON graphs, or a zip
          </p>
        </div>
      ) : null}
      {flow ? (
        <ImportDialog
          // A new set of files starts a new dialog, with its own dataset name.
          key={flow.names.join('\n')}
          flow={flow}
          onOptions={(options) => void changeImportOptions(explorer, options)}
          onImport={(dataset, name) => void startImport(explorer, dataset, name)}
          onClose={() => closeImport(explorer)}
        />
      ) : null}
    </>
  );
}

/** The top bar's Import button: pick one or several files (or a zip) of a network. */
export function ImportButton() {
  const explorer = useExplorer();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Import a network: GraphML, GEXF, Pajek, UCINET, CSV, Excel, FtM, or a zip (or drop files on the page)"
      >
        Import
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED}
        className="sr-only"
        tabIndex={-1}
        aria-label="Import network files"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void openFiles(explorer, files);
        }}
      />
    </>
  );
}
