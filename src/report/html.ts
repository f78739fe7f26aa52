// report.html: one self-contained page (inline CSS, script and data; no network) with national prevalence bars, a
// heat map of areas × failings whose cells open their evidence quotes, and every area's 2016–22 inspection (from
// Ofsted's official table) beside its 2023 one. The tables and bars are rendered here, so the page reads without its
// script; the script adds filters and the evidence panel.
import { CLIENT_SCRIPT } from './client.js';
import type { CategoryPrevalence } from '../aggregate/summary.js';
import type { Frameworks, ReportArea, ReportData } from './data.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import { categoryLabel, monthLabel, outcomeLabel, revisitLabel } from './labels.js';
import { STYLES } from './styles.js';

const STATE_TEXT = {
  latest: 'found at the latest inspection',
  earlier: 'found at an earlier inspection, not the latest',
  none: 'not found',
} as const;

export function renderReport(data: ReportData): string {
  const { summary } = data;
  const labels = Object.fromEntries(data.categories.map((c) => [c, categoryLabel(c)]));
  const inspections = Object.fromEntries(
    Object.entries(data.inspections).map(([id, i]) => [id, { label: inspectionLabel(i) }]),
  );
  const embedded = { categories: data.categories, labels, inspections, documents: data.documents, evidence: data.evidence };
  const c = summary.counts;
  const o = summary.official;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Area SEND inspections: failings by area</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>Failings found by area SEND inspections</h1>
<p class="lede">${c.areas} areas, ${c.inspections} inspections, ${c.documents} documents (inspection reports, news
articles and council minutes), ${c.distinct_findings} distinct findings. Built ${h(summary.generated_at.slice(0, 10))}.
Ofsted's official record of 2016–22 inspections covers ${o.areas} areas: ${o.by_outcome.wsoa} had to produce a written
statement of action.</p>
</header>
<section>
<h2>How common is each failing?</h2>
<p class="note">Share of inspected areas whose latest inspection found the concern<span id="filter-note"></span>, most common first.</p>
<ol class="bars">
${[...summary.prevalence].sort((a, b) => b.national.share - a.national.share).map((p) => prevalenceBar(p, labels[p.category]!)).join('\n')}
</ol>
</section>
<section>
<h2>Area by area</h2>
<p class="note">Each row is a local area with a documented inspection, each column a failing found by its inspectors.
Hover a cell for a summary; click it to read the inspectors' words, with page and source. The 2016–22 column is
Ofsted's official record; the 2023 column, the latest inspection under the current framework the documents report.</p>
${filters(data.areas)}
<div class="legend">
<span><i style="background:var(--concern)"></i>found at the latest inspection</span>
<span><i style="background:var(--earlier)"></i>found at an earlier inspection only</span>
<span><b>2</b> = number of inspections that found it (a recurring failing)</span>
<span><i style="background:var(--none);box-shadow:inset 0 0 0 2px #9fd49a"></i>latest inspection noted a strength</span>
<span><i class="others-mark"></i>the council or others said something (tick “council's and others' words” to read it)</span>
</div>
<div class="layout">
<div class="scroll">
<table class="heat">
<thead><tr><th scope="col">Area</th><th scope="col">2016–22</th><th scope="col">2023</th>
${data.categories.map((cat) => `<th scope="col" class="cat" title="${h(cat)}"><span>${h(labels[cat]!)}</span></th>`).join('')}</tr></thead>
<tbody>
${data.areas.map((a) => areaRow(a, data.categories, labels)).join('\n')}
</tbody>
</table>
</div>
<aside id="panel" aria-live="polite"><p class="note">Click a coloured cell to read the evidence for it here.</p></aside>
</div>
</section>
${frameworksSection(data.frameworks, summary)}
<footer>Quotes are verbatim from the documents; read them in context before publishing. Articles and minutes are
grouped with the inspection they report. The full data: findings.db (SQLite, with full-text search), areas.csv,
findings.csv, summary.json. 2016–22 outcomes and revisits: ${h(o.source)}; contains public sector information licensed
under the Open Government Licence v3.0.${c.errors ? ` ${c.errors} documents could not be read; summary.json lists them.` : ''}</footer>
<script type="application/json" id="report-data">${jsonForScript(embedded)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

function inspectionLabel(i: { framework: string | null; outcome: string | null; start: string | null; revisit: boolean }): string {
  const framework = i.framework ? `${i.framework} framework` : 'framework not stated';
  const visit = i.revisit ? 'revisited' : 'inspected';
  const outcome = i.revisit ? '' : ` · ${outcomeLabel(i.outcome)}`;
  return `${framework} · ${i.start ? `${visit} ${monthLabel(i.start)}` : 'dates not stated'}${outcome}`;
}

function prevalenceBar(p: CategoryPrevalence, label: string): string {
  const { with_concern, areas, share } = p.national;
  const pct = `${(share * 100).toFixed(1)}%`;
  return `<li data-cat="${h(p.category)}"><span class="label">${h(label)}</span><span class="track"><span class="bar" style="width:${pct}"></span><span class="tick" style="left:${pct}"></span></span><span class="value">${with_concern} of ${areas} (${Math.round(share * 100)}%)</span></li>`;
}

function filters(areas: ReportArea[]): string {
  const options = (values: (string | null)[], label: (v: string) => string) =>
    [...new Set(values.filter((v): v is string => v !== null))]
      .sort()
      .map((v) => `<option value="${h(v)}">${h(label(v))}</option>`)
      .join('');
  return `<form class="filters" onsubmit="return false">
<label>Region <select id="f-region"><option value="">All regions</option>${options(areas.map((a) => a.region), (v) => v)}</select></label>
<label>Outcome <select id="f-outcome"><option value="">All outcomes</option>${options(areas.flatMap(outcomesOf), (v) => (v === 'unknown' ? outcomeLabel(null) : outcomeLabel(v)))}</select></label>
<label>Area <input id="f-name" type="search" placeholder="name"></label>
<label><input id="f-recurring" type="checkbox"> recurring failings only</label>
<label><input id="f-voices" type="checkbox"> council's and others' words</label>
<label>Sort <select id="f-sort"><option value="name">A–Z</option><option value="concerns">most concerns first</option><option value="region">by region</option></select></label>
<span id="shown"></span>
</form>`;
}

/** The outcomes an area's row answers to in the outcome filter: its 2016–22 and 2023 ones, or "unknown". */
function outcomesOf(a: Frameworks): string[] {
  const outcomes = [a.outcome_2016, a.outcome_2023].filter((o): o is string => o !== null);
  return outcomes.length ? outcomes : ['unknown'];
}

/** The 2016–22 inspection in words, saying where it comes from. */
function official2016(a: Frameworks): string {
  if (a.outcome_2016 === null && a.inspection_2016_start === null) return 'No 2016–22 inspection on record';
  const from = a.source_2016 === 'official-table' ? "Ofsted's official table" : 'the documents (not in the official table)';
  const weaknesses = a.weaknesses_2016 === null ? '' : ` (${a.weaknesses_2016} significant weaknesses)`;
  const dates = `inspected ${monthLabel(a.inspection_2016_start)}${a.inspection_2016_published ? `, published ${monthLabel(a.inspection_2016_published)}` : ''}`;
  const revisit = a.revisit_2016_result ? `; revisit: ${revisitLabel(a.revisit_2016_result, a.revisit_2016_start, a.weaknesses_progressed_2016, a.weaknesses_2016)}` : '';
  return `2016–22, from ${from}: ${outcomeLabel(a.outcome_2016)}${weaknesses}, ${dates}${revisit}`;
}

/** A framework's outcome and month in a heat-map row; a dash where the area has no such inspection on record. */
function badge(outcome: string | null, date: string | null, title: string, extra = ''): string {
  if (outcome === null && date === null) return `<td class="meta none${extra}" title="${h(title)}">—</td>`;
  return `<td class="meta${extra}" title="${h(title)}"><span class="badge o-${h(outcome ?? 'unknown')}">${h(outcomeLabel(outcome, 'short'))}</span> ${h(date === null ? '' : monthLabel(date))}</td>`;
}

function frameworksSection(rows: Frameworks[], summary: ReportData['summary']): string {
  const o = summary.official;
  const revisits = Object.entries(o.revisits).map(([r, n]) => `${n} ${revisitLabel(r, null, null, null).toLowerCase()}`).join(', ');
  const contradictions = summary.contradictions.length
    ? `<h3>Documents that disagree with Ofsted's table</h3><ul class="contradictions">${summary.contradictions
      .map((c) => `<li><b>${h(c.area)}</b>: ${h(c.message)} — ${h(c.source)}</li>`).join('')}</ul>`
    : '';
  const row = (a: Frameworks) => `<tr data-code="${h(a.la_code)}"><th scope="row">${h(a.name)}</th><td>${h(a.region)}</td>`
    + `<td><span class="badge o-${h(a.outcome_2016 ?? 'unknown')}">${h(outcomeLabel(a.outcome_2016, 'short'))}</span>${a.source_2016 === 'documents' ? ' <span class="src" title="from the documents: not in the official table">docs</span>' : ''}</td>`
    + `<td>${h(a.inspection_2016_start ?? '')}</td><td>${h(a.inspection_2016_published ?? '')}</td><td class="num">${h(a.weaknesses_2016)}</td>`
    + `<td>${a.revisit_2016_result ? h(revisitLabel(a.revisit_2016_result, a.revisit_2016_start, a.weaknesses_progressed_2016, a.weaknesses_2016, 'short')) : ''}</td>`
    + `<td><span class="badge o-${h(a.outcome_2023 ?? 'unknown')}">${h(a.outcome_2023 ? outcomeLabel(a.outcome_2023, 'short') : 'none documented')}</span> ${h(a.inspection_2023_start ? monthLabel(a.inspection_2023_start) : '')}</td></tr>`;
  return `<section>
<h2>Both frameworks, area by area</h2>
<p class="note">Every area's 2016–22 inspection from Ofsted's official table (${o.areas} areas: ${o.by_outcome.wsoa} required a
written statement of action, ${o.by_outcome['no-wsoa']} did not; revisits: ${h(revisits)}), beside its latest 2023-framework
inspection where a document reports one. ${o.areas_with_documents} of the ${o.areas} areas have documents in this dataset.</p>
${contradictions}
<div class="scroll"><table class="frameworks">
<thead><tr><th scope="col">Area</th><th scope="col">Region</th><th scope="col">2016–22 outcome</th><th scope="col">Inspected</th>
<th scope="col">Published</th><th scope="col">Weaknesses</th><th scope="col">Revisit</th><th scope="col">2023 framework</th></tr></thead>
<tbody>
${rows.map(row).join('\n')}
</tbody>
</table></div>
</section>`;
}

function areaRow(a: ReportArea, categories: string[], labels: Record<string, string>): string {
  const concerns = a.cells.filter((c) => c.state === 'latest').length;
  const latest2023 = a.outcome_2023 === null ? 'No 2023-framework inspection documented' : `2023 framework: ${outcomeLabel(a.outcome_2023)}, inspected ${monthLabel(a.inspection_2023_start)}`;
  const cells = a.cells.map((cell, i) => {
    const cat = categories[i]!;
    const recurring = cell.foundBy >= 2;
    const classes = ['cell', `c-${cell.state}`, recurring ? 'recurring' : '', cell.strength ? 'has-strength' : '', cell.others ? 'has-others' : ''].filter(Boolean);
    const inspections = recurring ? `; found by ${cell.foundBy} of ${a.inspections} inspections` : '';
    const strength = cell.strength ? '; the latest inspection also noted a strength' : '';
    const title = `${a.name} · ${labels[cat]}: ${STATE_TEXT[cell.state]}${inspections}${strength}`;
    const focusable = cell.state !== 'none' || cell.strength || cell.others ? ' tabindex="0"' : '';
    return `<td class="${classes.join(' ')}" data-cat="${h(cat)}" title="${h(title)}"${focusable}>${recurring ? cell.foundBy : ''}</td>`;
  });
  const source2016 = a.source_2016 === 'documents' ? ' from-docs' : '';
  return `<tr data-code="${h(a.la_code)}" data-name="${h(a.name)}" data-region="${h(a.region)}" data-outcomes="${h(outcomesOf(a).join(' '))}" data-concerns="${concerns}">`
    + `<th scope="row" title="${h(`DfE ${a.la_code} · ${a.gss} · ${a.region}`)}">${h(a.name)}</th>`
    + badge(a.outcome_2016, a.inspection_2016_start, official2016(a), source2016)
    + badge(a.outcome_2023, a.inspection_2023_start, latest2023)
    + `${cells.join('')}</tr>`;
}
