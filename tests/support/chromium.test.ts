import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumExecutable } from './chromium.js';

describe('the browser the tests drive', () => {
  const saved = process.env.NEXO_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXO_CHROMIUM;
    else process.env.NEXO_CHROMIUM = saved;
  });

  it('honours NEXO_CHROMIUM first', async () => {
    process.env.NEXO_CHROMIUM = '/opt/some/chromium';
    expect(await chromiumExecutable('/usr/bin/chromium')).toBe('/opt/some/chromium');
  });

  it('without Debian’s Chromium, runs the one shipped in the @sparticuz/chromium package', async () => {
    delete process.env.NEXO_CHROMIUM;
    const executable = await chromiumExecutable('/nonexistent/chromium');
    expect(executable).not.toBe('/nonexistent/chromium');
    expect(existsSync(executable)).toBe(true);
    const browser = await chromium.launch({ executablePath: executable, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="probe">Sendero Luminoso</p>');
      expect(await page.textContent('#probe')).toBe('Sendero Luminoso');
    } finally {
      await browser.close();
    }
  });
});
