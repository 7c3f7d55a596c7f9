import { build } from 'esbuild';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from '../server/projectRoot.js';
import type { UiMeasure } from './ui/page.js';

export type UiRow = UiMeasure | { elements: number; error: string };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Layout and pan/zoom frame figures of the app's Cytoscape set-up in headless Chromium, one row per element count. */
export async function measureUi(elementCounts: number[], options: { panMs: number; timeoutMs: number }): Promise<UiRow[]> {
  // esbuild (already here through tsx) bundles the page with the client's own modules, as Vite does for the app.
  const bundle = await build({
    entryPoints: [path.join(projectRoot, 'bench', 'ui', 'page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows: UiRow[] = [];
  try {
    for (const elements of elementCounts) {
      // A fresh page per size, so one size's garbage and timers do not weigh on the next.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="width:1280px;height:800px"></div></body></html>');
        await page.addScriptTag({ content: script });
        page.setDefaultTimeout(options.timeoutMs);
        const row = await page.evaluate(
          ([count, panMs]) => (window as unknown as { nexoBench: { measure(n: number, ms: number): Promise<UiMeasure> } }).nexoBench.measure(count!, panMs!),
          [elements, options.panMs],
        );
        rows.push(row);
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
