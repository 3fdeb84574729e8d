import type { PreparedDocument } from '../knowledge/knowledge-base.ts';
import type { Embedder } from '../knowledge/embeddings/embedder.ts';
import { indexTerms } from '../knowledge/search/index-terms.ts';
import type { ChunkRow } from '../knowledge/store/knowledge-store.ts';
import {
  DOCUMENT_KINDS,
  type ChunkDraft,
  type DocumentKind,
  type DocumentRecord,
  type PlanTask,
} from '../knowledge/types.ts';
import { chunkText } from './chunker.ts';
import type { ParsedDocument } from './parsers/types.ts';
import { cellsFromTables, cellsFromTabText, parsePlanTasks, planTaskText } from './plan-table.ts';

export interface SourceFile {
  /** Path relative to the project (or to the ingest root), with forward slashes. */
  source: string;
  hash: string;
  parsed: ParsedDocument;
}

/** Turns a parsed file into a document record with chunk drafts and any plan tasks. */
/** A parsed document cut into chunk drafts, before terms and vectors. */
export interface DescribedDocument {
  doc: DocumentRecord;
  drafts: ChunkDraft[];
  tasks: PlanTask[];
}

export function describeDocument(file: SourceFile): DescribedDocument {
  const { parsed } = file;
  const meta = parsed.meta;
  const cells = parsed.tables.length ? cellsFromTables(parsed.tables) : cellsFromTabText(parsed.text);
  const tasks = parsePlanTasks(cells);
  const kind = kindOf(file.source, meta, tasks.length > 0);
  const title = (typeof meta.title === 'string' && meta.title.trim()) || parsed.title;
  const doc: DocumentRecord = {
    id: typeof meta.id === 'string' && meta.id.trim() ? slug(meta.id) : slug(stem(file.source)),
    source: file.source,
    title,
    kind,
    audience: stringList(meta.groups ?? meta.audience),
    level: typeof meta.level === 'number' ? meta.level : null,
    hash: file.hash,
    meta,
  };

  if (tasks.length) {
    const drafts = tasks.map((task) => {
      const text = planTaskText(task);
      return {
        ref: task.ref,
        heading: `${task.sectionLabel}. ${task.sectionTitle}`,
        text,
        indexText: `${title}\n${text}`,
      };
    });
    return { doc, drafts, tasks };
  }
  const preamble = [meta.summary, stringList(meta.keywords).join(', ')]
    .filter((s) => typeof s === 'string' && s)
    .join('\n');
  return { doc, drafts: chunkText(title, parsed.text, preamble), tasks: [] };
}

/** Adds FTS terms and vectors to the drafts. */
export async function prepareDocument(
  described: DescribedDocument,
  embedder: Embedder,
): Promise<PreparedDocument> {
  const vectors = await embedder.embedDocuments(described.drafts.map((d) => d.indexText));
  const chunks: ChunkRow[] = described.drafts.map((draft, i) => {
    return {
      ref: draft.ref,
      heading: draft.heading,
      text: draft.text,
      terms: indexTerms(draft.indexText),
      embedding: vectors[i],
    };
  });
  return { doc: described.doc, chunks, tasks: described.tasks };
}

function kindOf(source: string, meta: Record<string, unknown>, hasTasks: boolean): DocumentKind {
  if (typeof meta.kind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(meta.kind)) {
    return meta.kind as DocumentKind;
  }
  if (hasTasks) return 'plan';
  const folders = source.split('/').slice(0, -1);
  if (folders.includes('lessons') || (meta.level !== undefined && meta.groups !== undefined)) return 'lesson';
  if (folders.includes('faq')) return 'faq';
  return 'doc';
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
  if (typeof value === 'string')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return [];
}

const stem = (source: string): string =>
  source
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');

/** ASCII id from any name: "Hướng dẫn VNeID.docx" → "huong-dan-vneid". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
