import { mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/projectRoot.js';
import { openTestDatabase } from '../support/testDatabase.js';
import { buildClientIfStale, canvasIds, launchChromium, screenshot, startExplorer, until, warmUp, openExplorerPage } from './harness.js';

const db = openTestDatabase();
const graphml = readFileSync(path.join(projectRoot, 'data', 'examples', 'network.graphml'), 'utf8');
let server: Server;
let browser: Browser;
let page: Page;

/** Drops files on the page as a person dragging them from a file manager would: dragenter, dragover, then drop. */
async function dropFiles(files: Record<string, string>): Promise<void> {
  await page.evaluate((contents) => {
    const transfer = new DataTransfer();
    for (const [name, text] of Object.entries(contents)) transfer.items.add(new File([text], name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, files);
}

beforeAll(async () => {
  buildClientIfStale();
  let url: string;
  ({ server, url } = await startExplorer(db, { NEXO_UPLOAD_DIR: mkdtempSync(path.join(os.tmpdir(), 'nexo-e2e-uploads-')) }));
  await warmUp(url);
  browser = await launchChromium();
  ({ page } = await openExplorerPage(browser, url, { viewport: { width: 1440, height: 900 } }));
  await page.getByRole('heading', { name: 'Start from an actor' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.close();
});

describe('importing a network from the browser', { timeout: 180_000 }, () => {
  it('shows the problems of a bad file with file and line, and offers no import', async () => {
    await dropFiles({ 'broken.graphml': graphml.slice(0, graphml.indexOf('<edge id="e5"')) });
    const dialog = page.getByRole('dialog', { name: 'Import a network' });
    await dialog
      .getByRole('alert')
      .getByText(/^broken\.graphml:\d+: malformed XML/)
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await until(async () => (await dialog.count()) === 0, 'the dialog to close');
  });

  it('says how it reads what a file leaves unsaid: a list of ties without a header line', async () => {
    await dropFiles({ 'calls.txt': '% phone calls, caller callee minutes\n1 2 3\n2 3 1\n3 1 4\n' });
    const dialog = page.getByRole('dialog', { name: 'Import a network' });
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await preview.getByText('3 nodes, 3 relationships.').waitFor();
    const notes = preview.getByRole('list', { name: 'How the files were read' });
    expect(await notes.getByRole('listitem').allTextContents()).toEqual([
      'calls.txt: no header line; its first line is read as a tie (source, target, weight)',
    ]);
    await screenshot(page, 'import-preview-notes');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await until(async () => (await dialog.count()) === 0, 'the dialog to close');
  });

  it('previews a dropped GraphML file: format, counts per label and type, the first rows', async () => {
    await dropFiles({ 'network.graphml': graphml });
    const dialog = page.getByRole('dialog', { name: 'Import a network' });
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await preview.getByText('12 nodes, 14 relationships (12 undirected).').waitFor();
    expect(await preview.getByText('GraphML', { exact: true }).count()).toBe(1);
    const types = preview.getByRole('table', { name: 'Relationship type' });
    expect(await types.getByRole('row', { name: 'REPRESENTS 1' }).count()).toBe(1);
    expect(await types.getByRole('row', { name: 'TIE 11' }).count()).toBe(1);
    expect(await types.getByRole('row', { name: 'MET_AT 2' }).count()).toBe(1);
    // A type the file leaves unnamed can be named: the files are read again with it.
    const tieType = dialog.getByRole('textbox', { name: 'Tie type' });
    await tieType.fill('KNOWS');
    await tieType.press('Enter');
    await types.getByRole('row', { name: 'KNOWS 11' }).waitFor();
    expect(await types.getByRole('row', { name: 'MET_AT 2' }).count()).toBe(1);
    const labels = preview.getByRole('table', { name: 'Label' });
    expect(await labels.getByRole('row', { name: 'Person 10' }).count()).toBe(1);
    const firstNodes = preview.getByRole('table', { name: 'First nodes' });
    expect(await firstNodes.getByRole('row').count()).toBe(11);
    await firstNodes.getByRole('cell', { name: 'Ana Ruiz', exact: true }).waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Dataset id' }).inputValue()).toBe('network');
    await page.waitForTimeout(300);
    await screenshot(page, 'import-preview', { readme: true });
  });

  it('imports it as a named dataset with a progress bar, opens it, and search finds its people', async () => {
    const dialog = page.getByRole('dialog', { name: 'Import a network' });
    await dialog.getByRole('textbox', { name: 'Dataset id' }).fill('puerto-claro');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Puerto Claro');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').getByText('Imported "Puerto Claro": 12 nodes, 14 relationships.', { exact: false }).waitFor();
    expect(await dialog.count()).toBe(0);
    await until(async () => (await canvasIds(page)).nodes.length === 10, 'the ten best-connected actors of the new dataset');
    expect((await canvasIds(page)).nodes.every((id) => id.startsWith('puerto-claro::'))).toBe(true);

    const box = page.getByRole('combobox', { name: 'Search entities' });
    await box.fill('Julio Rios');
    await page
      .getByRole('option', { name: /Julio Rios/ })
      .first()
      .waitFor();
    await box.press('Enter');
    await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Julio Rios' }).waitFor();
    expect((await canvasIds(page)).nodes).toContain('puerto-claro::n10');
  });
});
