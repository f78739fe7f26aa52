// Inspection events: the report, the articles and the minutes about one area's inspection are one event. Documents
// join an event of the same area when their frameworks agree (or one is unknown), both or neither are about a
// 2016–22 revisit, and their dates are compatible; an undated article is placed by the years it names. Reports are
// placed first, so they anchor the events.
import type { DocumentFacts, Kind } from '../records.js';

type Framework = NonNullable<DocumentFacts['framework']>;

/** The facts an inspection has, whichever of its documents states them. */
type InspectionFacts = Omit<DocumentFacts, 'area' | 'icb' | 'revisit' | 'improvement_notice'>;

/** What grouping needs of a document: its facts, and the years its text names (to place it when it has no dates). */
export interface DocFacts extends InspectionFacts {
  doc: string;
  source: string;
  /** What the document says a 2016–22 revisit found, when it is about one. */
  revisit: DocumentFacts['revisit'];
  kind: Kind;
  la_code: string | null;
  years: Map<number, number>;
}

export interface Inspection extends InspectionFacts {
  /** Readable and stable: DfE code, framework, start date ("830-2023-2024-09-23"; "undated" when no source gives one). */
  id: string;
  la_code: string;
  /** 1 for the area's earliest inspection; the highest is its latest. */
  sequence: number;
  docs: string[];
  has_report: boolean;
  /** The event is a 2016–22 revisit (its documents are about one). */
  revisit: boolean;
}

/** How far (in days) a document's inspection date may sit outside an event's visit and still be the same event. */
const DATE_SLACK_DAYS = 60;
const DAY_MS = 86_400_000;

export function yearsNamed(text: string): Map<number, number> {
  const years = new Map<number, number>();
  for (const m of text.matchAll(/\b(20[0-4]\d)\b/g)) {
    const y = Number(m[1]);
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  return years;
}

/** Groups documents into inspection events; `inspectionOf` maps each placed document to its event's id. */
export function groupInspections(docs: DocFacts[]): { inspections: Inspection[]; inspectionOf: Map<string, string> } {
  const byArea = new Map<string, DocFacts[]>();
  for (const d of docs) {
    if (d.la_code === null) continue;
    const list = byArea.get(d.la_code) ?? byArea.set(d.la_code, []).get(d.la_code)!;
    list.push(d);
  }
  const inspections: Inspection[] = [];
  const inspectionOf = new Map<string, string>();
  for (const [laCode, areaDocs] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    for (const event of groupArea(laCode, areaDocs)) {
      inspections.push(event);
      for (const doc of event.docs) inspectionOf.set(doc, event.id);
    }
  }
  return { inspections, inspectionOf };
}

interface Event {
  members: DocFacts[];
  revisit: boolean;
  framework: Framework | null;
  inspection_start: string | null;
  inspection_end: string | null;
}

function groupArea(laCode: string, docs: DocFacts[]): Inspection[] {
  const events: Event[] = [];
  for (const d of [...docs].sort(placementOrder)) {
    const event = dateOf(d) === null ? placeUndated(d, events) : placeDated(d, events);
    if (event) {
      event.members.push(d);
      event.framework ??= d.framework;
      event.inspection_start ??= d.inspection_start;
      event.inspection_end ??= d.inspection_end;
    } else {
      events.push({ members: [d], revisit: d.revisit !== null, framework: d.framework, inspection_start: d.inspection_start, inspection_end: d.inspection_end });
    }
  }
  const ordered = events.sort((a, b) => chronoKey(a).localeCompare(chronoKey(b)));
  const used = new Set<string>();
  return ordered.map((e, i) => toInspection(laCode, e, i + 1, used));
}

/** Dated documents before undated ones (they fix the events' dates), reports before other kinds, then by id. */
function placementOrder(a: DocFacts, b: DocFacts): number {
  const rank = (d: DocFacts) => (dateOf(d) === null ? 2 : 0) + (d.kind === 'report' ? 0 : 1);
  return rank(a) - rank(b) || a.doc.localeCompare(b.doc);
}

function dateOf(d: { inspection_start: string | null; inspection_end: string | null }): string | null {
  return d.inspection_start ?? d.inspection_end;
}

function frameworksAgree(a: Framework | null, b: Framework | null): boolean {
  return a === null || b === null || a === b;
}

/** The same framework (or one unknown), and a revisit only with a revisit. */
function agree(e: Event, d: DocFacts): boolean {
  return frameworksAgree(e.framework, d.framework) && e.revisit === (d.revisit !== null);
}

function placeDated(d: DocFacts, events: Event[]): Event | undefined {
  const when = Date.parse(dateOf(d)!);
  return events.find((e) => {
    if (!agree(e, d)) return false;
    const from = dateOf(e);
    if (from === null) return false;
    const to = e.inspection_end ?? from;
    return when >= Date.parse(from) - DATE_SLACK_DAYS * DAY_MS && when <= Date.parse(to) + DATE_SLACK_DAYS * DAY_MS;
  });
}

/** An undated document joins the agreeing event whose year (or the next, when reports are published) it names most;
 * on a tie, the latest. With no agreeing event it starts one. */
function placeUndated(d: DocFacts, events: Event[]): Event | undefined {
  const candidates = events.filter((e) => agree(e, d));
  const score = (e: Event) => {
    const date = dateOf(e);
    if (date === null) return 0;
    const year = Number(date.slice(0, 4));
    return (d.years.get(year) ?? 0) + (d.years.get(year + 1) ?? 0);
  };
  let best: Event | undefined;
  for (const e of candidates) {
    if (!best || score(e) > score(best) || (score(e) === score(best) && chronoKey(e) > chronoKey(best))) best = e;
  }
  return best;
}

/** Sorts events in time: by framework (an unknown one inferred from the date), then date (undated events first), then
 * an inspection before its revisit. */
function chronoKey(e: Event): string {
  const date = dateOf(e);
  const framework = e.framework ?? (date === null ? '0000' : date >= '2023-01-01' ? '2023' : '2016');
  return `${framework}|${date ?? ''}|${e.revisit ? 1 : 0}`;
}

function toInspection(laCode: string, e: Event, sequence: number, used: Set<string>): Inspection {
  // Reports outrank articles and minutes for the event's facts; within a kind, the first document that states a fact.
  const sources = [...e.members].sort((a, b) => Number(b.kind === 'report') - Number(a.kind === 'report'));
  const fact = <K extends keyof DocFacts>(k: K): DocFacts[K] | null =>
    sources.find((d) => d[k] !== null)?.[k] ?? null;
  const base = `${laCode}-${e.framework ?? 'unknown'}-${e.revisit ? 'revisit-' : ''}${dateOf(e) ?? 'undated'}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return {
    id,
    la_code: laCode,
    framework: e.framework,
    outcome: fact('outcome'),
    inspection_start: e.inspection_start,
    inspection_end: e.inspection_end,
    previous_inspection: fact('previous_inspection'),
    priority_actions: fact('priority_actions'),
    improvement_areas: fact('improvement_areas'),
    sequence,
    docs: e.members.map((d) => d.doc),
    has_report: e.members.some((d) => d.kind === 'report'),
    revisit: e.revisit,
  };
}
