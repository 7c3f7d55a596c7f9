import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNetwork } from '../../server/features/datasets/importNetwork.js';
import { readAll } from '../../server/features/import/formats/testing.js';
import { projectRoot } from '../../server/projectRoot.js';
import { openTestDatabase } from '../support/testDatabase.js';
import { buildClientIfStale, canvasIds, launchChromium, screenshot, startExplorer, until, warmUp } from './harness.js';

const db = openTestDatabase();
let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const examples = path.join(projectRoot, 'data', 'examples');
const quiet = (): void => undefined;

beforeAll(async () => {
  buildClientIfStale();
  ({ server, url: baseUrl } = await startExplorer(db));
  // The same file as two datasets (Ana Ruiz is in both), and one of 24 labels for the palette.
  await importNetwork(db, { dataset: 'case-a', name: 'Case A', input: path.join(examples, 'edgelist') }, quiet);
  await importNetwork(db, { dataset: 'case-b', name: 'Case B', input: path.join(examples, 'edgelist') }, quiet);
  await importNetwork(db, { dataset: 'many-labels', name: 'Many labels', input: path.join(examples, 'many-labels') }, quiet);
  await warmUp(baseUrl);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(60_000);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.close();
});

/** The options the search box offers for `text` that name it, once it has answered. */
async function searchOptions(text: string): Promise<string[]> {
  const box = page.getByRole('combobox', { name: 'Search entities' });
  await box.fill(text);
  const options = page.getByRole('option', { name: new RegExp(text) });
  await options.first().waitFor();
  return options.allTextContents();
}

describe('datasets in the browser', { timeout: 240_000 }, () => {
  it('lists the datasets with their counts on the start panel', async () => {
    await page.goto(baseUrl);
    const picker = page.getByRole('region', { name: 'Datasets' });
    await picker.getByText('Case A').waitFor();
    expect(await picker.getByRole('listitem').count()).toBe(4);
    expect(await picker.getByRole('listitem').filter({ hasText: 'Case A' }).textContent()).toContain('12 nodes · 16 relationships · edgelist');
    // The most connected actors come from several datasets, so each says which: the two Ana Ruiz are told apart.
    const anas = page.getByRole('region', { name: 'Start here' }).locator('.start-list li').filter({ hasText: 'Ana Ruiz' });
    await anas.first().waitFor();
    expect((await anas.locator('.start-dataset').allTextContents()).sort()).toEqual(['Case A', 'Case B']);
    await screenshot(page, 'datasets-start-panel');
  });

  it('picks one dataset: the address keeps it and search stays within it', async () => {
    await page.goto(baseUrl);
    expect(await searchOptions('Ana Ruiz')).toHaveLength(2);
    await page.getByRole('combobox', { name: 'Search entities' }).fill('');
    await page.getByRole('button', { name: 'Only Case A' }).click();
    await until(async () => new URL(page.url()).searchParams.get('dataset') === 'case-a', 'the dataset in the address');
    // The filters count within the chosen dataset: Peru's kinds (Organization, Event …) leave the list, case A's stay.
    await page.getByRole('tab', { name: /Filters/ }).click();
    const kinds = page.locator('h3:text-is("Entity kinds") ~ ul.legend').first();
    await until(async () => {
      const listed = (await kinds.textContent()) ?? '';
      return listed.includes('Company') && !listed.includes('Organization') && !listed.includes('Event');
    }, "case A's kinds alone in the filters");
    expect(await searchOptions('Ana Ruiz')).toHaveLength(1);
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    await until(async () => (await canvasIds(page)).nodes.includes('case-a::p1'), 'Ana Ruiz of case A on the canvas');
    // The address alone brings the choice back.
    await page.goto(`${baseUrl}/?dataset=case-a`);
    expect(await searchOptions('Ana Ruiz')).toHaveLength(1);
  });

  it('deletes a dataset after confirmation: its nodes leave the canvas and the list', async () => {
    await page.goto(`${baseUrl}/?dataset=case-a`);
    await searchOptions('Ana Ruiz');
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    await until(async () => (await canvasIds(page)).nodes.includes('case-a::p1'), 'Ana Ruiz on the canvas');
    await page.getByRole('tab', { name: /Datasets/ }).click();
    await page.getByRole('button', { name: 'Delete Case A' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Case A”?' });
    await dialog.waitFor();
    await screenshot(page, 'datasets-delete-confirmation');
    // Cancelling deletes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await canvasIds(page)).nodes).toContain('case-a::p1');
    await page.getByRole('button', { name: 'Delete Case A' }).click();
    await page.getByRole('dialog', { name: 'Delete “Case A”?' }).getByRole('button', { name: 'Delete dataset' }).click();
    await until(async () => !(await canvasIds(page)).nodes.includes('case-a::p1'), 'Case A gone from the canvas');
    await page.getByRole('button', { name: 'Delete Case A' }).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('dataset')).toBeNull();
    const listed = (await (await fetch(`${baseUrl}/api/datasets`)).json()) as { datasets: { id: string }[] };
    expect(listed.datasets.map((dataset) => dataset.id).sort()).toEqual(['case-b', 'many-labels', 'peru']);
  });

  it('draws a dataset of 24 labels with captions picked from its data', async () => {
    await page.goto(`${baseUrl}/?dataset=many-labels`);
    await page.getByRole('button', { name: /Put all/ }).click();
    await until(async () => (await canvasIds(page)).nodes.length >= 10, 'the most connected on the canvas');
    // Every node of the dataset, through its neighbours.
    const ids = Array.from({ length: 28 }, (_, index) => `many-labels::n${index + 1}`);
    const subgraph = (await (
      await fetch(`${baseUrl}/api/subgraph?dataset=many-labels`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids }),
      })
    ).json()) as { nodes: { id: string; name: string }[] };
    const names = Object.fromEntries(subgraph.nodes.map((node) => [node.id, node.name]));
    expect(names['many-labels::n2']).toBe('Raymond Ford');
    expect(names['many-labels::n11']).toBe('WN');
    expect(names['many-labels::n15']).toBe('07700 900123');
    expect(names['many-labels::n13']).toBe('MK19 XRD');
    const hash = Buffer.from(
      JSON.stringify({ n: ids.map((id, index) => [id, Math.round(420 * Math.cos(index / 4.4)), Math.round(300 * Math.sin(index / 4.4))]) }),
    ).toString('base64url');
    await page.goto(`${baseUrl}/?dataset=many-labels#view=${hash}`);
    await until(async () => (await canvasIds(page)).nodes.length === 28, 'all 28 nodes on the canvas');
    await page
      .getByRole('button', { name: /Layout|layout/ })
      .first()
      .waitFor();
    await page.waitForTimeout(1500);
    await screenshot(page, 'datasets-many-labels');
    await page.getByRole('tab', { name: /Filters/ }).click();
    await screenshot(page, 'datasets-many-labels-legend');
  });

  it('exports a dataset from the start panel in the chosen format: the download arrives and reads back', async () => {
    await page.goto(baseUrl);
    const picker = page.getByRole('region', { name: 'Datasets' });
    await picker.getByRole('button', { name: 'Export Case B' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export “Case B”' });
    await dialog.getByRole('radio', { name: /GEXF/ }).check();
    await screenshot(page, 'datasets-export');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('case-b.gexf');
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'nexo-e2e-export-')), download.suggestedFilename());
    await download.saveAs(saved);
    // Read with Nexo's own GEXF reader: the file ids are the dataset's own (p1, not case-b::p1).
    const read = await readAll(saved);
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(16);
    expect(read.nodes.find((node) => node.key === 'p1')?.properties.get('name')).toBe('Ana Ruiz');
  });
});
