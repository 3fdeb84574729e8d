import Database from 'better-sqlite3';
import type { ChunkRecord, DocumentKind, DocumentRecord, PlanTask, SearchFilter } from '../types.ts';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';
import { statementCache } from './statement-cache.ts';

/** Space-separated index terms of a chunk, one string per FTS5 column. */
export interface IndexTerms {
  acc: string;
  accPair: string;
  fold: string;
  foldPair: string;
  /**
   * How many leading terms of the syllable and of the pair columns are written twice: the chunk's
   * opening (search/index-terms.ts). Repeated only as the row is written, so that a large ingest
   * holds every term once.
   */
  opening?: { syllables: number; pairs: number };
}

/** Weights of the FTS5 columns in bm25(), in column order. */
export type ColumnWeights = [acc: number, accPair: number, fold: number, foldPair: number];

/** A chunk ready to be written: its draft text, FTS terms and (optional) embedding. */
export interface ChunkRow {
  ref: string | null;
  heading: string;
  text: string;
  terms: IndexTerms;
  embedding?: Float32Array;
}

interface ChunkRowDb {
  id: number;
  doc_id: string;
  doc_title: string;
  source: string;
  ord: number;
  ref: string | null;
  heading: string;
  text: string;
  kind: DocumentKind;
  audience: string;
  level: number | null;
}

/** A store that cannot be used as it is; the message says what to do. */
export class StoreError extends Error {}

const toAudience = (groups: string[]): string => (groups.length ? `,${groups.join(',')},` : '');
const fromAudience = (stored: string): string[] => stored.split(',').filter(Boolean);

/**
 * The SQLite side of the knowledge base (better-sqlite3, WAL). Synchronous by design: every
 * method is a few prepared statements, and writers wrap them in `transaction`.
 */
export class KnowledgeStore {
  readonly db: Database.Database;
  private readonly dfCache = new Map<string, number>();
  private dfGeneration = '';
  private readonly dfStatement: Database.Statement;
  private readonly sql: (text: string) => Database.Statement;

  constructor(file: string) {
    this.db = new Database(file);
    this.sql = statementCache(this.db);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const version = this.getMeta('schema_version');
    if (version && Number(version) !== SCHEMA_VERSION) {
      this.db.close();
      throw new StoreError(
        `The knowledge store ${file} has schema ${version}, this program expects ${SCHEMA_VERSION}: delete it and run the ingest again.`,
      );
    }
    this.db.exec(SCHEMA);
    this.setMeta('schema_version', String(SCHEMA_VERSION));
    this.dfStatement = this.sql('SELECT doc FROM chunks_vocab WHERE term = ?');
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  getMeta(key: string): string | undefined {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** id → content hash of every stored document. */
  documentHashes(): Map<string, { hash: string; source: string }> {
    const rows = this.sql('SELECT id, hash, source FROM documents').all() as {
      id: string;
      hash: string;
      source: string;
    }[];
    return new Map(rows.map((r) => [r.id, { hash: r.hash, source: r.source }]));
  }

  /** Ids of the document's chunks (to drop their vectors before the document is replaced). */
  chunkIdsOf(docId: string): number[] {
    return (this.sql('SELECT id FROM chunks WHERE doc_id = ?').all(docId) as { id: number }[]).map(
      (r) => r.id,
    );
  }

  deleteDocument(docId: string): void {
    this.sql('DELETE FROM documents WHERE id = ?').run(docId);
  }

  /**
   * Writes a document with its chunks and plan tasks, replacing any earlier version.
   * Returns the new chunk ids in order: `ids` if given (free ids, e.g. from `nextChunkId`), else
   * SQLite's. Call inside `transaction`.
   */
  putDocument(doc: DocumentRecord, chunks: ChunkRow[], tasks: PlanTask[] = [], ids?: number[]): number[] {
    return this.putDocuments([{ doc, chunks, tasks, ids }])[0]!;
  }

  /**
   * `putDocument` for many documents, with the FTS rows written last: FTS5 flushes its pending
   * terms to a new segment at every statement savepoint (a DELETE that cascades, an insert a
   * foreign key checks), so interleaving them would cost a tiny segment, and merges, per chunk.
   */
  putDocuments(
    documents: { doc: DocumentRecord; chunks: ChunkRow[]; tasks?: PlanTask[]; ids?: number[] }[],
  ): number[][] {
    for (const { doc } of documents) this.deleteDocument(doc.id);
    const stored = documents.map(({ doc, chunks, tasks = [], ids }) => this.insertDocument(doc, chunks, tasks, ids));
    const insertFts = this.sql(
      'INSERT INTO chunks_fts(rowid, acc, acc_pair, fold, fold_pair) VALUES (?, ?, ?, ?, ?)',
    );
    documents.forEach(({ chunks }, d) =>
      chunks.forEach(({ terms }, i) => insertFts.run(stored[d]![i], ...ftsColumns(terms))),
    );
    return stored;
  }

  /** The rows of one new document, all but its FTS terms. */
  private insertDocument(doc: DocumentRecord, chunks: ChunkRow[], tasks: PlanTask[], ids?: number[]): number[] {
    const audience = toAudience(doc.audience);
    this.sql(
      `INSERT INTO documents(id, source, title, kind, audience, level, hash, meta, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      doc.id,
      doc.source,
      doc.title,
      doc.kind,
      audience,
      doc.level,
      doc.hash,
      JSON.stringify(doc.meta),
      new Date().toISOString(),
    );
    const insertChunk = this.sql(
      `INSERT INTO chunks(id, doc_id, ord, ref, heading, text, kind, audience, level, embedding)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const stored = chunks.map((chunk, ord) => {
      const embedding = chunk.embedding
        ? Buffer.from(chunk.embedding.buffer, chunk.embedding.byteOffset, chunk.embedding.byteLength)
        : null;
      return Number(
        insertChunk.run(
          ids?.[ord] ?? null,
          doc.id,
          ord,
          chunk.ref,
          chunk.heading,
          chunk.text,
          doc.kind,
          audience,
          doc.level,
          embedding,
        ).lastInsertRowid,
      );
    });
    const insertTask = this.sql(
      `INSERT INTO plan_tasks(id, doc_id, ref, section_order, section_label, section_title, number,
         content, lead, support, result, timeframe, chunk_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const task of tasks) {
      const chunkIndex = chunks.findIndex((c) => c.ref === task.ref);
      insertTask.run(
        `${doc.id}#${task.ref}`,
        doc.id,
        task.ref,
        task.sectionOrder,
        task.sectionLabel,
        task.sectionTitle,
        task.number,
        task.content,
        task.lead,
        task.support,
        task.result,
        task.timeframe,
        chunkIndex >= 0 ? stored[chunkIndex] : null,
      );
    }
    return stored;
  }

  /** The id SQLite would give the next chunk: ids from here on are free until the next insert. */
  nextChunkId(): number {
    return (this.sql('SELECT coalesce(max(id), 0) + 1 AS next FROM chunks').get() as { next: number }).next;
  }

  /** Merges the full-text index into one segment (FTS5 'optimize'): worth it after bulk loads. */
  optimizeSearchIndex(): void {
    this.transaction(() => this.db.exec("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')"));
  }

  /** FTS5 BM25 over the term columns; score: higher is better. */
  matchChunks(
    expression: string,
    limit: number,
    weights: ColumnWeights,
    filter: SearchFilter = {},
  ): { id: number; score: number }[] {
    const { where, params } = filterSql(filter);
    const bm25 = 'bm25(chunks_fts, ?, ?, ?, ?)';
    const sql = where
      ? `SELECT f.rowid AS id, -${bm25} AS score FROM chunks_fts f JOIN chunks c ON c.id = f.rowid
         WHERE chunks_fts MATCH ? AND ${where} ORDER BY score DESC LIMIT ?`
      : `SELECT rowid AS id, -${bm25} AS score FROM chunks_fts
         WHERE chunks_fts MATCH ? ORDER BY score DESC LIMIT ?`;
    return this.sql(sql).all(...weights, expression, ...params, limit) as { id: number; score: number }[];
  }

  /**
   * How many chunks each term occurs in (terms not in the index are absent from the map).
   * Cached per store generation: the FTS5 vocabulary lookup costs ~0.1 ms a term.
   */
  documentFrequencies(terms: string[]): Map<string, number> {
    const generation = this.getMeta('vectors.generation') ?? '';
    if (generation !== this.dfGeneration || this.dfCache.size > 500_000) {
      this.dfCache.clear();
      this.dfGeneration = generation;
    }
    const out = new Map<string, number>();
    for (const term of new Set(terms)) {
      let df = this.dfCache.get(term);
      if (df === undefined) {
        df = (this.dfStatement.get(term) as { doc: number } | undefined)?.doc ?? 0;
        this.dfCache.set(term, df);
      }
      if (df) out.set(term, df);
    }
    return out;
  }

  chunkCount(): number {
    return (this.sql('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  }

  /** Chunks by id, in the order asked, skipping ids that no longer exist. */
  chunksByIds(ids: number[]): ChunkRecord[] {
    if (!ids.length) return [];
    const rows = this.db
      .prepare(
        `SELECT c.id, c.doc_id, d.title AS doc_title, d.source, c.ord, c.ref, c.heading, c.text, c.kind, c.audience, c.level
         FROM chunks c JOIN documents d ON d.id = c.doc_id
         WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as ChunkRowDb[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toChunk(r)] : [];
    });
  }

  /** Which of these chunk ids pass the filter. */
  filterChunkIds(ids: number[], filter: SearchFilter): Set<number> {
    const { where, params } = filterSql(filter);
    if (!where) return new Set(ids);
    const rows = this.db
      .prepare(`SELECT c.id FROM chunks c WHERE c.id IN (SELECT value FROM json_each(?)) AND ${where}`)
      .all(JSON.stringify(ids), ...params) as { id: number }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Every stored embedding, to rebuild the vector index without embedding again. */
  *embeddings(): Generator<{ id: number; vector: Float32Array }> {
    const stmt = this.sql('SELECT id, embedding FROM chunks WHERE embedding IS NOT NULL');
    for (const row of stmt.iterate() as Iterable<{ id: number; embedding: Buffer }>) {
      const copy = new Uint8Array(row.embedding); // aligned copy for Float32Array
      yield { id: row.id, vector: new Float32Array(copy.buffer, 0, copy.byteLength / 4) };
    }
  }

  planTasks(docId?: string): (PlanTask & { docId: string; chunkId: number | null })[] {
    const rows = (
      docId
        ? this.sql('SELECT * FROM plan_tasks WHERE doc_id = ? ORDER BY section_order, number').all(docId)
        : this.sql('SELECT * FROM plan_tasks ORDER BY doc_id, section_order, number').all()
    ) as Record<string, string | number | null>[];
    return rows.map((r) => ({
      docId: r.doc_id as string,
      ref: r.ref as string,
      sectionOrder: r.section_order as number,
      sectionLabel: r.section_label as string,
      sectionTitle: r.section_title as string,
      number: r.number as number,
      content: r.content as string,
      lead: r.lead as string,
      support: r.support as string,
      result: r.result as string,
      timeframe: r.timeframe as string,
      chunkId: r.chunk_id as number | null,
    }));
  }

  documents(): DocumentRecord[] {
    const rows = this.sql('SELECT * FROM documents ORDER BY id').all() as Record<string, string | number | null>[];
    return rows.map((r) => ({
      id: r.id as string,
      source: r.source as string,
      title: r.title as string,
      kind: r.kind as DocumentKind,
      audience: fromAudience(r.audience as string),
      level: r.level as number | null,
      hash: r.hash as string,
      meta: JSON.parse(r.meta as string) as Record<string, unknown>,
    }));
  }

  close(): void {
    this.db.close();
  }
}

function toChunk(r: ChunkRowDb): ChunkRecord {
  return {
    id: r.id,
    docId: r.doc_id,
    docTitle: r.doc_title,
    source: r.source,
    ord: r.ord,
    ref: r.ref,
    heading: r.heading,
    text: r.text,
    kind: r.kind,
    audience: fromAudience(r.audience),
    level: r.level,
  };
}

/** The FTS5 column texts of a chunk: its terms, then its opening's terms again. */
function ftsColumns({ acc, accPair, fold, foldPair, opening }: IndexTerms): string[] {
  const again = (column: string, count: number) => (count > 0 ? `${column} ${leadingTerms(column, count)}` : column);
  const { syllables = 0, pairs = 0 } = opening ?? {};
  return [again(acc, syllables), again(accPair, pairs), again(fold, syllables), again(foldPair, pairs)];
}

/** The first `count` space-separated terms of a column text. */
function leadingTerms(column: string, count: number): string {
  let end = -1;
  for (let i = 0; i < count; i++) {
    end = column.indexOf(' ', end + 1);
    if (end < 0) return column;
  }
  return column.slice(0, end);
}

/** SQL conditions on the `chunks c` alias for a search filter. */
function filterSql(filter: SearchFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    const kinds = Array.isArray(filter.kind) ? filter.kind : [filter.kind];
    clauses.push(`c.kind IN (${kinds.map(() => '?').join(',')})`);
    params.push(...kinds);
  }
  if (filter.audience) {
    clauses.push(`(c.audience = '' OR instr(c.audience, ?) > 0)`);
    params.push(`,${filter.audience},`);
  }
  if (filter.level !== undefined) {
    clauses.push('(c.level IS NULL OR c.level = ?)');
    params.push(filter.level);
  }
  if (filter.docIds?.length) {
    clauses.push(`c.doc_id IN (${filter.docIds.map(() => '?').join(',')})`);
    params.push(...filter.docIds);
  }
  return { where: clauses.join(' AND '), params };
}
