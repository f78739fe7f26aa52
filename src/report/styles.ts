// The report's stylesheet, inlined so the file works offline and by itself.
export const STYLES = `
:root { --concern: #b2182b; --earlier: #f4a582; --none: #eeeeee; --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9d9;
  --accent: #0b57d0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; padding: 24px 24px 48px; line-height: 1.4; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 32px 0 4px; }
.lede, .note { color: var(--muted); margin: 0 0 12px; max-width: 70em; }
.bars { list-style: none; padding: 0; margin: 8px 0 0; max-width: 760px; }
.bars li { display: grid; grid-template-columns: 220px 1fr 150px; gap: 10px; align-items: center; padding: 2px 0; }
.bars .label { text-align: right; font-size: .9rem; }
.track { position: relative; height: 14px; background: var(--none); border-radius: 2px; }
.bar { position: absolute; inset: 0 auto 0 0; background: var(--concern); border-radius: 2px; }
.tick { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--ink); }
.bars .value { font-size: .85rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; margin: 8px 0 10px; font-size: .9rem; }
.filters select, .filters input[type=search] { font: inherit; padding: 3px 6px; }
#shown { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 18px; font-size: .85rem; color: var(--muted); margin-bottom: 10px; }
.legend i { display: inline-block; width: 14px; height: 14px; vertical-align: -2px; margin-right: 5px; border-radius: 2px; }
.layout { display: flex; gap: 20px; align-items: flex-start; }
.scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--line); }
table.heat { border-collapse: separate; border-spacing: 2px; font-size: .85rem; }
.heat thead th { position: sticky; top: 0; background: #fff; z-index: 1; vertical-align: bottom; font-weight: 600; }
.heat th.cat { padding: 4px 0; }
.heat th.cat span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block; font-size: .8rem; }
.heat tbody th { text-align: left; font-weight: 500; padding-right: 8px; min-width: 8em; max-width: 11em; }
.heat td.meta { white-space: nowrap; color: var(--muted); padding: 0 6px; }
.badge { display: inline-block; min-width: 7.5em; text-align: center; padding: 1px 6px; border-radius: 9px; font-size: .75rem; background: var(--none); color: var(--ink); }
.o-positive, .o-no-wsoa { background: #d9f0d3; } .o-inconsistent { background: #fee8a8; }
.o-systemic-failings, .o-wsoa { background: #f8c9c4; }
td.cell { width: 24px; min-width: 24px; height: 22px; background: var(--none); border-radius: 2px; text-align: center;
  color: #fff; font-size: .7rem; font-weight: 700; cursor: default; }
td.cell.c-latest { background: var(--concern); cursor: pointer; }
td.cell.c-earlier { background: var(--earlier); color: var(--ink); cursor: pointer; }
td.cell.c-none.has-strength { cursor: pointer; box-shadow: inset 0 0 0 2px #9fd49a; }
td.cell.has-others { cursor: pointer; background-image: linear-gradient(225deg, #6a51a3 5px, transparent 5px); }
.others-mark { background: var(--none) linear-gradient(225deg, #6a51a3 5px, transparent 5px); }
td.meta.from-docs .badge { outline: 1px dashed var(--muted); }
td.cell:hover, td.cell:focus { outline: 2px solid var(--ink); outline-offset: 0; }
td.cell.selected { outline: 3px solid var(--accent); }
#panel { flex: 0 0 320px; position: sticky; top: 12px; max-height: 80vh; overflow: auto; border: 1px solid var(--line);
  padding: 12px 16px; border-radius: 4px; background: #fafafa; }
#panel h3 { margin: 0 0 2px; font-size: 1.05rem; }
#panel h4 { margin: 14px 0 4px; font-size: .85rem; color: var(--muted); font-weight: 600; }
#panel h4.strength { color: #2e7d32; }
#panel ul { margin: 0; padding: 0; list-style: none; }
#panel li { margin: 0 0 10px; }
#panel blockquote { margin: 0; padding-left: 10px; border-left: 3px solid var(--concern); font-size: .92rem; }
#panel .strength + ul blockquote { border-left-color: #5aae61; }
#panel cite { display: block; font-style: normal; font-size: .78rem; color: var(--muted); margin-top: 2px; }
#panel .more { font-size: .8rem; color: var(--muted); }
#panel h4.voice { font-style: italic; }
table.frameworks { border-collapse: collapse; font-size: .85rem; }
table.frameworks th, table.frameworks td { text-align: left; padding: 2px 10px 2px 0; border-bottom: 1px solid #f0f0f0; white-space: nowrap; }
table.frameworks thead th { position: sticky; top: 0; background: #fff; }
table.frameworks td.num { text-align: right; }
.src { font-size: .7rem; color: var(--muted); border: 1px dashed var(--muted); border-radius: 6px; padding: 0 4px; }
ul.contradictions { font-size: .85rem; max-width: 70em; }
h3 { font-size: 1rem; margin: 16px 0 4px; }
footer { margin-top: 32px; font-size: .8rem; color: var(--muted); max-width: 70em; }
@media (max-width: 1100px) { .layout { flex-direction: column; } #panel { position: static; flex-basis: auto; width: auto; } }
`;
