// report.html: one self-contained page (inline CSS, script and data; no network) with national prevalence bars and a
// heat map of areas × failings whose cells open their evidence quotes. The table and bars are rendered here, so the
// page reads without its script; the script adds filters and the evidence panel.
import { CLIENT_SCRIPT } from './client.js';
import type { CategoryPrevalence } from '../aggregate/summary.js';
import type { ReportArea, ReportData } from './data.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import { categoryLabel, monthLabel, outcomeLabel } from './labels.js';
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
articles and council minutes), ${c.distinct_findings} distinct findings. Built ${h(summary.generated_at.slice(0, 10))}.</p>
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
<p class="note">Each row is a local area, each column a failing. Hover a cell for a summary; click it to read the
inspectors' words, with page and source.</p>
${filters(data.areas)}
<div class="legend">
<span><i style="background:var(--concern)"></i>found at the latest inspection</span>
<span><i style="background:var(--earlier)"></i>found at an earlier inspection only</span>
<span><b>2</b> = number of inspections that found it (a recurring failing)</span>
<span><i style="background:var(--none);box-shadow:inset 0 0 0 2px #9fd49a"></i>latest inspection noted a strength</span>
</div>
<div class="layout">
<div class="scroll">
<table class="heat">
<thead><tr><th scope="col">Area</th><th scope="col">Latest inspection</th>
${data.categories.map((cat) => `<th scope="col" class="cat" title="${h(cat)}"><span>${h(labels[cat]!)}</span></th>`).join('')}</tr></thead>
<tbody>
${data.areas.map((a) => areaRow(a, data.categories, labels)).join('\n')}
</tbody>
</table>
</div>
<aside id="panel" aria-live="polite"><p class="note">Click a coloured cell to read the evidence for it here.</p></aside>
</div>
</section>
<footer>Quotes are verbatim from the documents; read them in context before publishing. Articles and minutes are
grouped with the inspection they report. The full data: findings.db (SQLite, with full-text search), areas.csv,
findings.csv, summary.json.${c.errors ? ` ${c.errors} documents could not be read; summary.json lists them.` : ''}</footer>
<script type="application/json" id="report-data">${jsonForScript(embedded)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

function inspectionLabel(i: { framework: string | null; outcome: string | null; start: string | null }): string {
  const framework = i.framework ? `${i.framework} framework` : 'framework not stated';
  return `${framework} · ${i.start ? `inspected ${monthLabel(i.start)}` : 'dates not stated'} · ${outcomeLabel(i.outcome)}`;
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
<label>Outcome <select id="f-outcome"><option value="">All outcomes</option>${options(areas.map((a) => a.outcome ?? 'unknown'), (v) => (v === 'unknown' ? outcomeLabel(null) : outcomeLabel(v)))}</select></label>
<label>Area <input id="f-name" type="search" placeholder="name"></label>
<label><input id="f-recurring" type="checkbox"> recurring failings only</label>
<label>Sort <select id="f-sort"><option value="name">A–Z</option><option value="concerns">most concerns first</option><option value="region">by region</option></select></label>
<span id="shown"></span>
</form>`;
}

function areaRow(a: ReportArea, categories: string[], labels: Record<string, string>): string {
  const concerns = a.cells.filter((c) => c.state === 'latest').length;
  const latest = `Latest inspection: ${inspectionLabel({ ...a, start: a.inspection_start })}`;
  const cells = a.cells.map((cell, i) => {
    const cat = categories[i]!;
    const recurring = cell.foundBy >= 2;
    const classes = ['cell', `c-${cell.state}`, recurring ? 'recurring' : '', cell.strength ? 'has-strength' : ''].filter(Boolean);
    const inspections = recurring ? `; found by ${cell.foundBy} of ${a.inspections} inspections` : '';
    const strength = cell.strength ? '; the latest inspection also noted a strength' : '';
    const title = `${a.name} · ${labels[cat]}: ${STATE_TEXT[cell.state]}${inspections}${strength}`;
    const focusable = cell.state !== 'none' || cell.strength ? ' tabindex="0"' : '';
    return `<td class="${classes.join(' ')}" data-cat="${h(cat)}" title="${h(title)}"${focusable}>${recurring ? cell.foundBy : ''}</td>`;
  });
  return `<tr data-code="${h(a.la_code)}" data-name="${h(a.name)}" data-region="${h(a.region)}" data-outcome="${h(a.outcome ?? 'unknown')}" data-concerns="${concerns}">`
    + `<th scope="row" title="${h(`DfE ${a.la_code} · ${a.gss} · ${a.region}`)}">${h(a.name)}</th>`
    + `<td class="meta" title="${h(latest)}"><span class="badge o-${h(a.outcome ?? 'unknown')}">${h(outcomeLabel(a.outcome, 'short'))}</span> ${h(monthLabel(a.inspection_start))}</td>`
    + `${cells.join('')}</tr>`;
}
