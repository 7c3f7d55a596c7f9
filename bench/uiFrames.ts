import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { projectRoot } from '../server/projectRoot.js';
import { launchChromium } from '../tests/support/chromium.js';
import type { BenchPage, FrameMeasure, LoadMeasure, ReopenMeasure } from './ui/page.js';

export type UiMeasure = LoadMeasure & ReopenMeasure & FrameMeasure;
export type UiRow = UiMeasure | { elements: number; error: string };

type BenchWindow = Window & { nexoBench: BenchPage };

/**
 * Pans and zooms for `panMs` as a user does, with real mouse input: a drag on the background, wheel notches in then
 * out at the cursor, the drag back. Cytoscape's gesture-time shortcuts (moving a snapshot, hiding edges) only apply
 * to such input, never to programmatic pan and zoom.
 */
async function panAndZoom(page: Page, panMs: number): Promise<void> {
  const start = await page.evaluate(() => (window as unknown as BenchWindow).nexoBench.backgroundPoint());
  const away = { x: start.x + 260, y: start.y + 140 };
  const began = Date.now();
  let at = start;
  while (Date.now() - began < panMs) {
    const to = at === start ? away : start;
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 25 });
    await page.mouse.up();
    // Zooming around the cursor keeps the background under it, so the next drag starts on the background again.
    for (const deltaY of [-60, -60, -60, -60, 60, 60, 60, 60]) await page.mouse.wheel(0, deltaY);
    at = to;
  }
}

/**
 * Builds bench/ui/index.html with Vite, as `npm run build:client` builds the app, so the layout worker is bundled as
 * its own file and started by the same `new Worker(new URL(...))`. Not minified: CPU profiles (BENCH_UI_PROFILE) then
 * name the functions.
 */
async function buildPage(): Promise<string> {
  const outDir = path.join(projectRoot, '.data', 'bench-ui');
  await build({
    configFile: false,
    root: path.join(projectRoot, 'bench', 'ui'),
    base: './',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, minify: false, target: 'chrome120', chunkSizeWarningLimit: 5000 },
    worker: { format: 'es' },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built page over HTTP on a free loopback port: a worker needs a real origin, as in the app. */
async function servePage(folder: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const name = path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^([/\\])+/, '') || 'index.html';
    try {
      const body = readFileSync(path.join(folder, name));
      response.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/**
 * Layout and pan/zoom frame figures of the app's canvas set-up in headless Chromium, one row per element count.
 * With `profileDir` (default: the BENCH_UI_PROFILE folder, if set), also writes a CPU profile (Chrome DevTools
 * Protocol) of each size's layout and of its panning, to open in Chrome's DevTools.
 */
export async function measureUi(
  elementCounts: number[],
  { profileDir = process.env.BENCH_UI_PROFILE, ...options }: { panMs: number; timeoutMs: number; profileDir?: string },
): Promise<UiRow[]> {
  const site = await servePage(await buildPage());
  const browser = await launchChromium();
  const rows: UiRow[] = [];
  try {
    for (const elements of elementCounts) {
      // A fresh page per size, so one size's garbage and timers do not weigh on the next.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(site.url);
        page.setDefaultTimeout(options.timeoutMs);
        const profiler = profileDir ? await page.context().newCDPSession(page) : undefined;
        const profiled = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
          if (!profiler) return work();
          await profiler.send('Profiler.enable');
          await profiler.send('Profiler.start');
          const result = await work();
          const { profile } = await profiler.send('Profiler.stop');
          mkdirSync(profileDir!, { recursive: true });
          writeFileSync(path.join(profileDir!, `ui-${elements}-${name}.cpuprofile`), JSON.stringify(profile));
          return result;
        };
        const loaded = await profiled('layout', () => page.evaluate((count) => (window as unknown as BenchWindow).nexoBench.load(count), elements));
        const reopened = await profiled('reopen', () => page.evaluate(() => (window as unknown as BenchWindow).nexoBench.reopen()));
        const frames = await profiled('pan', async () => {
          await page.evaluate(() => (window as unknown as BenchWindow).nexoBench.startFrames());
          await panAndZoom(page, options.panMs);
          return page.evaluate(() => (window as unknown as BenchWindow).nexoBench.stopFrames());
        });
        rows.push({ ...loaded, ...reopened, ...frames });
      } catch (error) {
        rows.push({ elements, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => site.server.close(resolve));
  }
  return rows;
}
