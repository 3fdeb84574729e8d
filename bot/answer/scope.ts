/**
 * Is a question in scope? It is when its subject words are well covered by one document of the
 * knowledge base: the retrieved passages plus the document's profile (title, keywords, summary,
 * headings). Words are compared as typed: with diacritics when the person typed them, since
 * folding turns "trồng hoa hồng" (grow roses) into "trong hoa hong", which every lesson holds.
 * Adjacent word pairs count more than single words: Vietnamese words are mostly two syllables,
 * and "chung cư" is not covered by "dùng chung" and "cư trú".
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { SearchHit } from '../../knowledge/types.ts';
import { foldDiacritics } from '../../knowledge/vietnamese/normalize.ts';
import type { EverydayPhrase } from '../../knowledge/vietnamese/paraphrase.ts';
import { canonical } from '../../knowledge/vietnamese/tokenize.ts';
import { isCompoundPair, learnCompoundPairs, STOP, stopWordOf, type StopList } from './stopwords.ts';
import type { QuestionText } from './text.ts';

/** Pairs weigh twice their rarer syllable: a known compound is the strongest sign of a topic. */
const PAIR_WEIGHT = 2;

export interface ScopeTerm {
  /** Folded form, for weights from the index. */
  folded: string;
  /** The form compared with documents: accented when the question is. */
  typed: string;
}

/** Syllables and neighbour pairs of a text, lower case, in accented or folded form. */
export function typedTerms(text: string, accented: boolean): Set<string> {
  const out = new Set<string>();
  const base = canonical(text.toLowerCase());
  for (const phrase of (accented ? base : foldDiacritics(base)).split(/[.,;:!?()"“”|\n]+/)) {
    const words = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
    words.forEach((w, i) => {
      out.add(w);
      if (i + 1 < words.length) out.add(`${w}_${words[i + 1]}`);
    });
  }
  return out;
}

/** The subject words of a question and their neighbour pairs, in both forms. */
export function scopeTerms(q: QuestionText, stop: StopList = STOP): ScopeTerm[] {
  const text = q.expanded.split(' | ')[0]!;
  const out: ScopeTerm[] = [];
  const isStopWord = stopWordOf(q, stop);
  for (const phrase of text.split(/[.,;:!?()"“”|\n]+/)) {
    const typed = (phrase.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => (q.accented ? w : foldDiacritics(w)));
    const isStop = typed.map(isStopWord);
    typed.forEach((w, i) => {
      const next = typed[i + 1];
      // Unaccented "tai khoan", "cap nhat": a compound although "tai", "nhat" fold into function words.
      if (!q.accented && next !== undefined && isStop[i] !== isStop[i + 1] && isCompoundPair(w, next))
        out.push({ folded: `${w}_${next}`, typed: `${w}_${next}` });
      if (isStop[i]) return;
      out.push({ folded: foldDiacritics(w), typed: w });
      if (next !== undefined && !isStop[i + 1])
        out.push({ folded: `${foldDiacritics(w)}_${foldDiacritics(next)}`, typed: `${w}_${next}` });
    });
  }
  return out;
}

/**
 * Every neighbour pair of an unaccented question, unless both words are function words. Without
 * diacritics many subject words fold into function words ("trồng" → "trong", "đề" → "de",
 * "chậu" → "chau"), so the pairs they form are the question's compounds too.
 */
export function foldedPairs(q: QuestionText, stop: StopList = STOP): ScopeTerm[] {
  const out: ScopeTerm[] = [];
  for (const phrase of q.folded.split(' | ')[0]!.split(/[.,;:!?()"“”|\n]+/)) {
    const words = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (stop.folded.has(a) && stop.folded.has(b)) continue;
      out.push({ folded: `${a}_${b}`, typed: `${a}_${b}` });
    }
  }
  return out;
}

/** Each document's profile: title, keywords, summary and section headings. */
export function documentProfiles(kb: KnowledgeBase): Map<string, string> {
  const profiles = new Map<string, string>();
  for (const d of kb.store.documents()) {
    const field = (name: string) => {
      const v = d.meta[name];
      return Array.isArray(v) ? v.join('. ') : typeof v === 'string' ? v : '';
    };
    profiles.set(d.id, [d.title, field('keywords'), field('summary')].filter(Boolean).join('. '));
  }
  return profiles;
}

/**
 * Weighted share (0..1) of the question's terms found in the best single document: its profile
 * and its retrieved passages. An everyday phrase of the question ("nguồn gốc ảnh") counts as
 * found in a document that holds the lessons' wording for it ("tìm ảnh gốc").
 */
export function scopeCoverage(
  q: QuestionText,
  terms: ScopeTerm[],
  weights: Map<string, number>,
  hits: SearchHit[],
  profiles: Map<string, string>,
  phrases: EverydayPhrase[] = [],
): { docId: string; value: number } {
  const byDoc = new Map<string, string>();
  for (const h of hits.slice(0, 8)) {
    const prev = byDoc.get(h.chunk.docId) ?? `${profiles.get(h.chunk.docId) ?? h.chunk.docTitle}`;
    byDoc.set(h.chunk.docId, `${prev}\n${h.chunk.heading}\n${h.chunk.text}`);
  }
  const unique = [...new Map(terms.map((t) => [t.typed, t])).values()];
  const weight = (t: ScopeTerm) => {
    if (!t.folded.includes('_')) return weights.get(t.folded) ?? 1;
    const [a = '', b = ''] = t.folded.split('_');
    return PAIR_WEIGHT * Math.max(weights.get(a) ?? 1, weights.get(b) ?? 1);
  };
  // Each everyday phrase: the lessons' wording to look for, and the question's terms it covers.
  const equivalents = phrases.map((p) => {
    const said = new Set([...typedTerms(p.said, q.accented)].filter((t) => !t.includes('_')));
    return {
      wording: p.wording.map((w) => foldDiacritics(w)),
      covers: unique.filter((t) => t.typed.split('_').every((w) => said.has(w))).map((t) => t.typed),
    };
  });
  let best = { docId: '', value: 0 };
  for (const [docId, text] of byDoc) {
    const have = typedTerms(text, q.accented);
    const folded = foldDiacritics(text.toLowerCase());
    for (const e of equivalents)
      if (e.wording.some((w) => folded.includes(w))) for (const t of e.covers) have.add(t);
    let total = 0;
    let covered = 0;
    for (const t of unique) {
      const w = weight(t);
      total += w;
      if (have.has(t.typed)) covered += w;
    }
    const value = total ? covered / total : 0;
    if (value > best.value) best = { docId, value };
  }
  return best;
}

/** Every syllable and neighbour pair of the knowledge base, accented and folded. */
export class Vocabulary {
  private readonly accented = new Set<string>();
  private readonly folded = new Set<string>();

  constructor(kb: KnowledgeBase, profiles: Map<string, string>) {
    const texts: string[] = [];
    for (const [docId, profile] of profiles) {
      const chunks = kb.store.chunksByIds(kb.store.chunkIdsOf(docId));
      for (const text of [profile, ...chunks.map((c) => `${c.heading}\n${c.text}`)]) {
        for (const t of typedTerms(text, true)) this.accented.add(t);
        for (const t of typedTerms(text, false)) this.folded.add(t);
        texts.push(text);
      }
    }
    learnCompoundPairs(texts);
  }

  has(term: ScopeTerm, accented: boolean): boolean {
    return (accented ? this.accented : this.folded).has(term.typed);
  }
}

/**
 * Whether the question names a compound the knowledge base knows. A question of several
 * compounds none of which appears anywhere ("mua chung cư", "xin số đề") is about something else,
 * however many of its single syllables the documents happen to hold.
 */
export function namesKnownCompound(q: QuestionText, terms: ScopeTerm[], vocabulary: Vocabulary): boolean {
  const pairs = terms.filter((t) => t.folded.includes('_'));
  if (pairs.length < 2) return true;
  return pairs.some((t) => vocabulary.has(t, q.accented));
}
