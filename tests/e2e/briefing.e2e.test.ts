import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindStyle } from '../../client/src/graph/style.js';
import { projectRoot } from '../../server/projectRoot.js';
import { openTestDatabase } from '../support/testDatabase.js';
import { artifactsDir, buildClientIfStale, canvasIds, launchChromium, screenshot, startExplorer, warmUp } from './harness.js';

const db = openTestDatabase();
let server: Server;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const SHINING_PATH = 'organization:shining-path';
const dataset = new Map(
  (JSON.parse(readFileSync(path.join(projectRoot, 'data', 'peru', 'nodes.json'), 'utf8')) as { id: string; kind: string; name: string }[]).map((node) => [
    node.id,
    node,
  ]),
);

const relationships = JSON.parse(readFileSync(path.join(projectRoot, 'data', 'peru', 'relationships.json'), 'utf8')) as {
  type: string;
  source: string;
  target: string;
}[];
let neighbourhood: { nodes: unknown[]; edges: unknown[] };

/** A view file of `centre` and every node linked to it in the Peru data, with the links among them. */
function neighbourhoodFile(centre: string): string {
  const ids = new Set([centre]);
  for (const link of relationships) if (link.source === centre || link.target === centre) ids.add(link.source).add(link.target);
  neighbourhood = {
    nodes: [...ids].map((id) => ({ id, labels: ['Entity', dataset.get(id)!.kind], name: dataset.get(id)!.name, properties: {} })),
    edges: relationships
      .filter((link) => ids.has(link.source) && ids.has(link.target))
      .map((link) => ({
        id: `${link.source}-[${link.type}]->${link.target}`,
        type: link.type,
        source: link.source,
        target: link.target,
        properties: { source: 'peru-organised-crime' },
      })),
  };
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, 'briefing-view.json');
  writeFileSync(file, JSON.stringify({ format: 'nexo-view', version: 1, ...neighbourhood }));
  return file;
}

/** canvas2svg writes `rgba(…)` fills as `rgb(r,g,b)` plus an opacity; the kind colours are hex. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${value >> 16},${(value >> 8) & 255},${value & 255})`;
}

async function download(item: RegExp, name: string): Promise<string> {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: item }).click();
    })(),
  ]);
  const file = path.join(artifactsDir, name);
  await saved.saveAs(file);
  return file;
}

beforeAll(async () => {
  buildClientIfStale();
  let url: string;
  ({ server, url } = await startExplorer(db));
  await warmUp(url);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(url);
  // An imported view, not an expansion: the view is the same on every run and needs no database query to appear.
  await page.getByLabel('Import a view from JSON').setInputFiles(neighbourhoodFile(SHINING_PATH));
  await page.waitForFunction((count) => window.__nexo?.nodeIds().length === count, neighbourhood.nodes.length);
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(1500);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.close();
});

describe('exports fit for a briefing', { timeout: 150_000 }, () => {
  it('the SVG has a shape and a whole label for every node on the canvas, Events and Locations included', async () => {
    const { nodes } = await canvasIds(page);
    const onCanvas = nodes.map((id) => dataset.get(id)!);
    const kinds = [...new Set(onCanvas.map((node) => node.kind))];
    expect(kinds).toEqual(expect.arrayContaining(['Event', 'Location', 'Organization']));

    const svg = readFileSync(await download(/SVG/, 'briefing.svg'), 'utf8');
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: document.querySelector('parsererror')?.textContent ?? '',
        icons: document.querySelectorAll('image').length,
        fills: [...document.querySelectorAll('path')].map((shape) => shape.getAttribute('fill') ?? ''),
        texts: [...document.querySelectorAll('text')].map((label) => ({
          text: label.textContent ?? '',
          fill: label.getAttribute('fill') ?? '',
          stroke: label.getAttribute('stroke') ?? '',
        })),
      };
    }, svg);
    expect(parsed.error).toBe('');
    expect(parsed.icons).toBe(onCanvas.length);

    for (const kind of kinds) {
      const expected = onCanvas.filter((node) => node.kind === kind).length;
      const shapes = parsed.fills.filter((fill) => fill.replace(/\s/g, '') === rgb(kindStyle(kind).color)).length;
      expect({ kind, shapes }).toEqual({ kind, shapes: expected });
    }

    // A label painted with a node's fill or border is the symptom of a shape drawn onto it.
    const kindFills = new Set(kinds.map((kind) => rgb(kindStyle(kind).color)));
    expect(parsed.texts.filter((label) => kindFills.has(label.fill.replace(/\s/g, '')) || (label.stroke !== '' && label.stroke !== 'none'))).toEqual([]);
    const written = parsed.texts.map((label) => label.text).join(' ');
    for (const node of onCanvas) for (const word of node.name.split(/\s+/)) expect(written, node.name).toContain(word);
    expect(consoleErrors.filter((message) => message.includes('Attempted to apply path'))).toEqual([]);
  });

  it('the PNG is framed for a briefing: a title band above, the legend of kinds and the source credit below', async () => {
    const file = await download(/PNG/, 'briefing.png');
    await screenshot(page, 'briefing-view');
    const bytes = readFileSync(file).toString('base64');
    const framed = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const colours = (top: number, bottom: number) => {
        const seen = new Set<string>();
        const pixels = context.getImageData(0, top, image.width, bottom - top).data;
        for (let index = 0; index < pixels.length; index += 4)
          seen.add(`#${[pixels[index]!, pixels[index + 1]!, pixels[index + 2]!].map((value) => value.toString(16).padStart(2, '0')).join('')}`);
        return [...seen];
      };
      // 2× scale: the title band is the top 100 px, the legend and one credit line the bottom 130 px.
      return { title: colours(0, 100).length, footer: colours(image.height - 130, image.height) };
    }, bytes);
    // Text is drawn with anti-aliasing: many shades in the title band, where a bare drawing has only its background.
    expect(framed.title).toBeGreaterThan(10);
    for (const kind of ['Event', 'Location', 'Organization']) expect(framed.footer).toContain(kindStyle(kind).color);
  });

  it('the report opens as a page with the picture, the numbered sources and the credit, and prints to PDF', async () => {
    const file = await download(/Report/, 'briefing-report.html');
    const report = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await report.goto(`file://${file}`);
    await report.locator('figure img').evaluate((image: HTMLImageElement) => image.decode());
    expect(await report.locator('figure img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(1000);
    expect(await report.locator('h1').textContent()).toBe(`${neighbourhood.nodes.length} entities, ${neighbourhood.edges.length} relationships`);
    expect(await report.locator('ol > li').count()).toBe(neighbourhood.edges.length);
    expect(await report.locator('.credits').textContent()).toContain('CC BY-SA 4.0');
    await screenshot(report, 'briefing-report');
    const pdf = await report.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString('ascii')).toBe('%PDF');
    await report.close();
  });

  it('in the dark theme at 1280×720 the framed PNG takes the dark canvas colour', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForTimeout(600);
    await screenshot(page, 'briefing-view-dark-1280');
    const file = await download(/PNG/, 'briefing-dark.png');
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.canvas')!).getPropertyValue('--canvas-bg').trim());
    const corner = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const [red, green, blue] = context.getImageData(2, 2, 1, 1).data;
      return `#${[red!, green!, blue!].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
    }, readFileSync(file).toString('base64'));
    expect(corner).toBe(background.toLowerCase());
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });
});
