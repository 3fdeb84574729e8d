import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { KnowledgeBase, PreparedDocument } from '../knowledge/knowledge-base.ts';
import { parserFor } from './parsers/index.ts';
import type { Embedder } from '../knowledge/embeddings/embedder.ts';
import { describeDocument, prepareDocument, type DescribedDocument } from './prepare.ts';
import { PreparePool } from './prepare-pool.ts';

export interface IngestReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  failed: { file: string; reason: string }[];
  chunks: number;
  planTasks: number;
  ms: number;
}

export interface IngestOptions {
  /** Paths are reported relative to this folder (the project root by default). */
  cwd?: string;
  /** Ignore stored hashes and index every file again. */
  force?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  /** With the local embedder, prepare chunks on worker threads from this many on (default 2000). */
  parallelFrom?: number;
}

/** A file next to a document that sets its id, title, kind, groups or level: `x.pdf.meta.yml`. */
const SIDECAR = '.meta.yml';

/**
 * Indexes files and folders into the knowledge base. Unchanged files (same content hash) are
 * skipped, changed ones replace their chunks, and documents whose file has disappeared from an
 * ingested folder are removed. A file that cannot be read is reported and the run goes on.
 * All changes land in one atomic step at the end.
 */
export async function ingestPaths(
  kb: KnowledgeBase,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const report: IngestReport = {
    added: [],
    updated: [],
    removed: [],
    unchanged: 0,
    failed: [],
    chunks: 0,
    planTasks: 0,
    ms: 0,
  };
  const stored = kb.store.documentHashes();
  const bySource = new Map([...stored].map(([id, s]) => [s.source, id]));
  const files: string[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    if (!fs.existsSync(absolute)) report.failed.push({ file: p, reason: 'không tìm thấy tệp hoặc thư mục' });
    else if (fs.statSync(absolute).isDirectory()) {
      folders.push(relative(cwd, absolute));
      files.push(...walk(absolute));
    } else files.push(absolute);
  }

  const put: PreparedDocument[] = [];
  /** Documents for the local embedder, prepared together at the end (on all cores when many). */
  const local: DescribedDocument[] = [];
  const seenIds = new Map<string, string>();
  const seenSources = new Set<string>();
  for (const [i, file] of files.entries()) {
    const source = relative(cwd, file);
    options.onProgress?.(i, files.length, source);
    seenSources.add(source);
    try {
      const parser = parserFor(file);
      if (!parser) throw new Error('định dạng không được hỗ trợ');
      const bytes = fs.readFileSync(file);
      const sidecar = readSidecar(file);
      const hash = createHash('sha256').update(bytes).update(JSON.stringify(sidecar)).digest('hex');
      const previousId = bySource.get(source);
      if (!options.force && previousId && stored.get(previousId)?.hash === hash) {
        seenIds.set(previousId, source);
        report.unchanged++;
        continue;
      }
      const parsed = await parser(bytes, path.basename(file));
      parsed.meta = { ...parsed.meta, ...sidecar };
      const described = describeDocument({ source, hash, parsed });
      const clash = seenIds.get(described.doc.id);
      if (clash) throw new Error(`mã tài liệu "${described.doc.id}" đã được dùng cho ${clash}`);
      seenIds.set(described.doc.id, source);
      if (!described.drafts.length) throw new Error('tệp không có nội dung chữ');
      if (kb.embedder.kind === 'local') local.push(described);
      else put.push(await prepareDocument(described, kb.embedder));
      const existed = stored.has(described.doc.id) || previousId !== undefined;
      (existed ? report.updated : report.added).push(described.doc.id);
      if (previousId && previousId !== described.doc.id) report.removed.push(previousId);
      report.chunks += described.drafts.length;
      report.planTasks += described.tasks.length;
    } catch (error) {
      report.failed.push({ file: source, reason: error instanceof Error ? error.message : String(error) });
      const previousId = bySource.get(source);
      if (previousId) seenIds.set(previousId, source); // keep the last good version
    }
  }
  options.onProgress?.(files.length, files.length, '');

  for (const [id, { source }] of stored) {
    const inIngestedFolder = folders.some((f) => f === '.' || source.startsWith(`${f}/`));
    if (inIngestedFolder && !seenSources.has(source) && !seenIds.has(id)) report.removed.push(id);
  }
  put.push(...(await prepareLocally(local, kb.embedder, options.parallelFrom ?? PARALLEL_FROM)));
  kb.apply(put, report.removed);
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** Below this many chunks, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 2000;

async function prepareLocally(
  documents: DescribedDocument[],
  embedder: Embedder,
  parallelFrom: number,
): Promise<PreparedDocument[]> {
  const drafts = documents.flatMap((d) => d.drafts);
  if (drafts.length < parallelFrom) return Promise.all(documents.map((d) => prepareDocument(d, embedder)));
  const pool = new PreparePool();
  try {
    const prepared = await pool.prepare(drafts.map((d) => d.indexText));
    let next = 0;
    return documents.map(({ doc, drafts: own, tasks }) => ({
      doc,
      tasks,
      chunks: own.map((draft) => ({
        ref: draft.ref,
        heading: draft.heading,
        text: draft.text,
        ...prepared[next++]!,
      })),
    }));
  } finally {
    await pool.close();
  }
}

function walk(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs
    .readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (parserFor(entry.name) && !entry.name.endsWith(SIDECAR) && !/^readme\./i.test(entry.name))
      out.push(full);
  }
  return out;
}

function readSidecar(file: string): Record<string, unknown> {
  const sidecar = file + SIDECAR;
  if (!fs.existsSync(sidecar)) return {};
  const data: unknown = YAML.parse(fs.readFileSync(sidecar, 'utf8'));
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${path.basename(sidecar)} không phải là bảng khóa: giá trị`);
  return data as Record<string, unknown>;
}

function relative(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.';
}
