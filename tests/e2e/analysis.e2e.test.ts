import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/testDatabase.js';
import { buildClientIfStale, canvasIds, launchChromium, screenshot, startExplorer, until, warmUp, openExplorerPage } from './harness.js';

// Issue 12's Analysis panel in a browser: a measure over the graph → the ranked table → the canvas, and several actors at once.
const db = openTestDatabase();
let server: Server;
let baseUrl: string;
let browser: Browser;
let page: Page;

interface Ranked {
  results: { node: { id: string; name: string; labels: string[] }; score: number }[];
}

const panel = () => page.getByRole('region', { name: 'Analysis', exact: true });

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(`${baseUrl}${path}`)).json()) as T;
}

async function compute(measure: string): Promise<void> {
  await panel().getByRole('combobox', { name: 'Measure' }).selectOption(measure);
  await panel().getByRole('button', { name: 'Compute' }).click();
}

async function screenshots(name: string, check?: () => Promise<void>): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(500);
    await screenshot(page, `${name}-${width}`);
    await check?.();
  }
}

type Box = { x: number; y: number; width: number; height: number };
const intersect = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Neither canvas legend covers the other, and the ranked table fits the side panel, its why buttons included. */
async function expectLaidOut(): Promise<void> {
  const relationships = await page.getByRole('region', { name: 'Relationship types on the canvas' }).boundingBox();
  const analysis = await page.getByRole('group', { name: 'Analysis legend' }).boundingBox();
  expect(relationships && analysis && intersect(relationships, analysis)).toBe(false);
  const side = (await panel().boundingBox())!;
  const why = (await panel()
    .getByRole('button', { name: /^Why is .* central\?$/ })
    .first()
    .boundingBox())!;
  expect(why.x).toBeGreaterThanOrEqual(side.x);
  expect(why.x + why.width).toBeLessThanOrEqual(side.x + side.width);
  const table = panel().locator('.analysis-table-wrap');
  expect(await table.evaluate((wrap) => wrap.scrollWidth <= wrap.clientWidth)).toBe(true);
}

beforeAll(async () => {
  buildClientIfStale();
  ({ server, url: baseUrl } = await startExplorer(db));
  await warmUp(baseUrl);
  browser = await launchChromium();
  ({ page } = await openExplorerPage(browser, baseUrl, { viewport: { width: 1280, height: 720 } }));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.close();
});

describe('the Analysis panel in a browser', { timeout: 180_000 }, () => {
  it('computes betweenness over the whole graph into a table ranked as the API ranks it', async () => {
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.getByRole('radio', { name: 'Whole graph' }).check();
    await compute('betweenness');
    const table = panel().getByRole('table', { name: 'Betweenness ranking' });
    await table.waitFor();
    const expected = await api<Ranked>('/api/analysis/centrality?measure=betweenness&limit=5');
    const names = await table.locator('tbody tr td:nth-child(2) .analysis-actor').allTextContents();
    expect(names.slice(0, 5).map((name) => name.trim())).toEqual(expected.results.map((result) => result.node.name));
    await panel()
      .getByText(/actors in the whole graph, undirected; exact\./)
      .waitFor();
  });

  it('selects a row’s actor on the canvas', async () => {
    const top = (await api<Ranked>('/api/analysis/centrality?measure=betweenness&limit=1')).results[0]!.node;
    // The name comes after the kind's swatch, whose title some browsers count in the button's name; only the kind may
    // come before it ("Peru" must not also match "Communist Party of Peru").
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const kinds = top.labels.map(escape).join('|');
    await panel()
      .getByRole('table')
      .getByRole('button', { name: new RegExp(`^(?:(?:${kinds})\\s+)?${escape(top.name)}$`) })
      .click();
    await until(async () => (await canvasIds(page)).nodes.includes(top.id), `${top.name} on the canvas`);
    await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: top.name }).waitFor();
  });

  it('puts the top ten on the canvas, sized by score with a legend', async () => {
    const top = (await api<Ranked>('/api/analysis/centrality?measure=betweenness&limit=10')).results.map((result) => result.node.id);
    await panel().getByRole('combobox', { name: 'How many to put on the canvas' }).selectOption('10');
    await panel().getByRole('button', { name: 'Put on canvas' }).click();
    await until(async () => {
      const { nodes } = await canvasIds(page);
      return top.every((id) => nodes.includes(id));
    }, 'the top ten on the canvas');
    await page.getByRole('group', { name: 'Analysis legend' }).getByText('Size: betweenness').waitFor();
    await page.waitForTimeout(1500);
    await screenshots('analysis-betweenness', expectLaidOut);
  });

  it('colours the canvas by community, with a legend of the communities', async () => {
    await compute('communities');
    const legend = page.getByRole('group', { name: 'Analysis legend' });
    await legend.getByText('Communities').waitFor();
    const answer = await api<{ communities: { id: number; members: string[] }[] }>('/api/analysis/communities');
    const { nodes } = await canvasIds(page);
    const communityOf = new Map(answer.communities.flatMap((community) => community.members.map((id) => [id, community.id] as const)));
    const colours = await page.evaluate((ids) => ids.map((id) => window.__nexo!.nodeColour(id)), nodes);
    // Same community, same colour; the first twelve communities each their own.
    const colourOf = new Map<number, string>();
    nodes.forEach((id, index) => {
      const community = communityOf.get(id)!;
      if (community >= 12) return;
      if (!colourOf.has(community)) colourOf.set(community, colours[index]!);
      expect(colours[index]).toBe(colourOf.get(community));
    });
    expect(new Set(colourOf.values()).size).toBe(colourOf.size);
    expect(colourOf.size).toBeGreaterThan(1);
    expect(await legend.locator('li').count()).toBe(Math.min(answer.communities.length, 13));
    await screenshots('analysis-communities');
  });

  it('connects three actors of a multi-selection, drawn and told with their quotes', async () => {
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await until(async () => (await canvasIds(page)).nodes.length === 0, 'an empty canvas');
    await compute('betweenness');
    await panel().getByRole('table', { name: 'Betweenness ranking' }).waitFor();
    await panel().getByRole('combobox', { name: 'How many to put on the canvas' }).selectOption('3');
    await panel().getByRole('button', { name: 'Put on canvas' }).click();
    await until(async () => (await canvasIds(page)).nodes.length >= 3, 'three actors on the canvas');
    const three = (await canvasIds(page)).nodes;
    await page.locator('.canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await page
      .getByRole('complementary', { name: 'Details' })
      .getByRole('heading', { name: /^3 entities/ })
      .waitFor();
    // The selection's menu by its shortcut: a right-click at a node's drawn place missed it in 3 of the last 9 clean-clone runs
    // (an overlay or a node still settling under the pointer); right-clicking a node is tested in the explorer e2e.
    await page.keyboard.press('m');
    await page.getByRole('menu', { name: 'Actions for 3 selected entities' }).getByRole('menuitem', { name: 'Connect these actors' }).click();
    const told = page.getByRole('region', { name: 'How the actors connect' });
    await told.waitFor();
    const links = told.locator('.analysis-links > li');
    await until(async () => (await links.count()) > 0, 'the links in words');
    expect(await told.locator('blockquote').count()).toBe(await links.count());
    const drawn = await canvasIds(page);
    expect(three.every((id) => drawn.nodes.includes(id))).toBe(true);
    expect(drawn.edges.length).toBeGreaterThanOrEqual(await links.count());
    await screenshots('analysis-connect');
  });
});
