import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/aggregate/index.js';
import { escapeHtml, jsonForScript } from '../../src/report/escape.js';
import { readCsv, tempDir } from '../helpers.js';
import { COUNCIL_QUOTE, HOSTILE_QUOTE, LEAD_IN, LIST_ITEM, PARENT_QUOTE, TAXONOMY, WHEELCHAIR_QUOTE, fixtureDocuments } from '../aggregate/fixtures.js';
import { openReport, type OpenedReport } from './browser.js';

describe('escaping', () => {
  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('embeds JSON that cannot close its script element and still parses to the same value', () => {
    const value = { q: '</script><script>alert(1)</script><!-- \u2028 & >' };
    const embedded = jsonForScript(value);
    expect(embedded).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(embedded)).toEqual(value);
  });
});

describe('report.html over made-up documents', () => {
  let out: string;
  let html: string;
  let areas: Record<string, string>[];
  let opened: OpenedReport;

  beforeAll(async () => {
    out = tempDir();
    await writeDataset({ documents: fixtureDocuments, errors: [], outDir: out, taxonomy: TAXONOMY });
    html = readFileSync(join(out, 'report.html'), 'utf8');
    // The heat map's rows: the areas a document reports on (areas.csv also has every area of the official table).
    areas = readCsv(join(out, 'areas.csv')).filter((r) => r.inspection_id !== '');
    opened = await openReport(join(out, 'report.html'));
  });

  afterAll(async () => {
    await opened?.browser.close();
  });

  it('is self-contained and lets no document text out of its data', () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=["']?https?:|@import/i);
    // Two script elements (data and code), so exactly two closing tags: none came from document text.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
  });

  it('renders in Chromium with no script error and no network request', () => {
    expect(opened.problems).toEqual([]);
  });

  it('draws one heat-map cell per area and category, coloured where areas.csv has the concern', async () => {
    const { page } = opened;
    expect(await page.locator('table.heat tbody tr').count()).toBe(areas.length);
    expect(await page.locator('td.cell').count()).toBe(areas.length * TAXONOMY.length);
    const ones = areas.reduce((n, row) => n + TAXONOMY.filter((c) => row[c] === '1').length, 0);
    expect(await page.locator('td.cell.c-latest').count()).toBe(ones);
    // Nottinghamshire's EHCP finding recurs across its 2016 and 2023 inspections: the cell says 2.
    expect(await page.locator('tr[data-code="891"] td[data-cat="ehcp-timeliness"]').textContent()).toBe('2');
  });

  it('shows the evidence of a clicked cell with page and every source', async () => {
    const { page } = opened;
    const cell = page.locator('tr[data-code="830"] td[data-cat="wheelchair-waits"]');
    expect(await cell.getAttribute('title')).toMatch(/Derbyshire · Wheelchair waits: found at the latest inspection/);
    await cell.click();
    const panel = page.locator('#panel');
    expect(await panel.locator('blockquote').allTextContents()).toEqual([`“${WHEELCHAIR_QUOTE}”`]);
    expect(await panel.locator('cite').textContent()).toBe('p. 1 · report: derbyshire-report.pdf · also reported by article: derbyshire-article.txt');
    expect(await panel.locator('h4').textContent()).toMatch(/2023 framework · inspected Sep 2024 · Widespread or systemic failings/);
  });

  it("shows each area's 2016–22 inspection from Ofsted's table beside its 2023 one", async () => {
    const { page } = opened;
    const derby = page.locator('table.heat tr[data-code="831"] td.meta');
    expect(await derby.allTextContents()).toEqual(['WSoA (2016) Jun 2019', '—']);
    expect(await derby.last().getAttribute('title')).toBe('No 2023-framework inspection documented');
    expect(await derby.first().getAttribute('title')).toBe(
      "2016–22, from Ofsted's official table: Written statement of action required (2016 framework) (5 significant weaknesses), inspected Jun 2019, published Aug 2019; revisit: Sufficient progress on all weaknesses, Oct 2021",
    );
    expect(await page.locator('table.heat tr[data-code="830"] td.meta').allTextContents()).toEqual(['No WSoA (2016) Nov 2016', 'Systemic failings Sep 2024']);
    const all = page.locator('table.frameworks tbody tr');
    expect(await all.count()).toBe(149);
    expect(await page.locator('table.frameworks tr[data-code="330"] td').allTextContents()).toEqual([
      'West Midlands', 'WSoA (2016)', '2018-06-25', '2018-09-10', '13', 'Some progressed (1 of 13), May 2021', 'none documented ',
    ]);
    // Derby's blog gives no date: the panel dates the inspection from Ofsted's table.
    await page.locator('table.heat tr[data-code="831"] td[data-cat="tribunals"]').click();
    expect(await page.locator('#panel h4').textContent()).toBe('Concern · 2016 framework · inspected Jun 2019 · Written statement of action required (2016 framework)');
    expect(await page.locator('ul.contradictions li').allTextContents()).toEqual([
      expect.stringMatching(/^Nottinghamshire: the document says a written statement of action was required.*nottinghamshire-2016-report\.pdf$/),
    ]);
  });

  it("shows a list item after its lead-in, and the council's and others' words only when asked", async () => {
    const { page } = opened;
    await page.locator('tr[data-code="830"] td[data-cat="ehcp-timeliness"]').click();
    const quotes = () => page.locator('#panel blockquote').allTextContents();
    expect(await quotes()).toContain(`“${LEAD_IN} … ${LIST_ITEM}”`);
    expect(await quotes()).not.toContain(`“${COUNCIL_QUOTE}”`);
    expect(await page.locator('#panel').textContent()).toContain('The council or others also said something here');
    await page.check('#f-voices');
    expect(await quotes()).toEqual(expect.arrayContaining([`“${COUNCIL_QUOTE}”`, `“${PARENT_QUOTE}”`]));
    expect(await page.locator('#panel h4.voice').allTextContents()).toEqual([
      expect.stringMatching(/^Strength · the council’s words · 2023 framework/), expect.stringMatching(/^Concern · others’ words/),
    ]);
    // A failing only others spoke of: the cell is not coloured but opens their words.
    const tribunals = page.locator('tr[data-code="830"] td[data-cat="tribunals"]');
    expect(await tribunals.getAttribute('class')).toBe('cell c-none has-others');
    await tribunals.click();
    expect(await quotes()).toEqual(['“Parents told us appeals to the tribunal take a year to be heard.”']);
    await page.uncheck('#f-voices');
    expect(await quotes()).toEqual([]);
  });

  it('shows hostile document text as text', async () => {
    const { page } = opened;
    await page.locator('tr[data-code="891"] td[data-cat="parent-engagement"]').click();
    expect(await page.locator('#panel blockquote').textContent()).toBe(`“${HOSTILE_QUOTE}”`);
    expect(await page.locator('#panel img').count()).toBe(0);
    expect(opened.problems).toEqual([]);
  });

  it('filters by region and outcome, recounting the prevalence bars for the areas shown', async () => {
    const { page } = opened;
    const bar = page.locator('.bars li[data-cat="part-time-timetables"] .value');
    expect(await bar.textContent()).toBe('2 of 4 (50%)');
    await page.selectOption('#f-region', 'West Midlands');
    expect(await page.locator('table.heat tbody tr:visible').count()).toBe(1);
    expect(await bar.textContent()).toBe('1 of 1 (100%)');
    await page.selectOption('#f-region', '');
    await page.selectOption('#f-outcome', 'systemic-failings');
    expect(await page.locator('table.heat tbody tr:visible th').allTextContents()).toEqual(['Derbyshire', 'Nottinghamshire', 'Worcestershire']);
    // Either framework's outcome: Derby and Worcestershire had a WSoA in 2016–22.
    await page.selectOption('#f-outcome', 'wsoa');
    expect(await page.locator('table.heat tbody tr:visible th').allTextContents()).toEqual(['Derby', 'Worcestershire']);
    await page.selectOption('#f-outcome', '');
    await page.check('#f-recurring');
    expect(await page.locator('table.heat tbody tr:visible th').allTextContents()).toEqual(['Nottinghamshire', 'Worcestershire']);
    await page.uncheck('#f-recurring');
  });

  it('saves a screenshot to look at', async () => {
    const { page } = opened;
    await page.locator('tr[data-code="830"] td[data-cat="wheelchair-waits"]').click();
    const path = join(tmpdir(), 'findings-report-fixture.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(png.length).toBeGreaterThan(10_000);
    console.log(`report screenshot: ${path}`);
  });
});
