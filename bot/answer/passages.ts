/**
 * A document's chunks put back together as sections (intro, steps, notes…), and the measure of
 * how much of a question the retrieved passages actually cover (to decline when they do not).
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { ChunkRecord, SearchHit } from '../../knowledge/types.ts';
import { foldedTerms } from './plan/plan-index.ts';

export type SectionKind = 'intro' | 'steps' | 'notes' | 'practice' | 'quiz' | 'sources' | 'other';

export interface Section {
  kind: SectionKind;
  heading: string;
  text: string;
}

export interface DocumentView {
  docId: string;
  title: string;
  kind: ChunkRecord['kind'];
  sections: Section[];
}

export function sectionKind(heading: string): SectionKind {
  // Chunk headings are paths ("Các bước › Lưu ý"); the last part names the section.
  const last = heading.split('›').at(-1)!.trim().toLowerCase();
  if (!last) return 'intro';
  if (/^(các bước|cách làm|hướng dẫn|thực hiện)/.test(last)) return 'steps';
  if (/^(lưu ý|chú ý|cảnh báo)/.test(last)) return 'notes';
  if (/^thực hành/.test(last)) return 'practice';
  if (/^(tự kiểm tra|câu \d+)/.test(last) || heading.includes('Tự kiểm tra')) return 'quiz';
  if (/^nguồn/.test(last)) return 'sources';
  return 'other';
}

/** Reads every chunk of a document, in order, merging chunks of the same section. */
export function documentView(kb: KnowledgeBase, docId: string): DocumentView | undefined {
  const chunks = kb.store.chunksByIds(kb.store.chunkIdsOf(docId)).sort((a, b) => a.ord - b.ord);
  if (!chunks.length) return undefined;
  const sections: Section[] = [];
  for (const c of chunks) {
    const kind = sectionKind(c.heading);
    const last = sections.at(-1);
    if (last && last.heading === c.heading) last.text += `\n${c.text}`;
    else sections.push({ kind, heading: c.heading, text: c.text });
  }
  return { docId, title: chunks[0]!.docTitle, kind: chunks[0]!.kind, sections };
}

/** Weighted terms of a question: rare words in the index count more, unknown words most. */
export function termWeights(kb: KnowledgeBase, terms: string[]): Map<string, number> {
  const unique = [...new Set(terms)];
  const df = kb.store.documentFrequencies(unique);
  const n = Math.max(2, kb.store.chunkCount());
  const out = new Map<string, number>();
  for (const t of unique) {
    // Numbers ("15 triệu") rarely appear as typed; words unknown to the index weigh as the rarest
    // known ones; pairs weigh half, as they repeat their syllables' evidence.
    const idf = /^\d+$/.test(t) ? 0.5 : Math.log(1 + n / (df.get(t) ?? 1));
    out.set(t, idf * (t.includes('_') ? 0.5 : 1));
  }
  return out;
}

/** Share (0..1) of the weighted question terms that a text holds. */
export function coverage(weights: Map<string, number>, text: string): number {
  return weightedShare(weights, new Set(foldedTerms(text)));
}

/** Share (0..1) of the question's term weight that lies on terms in `have`. */
export function weightedShare(weights: Map<string, number>, have: Set<string>): number {
  let total = 0;
  let covered = 0;
  for (const [t, w] of weights) {
    total += w;
    if (have.has(t)) covered += w;
  }
  return total ? covered / total : 0;
}

/**
 * A passage without its pointers to other lessons ("Chữ nhỏ khó đọc? Xem bài “Phóng to chữ…”",
 * "(xem bài “Bật xác thực hai bước cho Zalo…”)"): their words are the other lesson's subject.
 */
export function withoutPointers(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/(?<!\()Xem bài\s*["“]/u.test(line))
    .join('\n')
    .replace(/\s*\((?:xem|đọc) bài[^()]*\)/giu, '');
}

/** The best coverage of the question by one retrieved document (its title and matched chunks). */
export function bestCoverage(
  weights: Map<string, number>,
  hits: SearchHit[],
): { docId: string; value: number } {
  const byDoc = new Map<string, string>();
  for (const h of hits.slice(0, 6)) {
    const prev = byDoc.get(h.chunk.docId) ?? h.chunk.docTitle;
    byDoc.set(h.chunk.docId, `${prev}\n${h.chunk.heading}\n${withoutPointers(h.chunk.text)}`);
  }
  let best = { docId: '', value: 0 };
  for (const [docId, text] of byDoc) {
    const value = coverage(weights, text);
    if (value > best.value) best = { docId, value };
  }
  return best;
}
