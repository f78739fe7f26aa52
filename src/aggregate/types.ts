// What the dataset writer takes and gives back.
import type { ErrorRecord, ProcessedDocument } from '../records.js';
import type { OfficialInspection } from './official.js';

/** A processed document as the run's store yields it: the record plus its clean text. */
export type StoredDocument = ProcessedDocument;

export interface DatasetInput {
  /** Called once; iterates lazily, so no more than one document's text is held at a time. */
  documents: () => Iterable<StoredDocument>;
  errors: ErrorRecord[];
  outDir: string;
  /** Category ids from the rules, in the order they are shown. */
  taxonomy: string[];
  /** Ofsted's official 2016–22 table; by default the one shipped in data/. */
  official?: OfficialInspection[];
}

export interface DatasetSummary {
  documents: number;
  errors: number;
  /** Areas with at least one documented inspection. */
  areas: number;
  /** Areas in Ofsted's official 2016–22 table. */
  officialAreas: number;
  /** Facts read from documents that the official table contradicts. */
  contradictions: number;
  inspections: number;
  /** Every finding, one per source that reported it. */
  findings: number;
  /** Findings counted once however many sources reported them. */
  distinctFindings: number;
  /** (area, category) pairs found by two or more inspections. */
  recurring: number;
  /** Paths of the files written. */
  files: string[];
}
