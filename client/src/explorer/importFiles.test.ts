import { describe, expect, it } from 'vitest';
import { exportView } from '../state/exchange';
import { emptyView } from '../state/view';
import { isSavedView } from './importFiles';

describe('files dropped or picked', () => {
  it('opens a view saved from Nexo as a view, and sends a JSON graph (which has nodes too) to be imported', async () => {
    expect(await isSavedView(new File([exportView(emptyView())], 'nexo-view.json'))).toBe(true);
    const graph = JSON.stringify({ directed: false, nodes: [{ id: 'a' }], links: [] });
    expect(await isSavedView(new File([graph], 'network.json'))).toBe(false);
    expect(await isSavedView(new File([JSON.stringify({ elements: [] })], 'case.cyjs'))).toBe(false);
  });
});
