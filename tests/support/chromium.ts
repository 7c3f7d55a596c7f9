import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Flags for a headless Chromium on a machine whose network reaches only the package registries. */
const HEADLESS_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser the tests and the bench drive, never a downloaded one: `NEXO_CHROMIUM` when set, else Debian's
 * Chromium when installed, else the Chromium that ships inside the `@sparticuz/chromium` npm package (unpacked once
 * to the temporary folder), so `npm test` needs nothing beyond `npm install` on a machine with Node, Java and Maven.
 */
export async function chromiumExecutable(debianPath = DEBIAN_CHROMIUM): Promise<string> {
  if (process.env.NEXO_CHROMIUM) return process.env.NEXO_CHROMIUM;
  if (existsSync(debianPath)) return debianPath;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export async function launchChromium(options: Omit<LaunchOptions, 'executablePath' | 'args'> = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: await chromiumExecutable(), args: HEADLESS_ARGS });
}
