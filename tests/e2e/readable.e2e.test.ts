import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFamily, linkStyle } from '../../client/src/graph/linkStyle.js';
import { projectRoot } from '../../server/projectRoot.js';
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

// Issue 14, round two: links told apart, the finding shared, small screens, time. Where it shows, it is tested here.

const db = openTestDatabase();
let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const GUZMAN = 'person:abimael-guzman';
const SHINING_PATH = 'organization:shining-path';
const BAZAN = 'person:david-bazan-arevalo';

interface Link {
  type: string;
  source: string;
  target: string;
  date?: string;
  [key: string]: unknown;
}
const peruNodes = JSON.parse(readFileSync(path.join(projectRoot, 'data', 'peru', 'nodes.json'), 'utf8')) as ({
  id: string;
  kind: string;
  name: string;
} & Record<string, unknown>)[];
const peruLinks = JSON.parse(readFileSync(path.join(projectRoot, 'data', 'peru', 'relationships.json'), 'utf8')) as Link[];
const names = new Map(peruNodes.map((node) => [node.id, node.name]));

/** The whole Peru network as a view file, with its dates and quotes: a busy canvas where labels could pile up. */
function wholeNetworkFile(): string {
  const view = {
    format: 'nexo-view',
    version: 1,
    nodes: peruNodes.map(({ id, kind, name, ...rest }) => ({ id, labels: ['Entity', kind], name, properties: { ...rest, source: 'peru-organised-crime' } })),
    edges: peruLinks.map(({ type, source, target, ...rest }) => ({
      id: `${source}-[${type}]->${target}${rest.date ? `@${rest.date}` : ''}`,
      type,
      source,
      target,
      properties: { ...rest, source: 'peru-organised-crime' },
    })),
  };
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, 'whole-network.json');
  writeFileSync(file, JSON.stringify(view));
  return file;
}

/** Screenshots at 1440×900 and 1280×720, in the theme the page has; `readme` puts the large one in the README. */
async function screenshots(name: string, options: { readme?: boolean } = {}): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(400);
  await screenshot(page, `${name}-1440`, options);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(400);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize(before);
  await page.waitForTimeout(300);
}

type LabelBox = { id: string; box: { x1: number; y1: number; x2: number; y2: number } };

function overlapping(labels: LabelBox[]): [string, string][] {
  const pairs: [string, string][] = [];
  // One pixel of slack: anti-aliased edges of neighbouring labels may touch.
  for (const [index, a] of labels.entries())
    for (const b of labels.slice(index + 1))
      if (a.box.x1 + 1 < b.box.x2 && b.box.x1 + 1 < a.box.x2 && a.box.y1 + 1 < b.box.y2 && b.box.y1 + 1 < a.box.y2) pairs.push([a.id, b.id]);
  return pairs;
}

async function zoomUntil(key: '+' | '-', done: (zoom: number) => boolean): Promise<number> {
  await page.locator('.canvas').focus();
  for (let step = 0; step < 20; step++) {
    const zoom = await page.evaluate(() => window.__nexo!.zoom());
    if (done(zoom)) return zoom;
    await page.keyboard.press(key);
    await page.waitForTimeout(250);
  }
  throw new Error('The zoom did not get there');
}

async function relationshipsShown(): Promise<number> {
  return Number(/([\d,]+) relationships/.exec((await page.locator('.canvas-status').textContent()) ?? '')![1]!.replace(/,/g, ''));
}

beforeAll(async () => {
  buildClientIfStale();
  ({ server, url: baseUrl } = await startExplorer(db));
  await warmUp(baseUrl);
  browser = await launchChromium();
  ({ context, page } = await openExplorerPage(browser, baseUrl, { viewport: { width: 1440, height: 900 }, acceptDownloads: true }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await page.getByLabel('Import a view from JSON').setInputFiles(wholeNetworkFile());
  await page.waitForFunction((count) => window.__nexo?.nodeIds().length === count, peruNodes.length);
  // Laid out as an analyst would before reading it.
  await page.locator('.canvas').focus();
  await page.keyboard.press('l');
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(1000);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.close();
});

describe('links you can tell apart', { timeout: 150_000 }, () => {
  it('the relationship legend lists the families drawn, each with its colour, line and the types it holds', async () => {
    const legend = page.getByRole('region', { name: 'Relationship types on the canvas' });
    const drawn = [...new Set(peruLinks.map((link) => link.type))];
    const rows = await legend.locator('li').evaluateAll((items) =>
      items.map((item) => ({
        family: item.querySelector('.legend-family')!.textContent!.trim(),
        types: item.querySelector('.legend-types')!.getAttribute('title')!.split(', '),
        stroke: item.querySelector('line')!.getAttribute('stroke'),
        dash: item.querySelector('line')!.getAttribute('stroke-dasharray'),
        // Types of no known family: each with its own swatch inside the one "Other" row.
        others: [...item.querySelectorAll('.legend-other-type')].map((other) => ({
          type: other.textContent!.trim(),
          stroke: other.querySelector('line')!.getAttribute('stroke'),
        })),
      })),
    );
    // One row per family: "Other" was listed once per type of no known family.
    expect(new Set(rows.map((row) => row.family)).size).toBe(rows.length);
    expect(rows.map((row) => row.family)).toEqual(
      expect.arrayContaining(['Violence', 'Law enforcement', 'Money and trade', 'Membership and leadership', 'Places']),
    );
    expect(rows.flatMap((row) => row.types).sort()).toEqual(drawn.sort());
    for (const row of rows) {
      if (row.others.length > 0) for (const other of row.others) expect(linkStyle(other.type).color, other.type).toBe(other.stroke);
      else for (const type of row.types) expect(linkStyle(type).color, type).toBe(row.stroke);
    }
    // Each family its own colour; places (dotted) do not draw like violence (solid).
    expect(new Set(rows.map((row) => row.stroke)).size).toBe(rows.length);
    const dashOf = (type: string) => rows.find((row) => row.types.includes(type))!.dash;
    expect(linkFamily('OPERATES_IN')).toBe('geography');
    expect(dashOf('OPERATES_IN')).not.toBe(dashOf('PERPETRATOR_OF'));
  });

  it('labels relationships at rest once zoomed in enough to read them, without covering each other', async () => {
    await page.keyboard.press('Escape');
    const shownAt = async () => (await page.evaluate(() => window.__nexo!.edgeLabels())) as LabelBox[];
    await zoomUntil('-', (zoom) => zoom < 0.7);
    await page.waitForTimeout(400);
    expect(await shownAt()).toEqual([]);
    await screenshots('labels-zoomed-out');

    await page.locator('.canvas').focus();
    await page.keyboard.press('f');
    await zoomUntil('+', (zoom) => zoom >= 1.2);
    await page.waitForTimeout(600);
    const labels = await shownAt();
    expect(labels.length).toBeGreaterThan(3);
    expect(overlapping(labels)).toEqual([]);
    await screenshots('labels-at-rest', { readme: true });
  });

  it('a hover card tells a node and a link: name or type, dates, first quote', async () => {
    await page.locator('.canvas').focus();
    await page.keyboard.press('f');
    await page.waitForTimeout(500);
    const card = page.getByRole('tooltip');
    const event = 'event:1980-shining-path-declaration-of-war';
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      // The canvas resizes with the window: fit the drawing to it again, as a user would after resizing.
      await page.locator('.canvas').focus();
      await page.keyboard.press('f');
      await page.waitForTimeout(500);
      const point = await nodePoint(page, event);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      await card.getByText(names.get(event)!).waitFor();
      expect(await card.textContent()).toContain('Dates: 1980');
      expect(await card.locator('blockquote').count()).toBe(1);
      await screenshot(page, `hover-node-${size.width}`);
      await page.mouse.move(5, 5);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // A link's middle, on its curve: the first link whose middle no node or other link covers.
    const links = peruLinks.filter((link) => link.quotes && !link.date && !link.since && !link.until);
    let hovered: Link | undefined;
    for (const link of links.slice(0, 30)) {
      const middle = await nodePoint(page, `${link.source}-[${link.type}]->${link.target}`);
      await page.mouse.move(middle.x, middle.y);
      await page.waitForTimeout(150);
      const text = (await card.count()) > 0 ? ((await card.textContent()) ?? '') : '';
      if (text.includes(`—${link.type}`) && text.startsWith(names.get(link.source)!)) {
        hovered = link;
        break;
      }
    }
    expect(hovered, 'a link with a hover card').toBeDefined();
    expect(await card.textContent()).toContain('Undated');
    expect(await card.locator('blockquote').textContent()).toContain((hovered!.quotes as string[])[0]!.slice(0, 40));
    await screenshot(page, 'hover-link-1440', { readme: true });
    await page.mouse.move(5, 5);
  });

  it('the PNG export keeps the relationship labels that have room, even when the screen is zoomed out too far to read them', async () => {
    await zoomUntil('-', (zoom) => zoom < 0.5);
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Export' }).click();
        await page.getByRole('menuitem', { name: /PNG/ }).click();
      })(),
    ]);
    const file = path.join(artifactsDir, 'readable-labels.png');
    await saved.saveAs(file);
    // What the export draws: the labels with room, in graph units, which the 2× export makes 20 px tall.
    const exported = (await page.evaluate(() => window.__nexo!.edgeLabels({ exported: true }))) as LabelBox[];
    expect(exported.length).toBeGreaterThan(3);
    expect(exported.length).toBeLessThan(peruLinks.length);
    expect(overlapping(exported)).toEqual([]);
    expect(readFileSync(file).subarray(1, 4).toString('ascii')).toBe('PNG');
  });
});

describe('time that means something', { timeout: 150_000 }, () => {
  it('the Filters tab starts with the time filter and its timeline of dated links', async () => {
    await page.getByRole('tab', { name: 'Filters' }).click();
    const filters = page.getByRole('region', { name: 'Legend and filters' });
    expect((await filters.locator('h3').first().textContent())?.trim()).toBe('Time');
    const bars = filters.locator('.timeline rect.timeline-bar');
    const dated = peruLinks.filter((link) => link.date || link.since || link.until).length;
    expect(dated).toBeGreaterThan(5);
    expect(await bars.count()).toBeGreaterThan(3);
  });

  it('brushing the timeline sets the year range; undated items can be shown, dimmed or hidden', async () => {
    const filters = page.getByRole('region', { name: 'Legend and filters' });
    const all = await relationshipsShown();
    const timeline = filters.locator('.timeline');
    const box = (await timeline.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    const range = await filters.locator('.year-values').textContent();
    expect(range).toMatch(/^\d{4} – \d{4}$/);
    const [low, high] = range!.split(' – ').map(Number);
    expect(low).toBeLessThan(high!);

    // Shown: undated items stay; only links dated outside the range go.
    const shown = await relationshipsShown();
    expect(shown).toBeLessThan(all);
    await filters.getByRole('radio', { name: 'Dim' }).check();
    await expect.poll(relationshipsShown).toBe(shown);
    await screenshots('timeline-dim', { readme: true });
    await filters.getByRole('radio', { name: 'Hide' }).check();
    await expect.poll(relationshipsShown).toBeLessThan(shown);
    const hidden = await relationshipsShown();
    expect(hidden).toBeGreaterThan(0);
    await screenshots('timeline-hide');
    // Undo takes the choice back, and the link keeps it.
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(relationshipsShown).toBe(shown);
    await filters.getByRole('radio', { name: 'Hide' }).check();
    await page.waitForTimeout(500);
    const second = await context.newPage();
    await second.goto(page.url());
    await second.getByRole('radio', { name: 'Hide' }).waitFor();
    await expect.poll(() => second.getByRole('radio', { name: 'Hide' }).isChecked()).toBe(true);
    await second.close();
    await filters.getByRole('radio', { name: 'Show' }).check();
    await filters.getByRole('button', { name: 'Show all years' }).click();
    await expect.poll(relationshipsShown).toBe(all);
  });
});

describe('the finding shared, on a small screen', { timeout: 150_000 }, () => {
  it('at 1280×720 a highlighted path keeps its names zoomed out, and both side panels fold away', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Clear canvas' }).click();
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
    await paths.getByRole('radio', { name: 'All shortest' }).check();
    await paths.getByRole('button', { name: 'Find paths' }).click();
    const found = paths.getByRole('list', { name: 'Paths found' });
    const financed = found.getByRole('button', { name: 'Abimael Guzmán —LEADER_OF→ Shining Path ←FINANCED— David Bazán Arévalo' });
    await financed.click();
    await until(async () => {
      const { nodes } = await canvasIds(page);
      return [GUZMAN, SHINING_PATH, BAZAN].every((id) => nodes.includes(id));
    }, 'the path on the canvas');
    // Zoomed out as far as a small screen's fit of a busy canvas would be.
    await zoomUntil('-', (zoom) => zoom < 0.45);
    await page.waitForTimeout(400);
    for (const id of [GUZMAN, SHINING_PATH, BAZAN]) expect(await page.evaluate((node) => window.__nexo!.nodeLabelShown(node), id), id).toBe(true);
    await screenshots('path-zoomed-out');

    const canvasWidth = async () => (await page.locator('.canvas').boundingBox())!.width;
    const before = await canvasWidth();
    await page.getByRole('button', { name: 'Fold the side panel' }).click();
    await expect.poll(canvasWidth).toBeGreaterThan(before + 150);
    const point = await nodePoint(page, SHINING_PATH);
    await page.mouse.click(point.x, point.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Shining Path' }).waitFor();
    const withDetails = await canvasWidth();
    await details.getByRole('button', { name: 'Fold the details' }).click();
    await expect.poll(canvasWidth).toBeGreaterThan(withDetails + 150);
    // Folded stays folded when the selection changes.
    const other = await nodePoint(page, GUZMAN);
    await page.mouse.click(other.x, other.y);
    await page.waitForTimeout(300);
    expect(await details.getByRole('button', { name: 'Show the details' }).count()).toBe(1);
    await screenshots('panels-folded');
    await details.getByRole('button', { name: 'Show the details' }).click();
    await page.getByRole('button', { name: 'Show the side panel' }).click();
    await page.getByRole('region', { name: 'Paths' }).waitFor();
  });

  it('"Copy link" gives an address that reopens the path highlight and its explanation', async () => {
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#view=');
    const second = await context.newPage();
    await second.setViewportSize({ width: 1280, height: 720 });
    await second.goto(link);
    const paths = second.getByRole('region', { name: 'Paths' });
    const sentence = paths.getByRole('button', { name: 'Abimael Guzmán —LEADER_OF→ Shining Path ←FINANCED— David Bazán Arévalo' });
    await sentence.waitFor();
    expect(await sentence.getAttribute('aria-pressed')).toBe('true');
    const quotes = await paths.getByRole('list', { name: 'Paths found' }).locator('blockquote').allTextContents();
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain('former leader of Shining Path');
    // The highlight itself: the path's relationships carry their labels and its names show at any zoom.
    await until(async () => {
      const labelled = (await second.evaluate(() => window.__nexo!.edgeLabels())) as LabelBox[];
      return labelled.some((label) => label.id.startsWith(`${GUZMAN}-[LEADER_OF]->`)) && labelled.some((label) => label.id.startsWith(`${BAZAN}-[FINANCED]->`));
    }, 'the path highlighted in the new tab');
    await second.waitForTimeout(600);
    await screenshot(second, 'shared-path-1280', { readme: true });
    await second.close();
  });

  it('looks right in the dark theme too', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.locator('.canvas').focus();
    await page.keyboard.press('f');
    await page.waitForTimeout(600);
    await screenshots('path-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });
});
