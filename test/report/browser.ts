// Opens a report in headless Debian Chromium (installed by `npm test` itself: scripts/setup-system.mjs) and fails any request that leaves the file.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface OpenedReport {
  browser: Browser;
  page: Page;
  /** Script errors and requests to anywhere but the report file itself. */
  problems: string[];
}

export async function openReport(path: string, viewport = { width: 1400, height: 1000 }): Promise<OpenedReport> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "node scripts/setup-system.mjs test" (npm test does) or apt-get install -y chromium`);
  // Playwright gives each launch a fresh temporary profile (--user-data-dir).
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `file://${path}`) return route.continue();
    problems.push(`request: ${url}`);
    return route.abort();
  });
  await page.goto(`file://${path}`);
  return { browser, page, problems };
}
