import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../server/projectRoot.js';
import { launchChromium } from '../tests/support/chromium.js';
import type { BenchPage, FrameMeasure, LoadMeasure } from './ui/page.js';

export type UiMeasure = LoadMeasure & FrameMeasure;
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
 * Layout and pan/zoom frame figures of the app's canvas set-up in headless Chromium, one row per element count.
 * With `profileDir` (default: the BENCH_UI_PROFILE folder, if set), also writes a CPU profile (Chrome DevTools
 * Protocol) of each size's layout and of its panning, to open in Chrome's DevTools.
 */
export async function measureUi(
  elementCounts: number[],
  { profileDir = process.env.BENCH_UI_PROFILE, ...options }: { panMs: number; timeoutMs: number; profileDir?: string },
): Promise<UiRow[]> {
  // esbuild (already here through tsx) bundles the page with the client's own modules, as Vite does for the app.
  const bundle = await build({
    entryPoints: [path.join(projectRoot, 'bench', 'ui', 'page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minifyWhitespace: true,
    minifySyntax: true,
    // Identifiers stay, so CPU profiles (BENCH_UI_PROFILE) name the functions.
    minifyIdentifiers: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await launchChromium();
  const rows: UiRow[] = [];
  try {
    for (const elements of elementCounts) {
      // A fresh page per size, so one size's garbage and timers do not weigh on the next.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="width:1280px;height:800px"></div></body></html>');
        await page.addScriptTag({ content: script });
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
        const frames = await profiled('pan', async () => {
          await page.evaluate(() => (window as unknown as BenchWindow).nexoBench.startFrames());
          await panAndZoom(page, options.panMs);
          return page.evaluate(() => (window as unknown as BenchWindow).nexoBench.stopFrames());
        });
        rows.push({ ...loaded, ...frames });
      } catch (error) {
        rows.push({ elements, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
