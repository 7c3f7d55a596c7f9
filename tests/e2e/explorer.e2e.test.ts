import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/testDatabase.js';
import {
  artifactsDir,
  buildClientIfStale,
  canvasIds,
  launchChromium,
  nodePoint,
  screenshot,
  startExplorer,
  until,
  warmUp,
  openExplorerPage,
} from './harness.js';

const db = openTestDatabase();
let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const GUZMAN = 'person:abimael-guzman';
const SHINING_PATH = 'organization:shining-path';
const BAZAN = 'person:david-bazan-arevalo';

/**
 * A view export of `nodes` actors with 1.5 links each, half of them to a few hubs, and no positions: what a large
 * investigation looks like before any layout ran.
 */
function largeViewFile(nodes: number): string {
  const edges = [];
  for (let index = 1; edges.length < nodes * 1.5; index += 1) {
    const source = index % nodes;
    const target = index % 2 === 0 ? index % 7 : (source + 1 + (index % 13)) % nodes;
    if (source !== target) edges.push({ id: `large:e${index}`, type: 'CALLED', source: `large:n${source}`, target: `large:n${target}`, properties: {} });
  }
  const view = {
    format: 'nexo-view',
    version: 1,
    nodes: Array.from({ length: nodes }, (_unused, index) => ({ id: `large:n${index}`, labels: ['Entity', 'Person'], name: `Actor ${index}`, properties: {} })),
    edges,
  };
  const file = path.join(artifactsDir, 'large-view.json');
  writeFileSync(file, JSON.stringify(view));
  return file;
}

async function searchAndPick(text: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search entities' });
  await box.fill(text);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .waitFor();
  await box.press('Enter');
}

beforeAll(async () => {
  buildClientIfStale();
  ({ server, url: baseUrl } = await startExplorer(db));
  await warmUp(baseUrl);
  browser = await launchChromium();
  ({ context, page } = await openExplorerPage(browser, baseUrl, { viewport: { width: 1280, height: 720 }, acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.close();
});

describe('the explorer in a browser', { timeout: 150_000 }, () => {
  it('offers a way to start on an empty canvas', async () => {
    const started = Date.now();
    await page.getByRole('heading', { name: 'Start from an actor' }).waitFor();
    await page.getByRole('region', { name: 'Legend and filters' }).getByText('Organization').waitFor();
    await page.getByRole('list').filter({ hasText: 'links' }).first().waitFor();
    console.log(`start panel ready in ${Date.now() - started} ms`);
    await screenshot(page, '01-start', { readme: true });
  });

  it('search suggestions follow the arrow keys and close on Escape', async () => {
    const box = page.getByRole('combobox', { name: 'Search entities' });
    await box.fill('peru');
    await page.getByRole('option').nth(1).waitFor();
    const first = await box.getAttribute('aria-activedescendant');
    await box.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).not.toBe(first);
    await expect.poll(() => page.getByRole('listbox').getByRole('option', { selected: true }).count()).toBe(1);
    await box.press('Escape');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
    await box.press('Escape');
    await expect.poll(() => box.inputValue()).toBe('');
  });

  it('finds Shining Path by its Spanish alias "sendero" and puts it on the canvas, selected', async () => {
    await searchAndPick('sendero', 'Shining Path');
    await until(async () => (await canvasIds(page)).nodes.includes(SHINING_PATH), 'Shining Path on the canvas');
    await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Shining Path' }).waitFor();
  });

  it('double-click expands Shining Path and Abimael Guzmán appears, linked by LEADER_OF', async () => {
    const point = await nodePoint(page, SHINING_PATH);
    await page.mouse.dblclick(point.x, point.y);
    await until(async () => (await canvasIds(page)).edges.some((id) => id.startsWith(`${GUZMAN}-[LEADER_OF]->`)), 'the LEADER_OF edge');
    expect((await canvasIds(page)).nodes).toContain(GUZMAN);
    await page.waitForTimeout(800);
    await screenshot(page, '02-expanded');
  });

  it('the context menu shows neighbour counts per type and direction, and undo takes back the expansion it made', async () => {
    const before = await canvasIds(page);
    const point = await nodePoint(page, BAZAN);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for David Bazán Arévalo' });
    await menu.getByRole('menuitem', { name: 'Expand outgoing FINANCED: 1' }).waitFor();
    await menu.getByRole('menuitem', { name: /Expand incoming ARRESTED: 2/ }).waitFor();
    await screenshot(page, '03-context-menu', { readme: true });
    const all = menu.getByRole('menuitem', { name: /All neighbours/ });
    await all.click();
    await until(async () => (await canvasIds(page)).nodes.length > before.nodes.length, 'Bazán Arévalo’s neighbours');
    await page.keyboard.press('Escape');
    await page.locator('.canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await until(async () => (await canvasIds(page)).nodes.join() === before.nodes.join(), 'the canvas as before the expansion');
  });

  it('traces Guzmán to Bazán Arévalo, highlights the path and lists each hop with its quote', async () => {
    await page.getByRole('tab', { name: 'Paths' }).click();
    const paths = page.getByRole('region', { name: 'Paths' });
    await paths.getByRole('combobox', { name: 'Path from' }).fill('guzman');
    await page
      .getByRole('option', { name: /Abimael Guzmán/ })
      .first()
      .click();
    await paths.getByRole('combobox', { name: 'Path to' }).fill('bazan');
    await page
      .getByRole('option', { name: /David Bazán Arévalo/ })
      .first()
      .click();
    // Bazán Arévalo both financed and armed Shining Path: two shortest paths, so ask for all of them.
    await paths.getByRole('radio', { name: 'All shortest' }).check();
    await paths.getByRole('button', { name: 'Find paths' }).click();
    const found = paths.getByRole('list', { name: 'Paths found' });
    const financed = found.getByRole('button', { name: 'Abimael Guzmán —LEADER_OF→ Shining Path ←FINANCED— David Bazán Arévalo' });
    await financed.click();
    await expect.poll(() => financed.getAttribute('aria-pressed')).toBe('true');
    const quotes = await found.locator('blockquote').allTextContents();
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain('former leader of Shining Path');
    await until(async () => {
      const { nodes } = await canvasIds(page);
      return [GUZMAN, SHINING_PATH, BAZAN].every((id) => nodes.includes(id));
    }, 'the path on the canvas');
    await page.waitForTimeout(800);
    await screenshot(page, '04-path', { readme: true });
  });

  it('shows only the path on request, and a selected hop shows its quotes in the details', async () => {
    await page.getByRole('checkbox', { name: 'Show only the path' }).check();
    await until(async () => (await page.evaluate(() => window.__nexo!.pagePosition('location:peru'))) === undefined, 'the rest of the graph hidden');
    const from = await nodePoint(page, GUZMAN);
    const to = await nodePoint(page, SHINING_PATH);
    await page.mouse.click((from.x + to.x) / 2, (from.y + to.y) / 2);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'LEADER_OF' }).waitFor();
    await details
      .getByText(/former leader of Shining Path/)
      .first()
      .waitFor();
    await screenshot(page, '05-path-only-edge');
    await page.getByRole('checkbox', { name: 'Show only the path' }).uncheck();
  });

  it('opens the source text at the quoted sentence', async () => {
    await page
      .getByRole('region', { name: 'Paths' })
      .getByRole('button', { name: /Show in source/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('mark').waitFor();
    expect(await dialog.locator('mark').textContent()).toContain('former leader of Shining Path');
    await screenshot(page, '06-source', { readme: true });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('says plainly when there is no path within the hop limit', async () => {
    const paths = page.getByRole('region', { name: 'Paths' });
    await paths.getByLabel('Max hops').selectOption('1');
    await paths.getByRole('button', { name: 'Find paths' }).click();
    await paths.getByText('No path within 1 hop; a longer one exists.').waitFor();
    await paths.getByLabel('Max hops').selectOption('4');
  });

  it('runs read-only Cypher in the console and shows a write as an inline error', async () => {
    await page.getByRole('button', { name: 'Cypher' }).click();
    const consolePanel = page.getByRole('region', { name: 'Cypher console' });
    const editor = consolePanel.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('MATCH (n) RETURN n LIMIT 5');
    await consolePanel.getByRole('button', { name: 'Run' }).click();
    await until(async () => (await consolePanel.locator('tbody tr').count()) === 5, 'five result rows');
    await screenshot(page, '07-console', { readme: true });
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('CREATE (n)');
    await consolePanel.getByRole('button', { name: 'Run' }).click();
    await consolePanel.getByRole('alert').waitFor();
    await consolePanel.getByRole('button', { name: 'Close console' }).click();
  });

  it('a copied link reopens the same nodes', async () => {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    const expected = await canvasIds(page);
    await page.waitForTimeout(600);
    const link = page.url();
    expect(link).toContain('#view=');
    const second = await context.newPage();
    await second.goto(link);
    await until(async () => (await canvasIds(second)).nodes.join() === expected.nodes.join(), 'the same nodes in a new tab');
    await second.close();
  });

  it('exports a full-resolution PNG of the canvas', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Export' }).click();
        await page.getByRole('menuitem', { name: /PNG/ }).click();
      })(),
    ]);
    const file = path.join(artifactsDir, 'export.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('exports SVG and JSON, and importing the JSON brings back a removed node', async () => {
    const save = async (item: RegExp, name: string): Promise<string> => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        (async () => {
          await page.getByRole('button', { name: 'Export' }).click();
          await page.getByRole('menuitem', { name: item }).click();
        })(),
      ]);
      const file = path.join(artifactsDir, name);
      await download.saveAs(file);
      return file;
    };
    expect(readFileSync(await save(/SVG/, 'export.svg'), 'utf8')).toMatch(/<svg[\s\S]*Shining Path/);
    const jsonFile = await save(/^JSON/, 'export.json');
    const exported = JSON.parse(readFileSync(jsonFile, 'utf8')) as { nodes: { id: string; position: { x: number } }[] };
    const before = await canvasIds(page);
    expect(exported.nodes.map((node) => node.id).sort()).toEqual(before.nodes);
    expect(exported.nodes.every((node) => typeof node.position.x === 'number')).toBe(true);
    const citations = readFileSync(await save(/Source list/, 'sources.md'), 'utf8');
    expect(citations).toMatch(/^1\. .+ —[A-Z_]+[→—] .+ — “.+” \[Organised crime in Peru\]$/m);

    await page.getByRole('tab', { name: /On canvas/ }).click();
    await page
      .getByRole('region', { name: 'Entities on the canvas' })
      .getByRole('button', { name: /Abimael Guzmán/ })
      .click();
    await page.locator('.canvas').focus();
    await page.keyboard.press('Delete');
    await until(async () => !(await canvasIds(page)).nodes.includes(GUZMAN), 'Guzmán removed');
    await page.getByLabel('Import a view from JSON').setInputFiles(jsonFile);
    await until(async () => (await canvasIds(page)).nodes.join() === before.nodes.join(), 'the imported view');
  });

  it('applies type and year filters live, keeps undated items marked, and undo takes a filter back', async () => {
    await page.getByRole('tab', { name: 'Filters' }).click();
    const status = page.locator('.canvas-status');
    const relationships = async () => Number(/([\d,]+) relationships/.exec((await status.textContent()) ?? '')![1]!.replace(/,/g, ''));
    const all = await relationships();
    await page
      .getByRole('region', { name: 'Legend and filters' })
      .getByRole('checkbox', { name: /LEADER_OF/ })
      .uncheck();
    await expect.poll(relationships).toBeLessThan(all);
    await page.keyboard.press('Control+z');
    await expect.poll(relationships).toBe(all);
    await page.getByRole('slider', { name: 'To year' }).press('Home');
    await status.getByText(/hidden or filtered/).waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, '09-year-filter', { readme: true });
    await page.getByRole('button', { name: 'Show all years' }).click();
    await expect.poll(relationships).toBe(all);
  });

  it('switches layout with an animation and undo puts every node back', async () => {
    const where = () => page.evaluate((id) => window.__nexo!.modelPosition(id)!, SHINING_PATH);
    const before = await where();
    await page.getByLabel('Layout', { exact: true }).selectOption('concentric');
    await page.waitForTimeout(1200);
    const after = await where();
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(5);
    await screenshot(page, '11-concentric');
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel('Layout', { exact: true }).inputValue()).toBe('auto');
    const back = await where();
    expect(Math.hypot(back.x - before.x, back.y - before.y)).toBeLessThan(2);
  });

  it('drags a node, undoes the move, and a pinned node stays put when the layout runs again', async () => {
    const where = () => page.evaluate((id) => window.__nexo!.modelPosition(id)!, GUZMAN);
    await page.locator('.canvas').focus();
    await page.keyboard.press('f');
    const start = await where();
    const point = await nodePoint(page, GUZMAN);
    await page.mouse.move(point.x, point.y);
    await page.mouse.down();
    await page.mouse.move(point.x + 60, point.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await where()).x).toBeGreaterThan(start.x + 20);
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await where()).x)).toBe(Math.round(start.x));

    await page.getByRole('tab', { name: /On canvas/ }).click();
    await page
      .getByRole('region', { name: 'Entities on the canvas' })
      .getByRole('button', { name: /Abimael Guzmán/ })
      .click();
    await page.keyboard.press('p');
    const pinned = await where();
    await page.keyboard.press('l');
    await page.waitForTimeout(1500);
    const after = await where();
    expect(Math.hypot(after.x - pinned.x, after.y - pinned.y)).toBeLessThan(1);
    await page.keyboard.press('p');
  });

  it('shows the keyboard shortcuts on "?"', async () => {
    await page.locator('.canvas').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.getByText('Ctrl + Z').waitFor();
    await screenshot(page, '10-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('expands a hub a page at a time, with a "+N more" handle that brings the rest', async () => {
    const peru = 'location:peru';
    await until(async () => (await canvasIds(page)).nodes.includes(peru), 'Peru on the canvas');
    const point = await nodePoint(page, peru);
    await page.mouse.dblclick(point.x, point.y);
    const notice = page.getByRole('status').filter({ hasText: /Showing 25 of \d+/ });
    await notice.waitFor();
    const total = Number(/of (\d+)/.exec((await notice.textContent()) ?? '')![1]);
    expect(total).toBeGreaterThan(25);
    await page.waitForTimeout(800);
    await screenshot(page, '08-more-handle', { readme: true });
    const handle = await nodePoint(page, `more:${peru}||both`);
    await page.mouse.click(handle.x, handle.y);
    await until(
      async () => (await page.evaluate(() => window.__nexo!.pagePosition('more:location:peru||both'))) === undefined,
      'the handle to go once all is loaded',
    );
  });

  it('looks right in the dark theme on a large screen', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForTimeout(600);
    await screenshot(page, '12-dark-large', { readme: true });
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('lays out a view of 3,000 elements with ForceAtlas2 and stays responsive', async () => {
    await page.getByLabel('Import a view from JSON').setInputFiles(largeViewFile(1200));
    await until(async () => (await canvasIds(page)).nodes.length === 1200, 'the 1,200 imported actors');
    const layoutPicker = page.getByLabel('Layout', { exact: true });
    await expect.poll(() => layoutPicker.inputValue()).toBe('auto');
    expect(await layoutPicker.locator('option:checked').textContent()).toBe('Automatic (ForceAtlas2)');

    const where = (id: string) => page.evaluate((nodeId) => window.__nexo!.modelPosition(nodeId)!, id);
    const before = await where('large:n100');
    await page.locator('.canvas').focus();
    await page.keyboard.press('l');
    await until(async () => {
      const after = await where('large:n100');
      return Math.hypot(after.x - before.x, after.y - before.y) > 1;
    }, 'ForceAtlas2 to move the imported actors');
    const unplaced = await page.evaluate(() =>
      window.__nexo!.nodeIds().filter((id) => {
        const position = window.__nexo!.modelPosition(id);
        return !position || !Number.isFinite(position.x) || !Number.isFinite(position.y);
      }),
    );
    expect(unplaced).toEqual([]);
    await screenshot(page, 'large-view-3000');

    // The most connected actor sits in a clear space of its own: a click there selects it.
    const hub = await nodePoint(page, 'large:n1');
    await page.mouse.click(hub.x, hub.y);
    await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Actor 1', exact: true }).waitFor();
  });
});
