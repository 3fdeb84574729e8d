/** Shapes shared by ingestion, the store and retrieval. */

export const DOCUMENT_KINDS = ['plan', 'lesson', 'faq', 'doc'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentRecord {
  id: string;
  source: string;
  title: string;
  kind: DocumentKind;
  /** Target groups; empty means everyone. */
  audience: string[];
  level: number | null;
  hash: string;
  meta: Record<string, unknown>;
}

/** A piece of a document as it is shown and as it is indexed. */
export interface ChunkDraft {
  ref: string | null;
  heading: string;
  /** What a reader sees. */
  text: string;
  /** What the search engines see: usually title and heading plus the text. */
  indexText: string;
}

/** One row of a plan appendix: who does what, with what result, by when. */
export interface PlanTask {
  /** Section order and task number, "3.1": unique even when the document repeats a section number. */
  ref: string;
  sectionOrder: number;
  /** The section number as printed in the document (may repeat). */
  sectionLabel: string;
  sectionTitle: string;
  number: number;
  content: string;
  lead: string;
  support: string;
  result: string;
  timeframe: string;
}

export interface ChunkRecord {
  id: number;
  docId: string;
  docTitle: string;
  source: string;
  ord: number;
  ref: string | null;
  heading: string;
  text: string;
  kind: DocumentKind;
  audience: string[];
  level: number | null;
}

export interface SearchFilter {
  kind?: DocumentKind | DocumentKind[];
  /** A target group id: documents for that group or for everyone. */
  audience?: string;
  /** Lessons of exactly this level (documents without a level always pass). */
  level?: number;
  /** Only these documents (e.g. passages of one lesson chosen by other means). */
  docIds?: string[];
}

export interface SearchHit {
  chunk: ChunkRecord;
  /** Fused score, higher is better; comparable within one result list only. */
  score: number;
  /** Rank in each engine (1-based), when the engine found it. */
  lexicalRank?: number;
  vectorRank?: number;
}
