// The records that flow between stages. Each stage takes and returns these; zod schemas guard the edges
// (output records are validated before they are written, so a malformed record is caught where it is made).
import { z } from 'zod';

export const KINDS = ['report', 'article', 'minutes', 'blog'] as const;
export type Kind = (typeof KINDS)[number];

export const POLARITIES = ['concern', 'strength', 'mention'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** A page of a PDF: characters [start, end) of the clean text came from page n (1-based). */
export interface Page {
  n: number;
  start: number;
  end: number;
}

/** A titled section of a document: the heading's text and the character range it governs. */
export interface Section {
  title: string;
  start: number;
  end: number;
}

/** Characters [start, end) of a document's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A document as every stage after ingest reads it: clean text plus the maps back to pages and sections, and what
 * the later stages all need, computed once (src/document). Nothing downstream re-reads the file.
 */
export interface Document {
  id: string;
  source: string;
  sha256: string;
  kind: Kind;
  text: string;
  pages: Page[];
  sections: Section[];
  /** The text's units in order: sentences, list items (bullet marker left out) and table cells. */
  sentences: Span[];
  /** Web pages: the article's parts (reports have none). */
  article?: ArticleParts;
  /** Web pages: stretches of quoted speech, quote marks included, in order; the tag stage finds who speaks. */
  quotes?: Quote[];
}

/** A news page's furniture: the headline and standfirst (spans of `text`), and the byline and date lifted off it. */
export interface ArticleParts {
  headline: { start: number; end: number } | null;
  standfirst: { start: number; end: number } | null;
  /** The author as the byline names them ("Sam Reporter, Education Correspondent"), or null. */
  byline: string | null;
  /** The publication date (ISO), or null. */
  date: string | null;
}

/**
 * Quoted speech: characters [start, end) of `text`, quote marks included. `continued` when it goes on a quotation
 * left open at the end of the paragraph before (news style: each paragraph of a long quotation opens with a mark).
 */
export interface Quote {
  start: number;
  end: number;
  continued: boolean;
}

export const AreaSchema = z.object({
  name: z.string(),
  la_code: z.string().regex(/^\d{3}$/),
  gss: z.string().regex(/^E\d{8}$/),
  region: z.string(),
  urn: z.string().nullable(),
});
export type Area = z.infer<typeof AreaSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FRAMEWORKS = ['2016', '2023'] as const;
export const OUTCOMES = ['positive', 'inconsistent', 'systemic-failings', 'wsoa', 'no-wsoa'] as const;

export const PROGRESS = ['sufficient', 'insufficient'] as const;

/** What a 2016-framework revisit found: how many significant weaknesses of the written statement of action it
 *  judged, in how many the area made sufficient progress, and each weakness's verdict where the text gives it. */
export const RevisitSchema = z
  .object({
    weaknesses: z.number().int().positive().nullable(),
    sufficient: z.number().int().nonnegative().nullable(),
    results: z.array(z.object({ weakness: z.string().min(1), progress: z.enum(PROGRESS) })),
  })
  .refine((r) => r.weaknesses === null || r.sufficient === null || r.sufficient <= r.weaknesses, {
    message: 'sufficient progress in more weaknesses than were judged',
  });
export type Revisit = z.infer<typeof RevisitSchema>;

export const DocumentFactsSchema = z.object({
  area: AreaSchema.nullable(),
  icb: z.string().nullable(),
  framework: z.enum(FRAMEWORKS).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  inspection_start: isoDate.nullable(),
  inspection_end: isoDate.nullable(),
  previous_inspection: isoDate.nullable(),
  priority_actions: z.number().int().nonnegative().nullable(),
  improvement_areas: z.number().int().nonnegative().nullable(),
  // Defaults, so that records written before these facts existed still read.
  /** The document is about a revisit (2016 framework) and what it found; null otherwise. */
  revisit: RevisitSchema.nullable().default(null),
  /** The document says the area was given an improvement notice (by the DfE or NHS England). */
  improvement_notice: z.boolean().default(false),
});
export type DocumentFacts = z.infer<typeof DocumentFactsSchema>;

/**
 * What a measure measures. Durations: `wait` (how long someone waits or has waited), `time-taken` (how long a process
 * takes), `time-limit` (the limit timeliness is judged by: "within 20 weeks"). Shares: `on-time` (done within a time
 * limit), `late` (done late or outside it), `waiting` (of people waiting).
 */
export const MEASURED = ['wait', 'time-taken', 'time-limit', 'on-time', 'late', 'waiting'] as const;

export const MeasureSchema = z.object({
  kind: z.enum(['duration', 'percent']),
  /** The number as stated (weeks for a duration are in `weeks`; "nearly half" is 50). */
  value: z.number(),
  /** Unit as stated: days, weeks, months, years, or %. */
  unit: z.string(),
  /** Durations only: the value in weeks. */
  weeks: z.number().nullable(),
  qualifier: z.enum(['up-to', 'over', 'about', 'average', 'exactly']),
  /** What the figure measures (see MEASURED). */
  of: z.enum(MEASURED),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Measure = z.infer<typeof MeasureSchema>;

/** Whose words a finding reports: the inspectors', the council's (or ICB's), or anyone else's (parents, campaigners, MPs, journalists). */
export const VOICES = ['inspectors', 'council', 'others'] as const;
export type Voice = (typeof VOICES)[number];

/** A stretch of the document's text: `text === doc.text.slice(start, end)`. */
export const TextSpanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextSpan = z.infer<typeof TextSpanSchema>;

export const FindingSchema = z.object({
  doc: z.string(),
  category: z.string(),
  polarity: z.enum(POLARITIES),
  quote: z.string(),
  page: z.number().int().positive().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  section: z.string().nullable(),
  measures: z.array(MeasureSchema),
  rule: z.string(),
  voice: z.enum(VOICES),
  /** A list item's lead-in ("Leaders should improve:"), so the quote can stand alone; null for a whole sentence. */
  context: TextSpanSchema.nullable(),
  /** Why the finding has its polarity: the cues that set it and what it inherited (section, lead-in, previous sentence). */
  why: z.array(z.string()),
});
export type Finding = z.infer<typeof FindingSchema>;

/** One line of `findings extract` and of out/documents.jsonl: a document's facts and its findings. */
export const DocumentRecordSchema = DocumentFactsSchema.extend({
  doc: z.string(),
  source: z.string(),
  kind: z.enum(KINDS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().nonnegative(),
  findings: z.array(FindingSchema),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

/** A document that could not be processed: which file, and what is wrong with it, in words a person can act on. */
export const ErrorRecordSchema = z.object({
  doc: z.string(),
  source: z.string(),
  error: z.string(),
});
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;

/** A processed document as the run keeps it: the record plus its clean text (for full-text search). */
export interface ProcessedDocument {
  record: DocumentRecord;
  text: string;
}
