import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { bazan, financed, guzman, leaderOf, shiningPath } from '../state/testGraph';
import { undoStep } from './edit';
import { exportJson, exportSources, importFile, type Save } from './exchange';
import { memoryApi } from './memoryApi';
import { place } from './place';
import { createExplorer, viewOf } from './store';

const peru: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };

function recorder(): { files: Record<string, string>; save: Save } {
  const files: Record<string, string> = {};
  return { files, save: (name, content) => (files[name] = String(content)) };
}

describe('exports and imports', () => {
  it('a JSON export imports back as the same view, in one step undo can take back', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, peru.nodes);
    const { files, save } = recorder();
    exportJson(explorer, save);
    const exported = viewOf(explorer);

    const other = createExplorer(memoryApi(peru));
    await place(other, [bazan]);
    await importFile(other, { name: 'nexo-view.json', text: async () => files['nexo-view.json']! });
    expect(Object.keys(viewOf(other).nodes).sort()).toEqual(Object.keys(exported.nodes).sort());
    expect(Object.keys(viewOf(other).edges).sort()).toEqual(Object.keys(exported.edges).sort());
    expect(viewOf(other).positions).toEqual(exported.positions);
    expect(other.store.getState().viewportRequest).toEqual({ kind: 'fit' });
    undoStep(other);
    expect(Object.keys(viewOf(other).nodes)).toEqual([bazan.id]);
  });

  it('a file that is not a Nexo view shows an error and changes nothing', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await importFile(explorer, { name: 'notes.json', text: async () => '{"hello": 1}' });
    expect(explorer.store.getState().activity.kind).toBe('error');
    expect(viewOf(explorer).nodes).toEqual({});
  });

  it('the source list names each source by its document’s title', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, peru.nodes);
    const { files, save } = recorder();
    await exportSources(explorer, save);
    expect(files['nexo-sources.md']).toContain('[Source peru-organised-crime]');
  });
});
