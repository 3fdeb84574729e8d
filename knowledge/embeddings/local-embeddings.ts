import { Embeddings } from '@langchain/core/embeddings';
import { foldDiacritics } from '../vietnamese/normalize.ts';
import { canonical, expandAbbreviations, terms } from '../vietnamese/tokenize.ts';
import { CONCEPTS } from './concepts.ts';

/**
 * An embedder that needs no network and no weights: a signed feature-hashing of what a text
 * says. Features are folded syllables and syllable pairs (the lexical core), accented syllables
 * (so exact spelling counts a little more), character trigrams (typos: "vneld", "zaloo") and
 * concepts from a hand-made thesaurus (synonyms meet), after teencode is expanded. Vectors are
 * L2-normalized, so cosine similarity is a weighted overlap of those features.
 */
export class LocalEmbeddings extends Embeddings {
  static readonly DIMENSIONS = 512;
  /** Recorded in the index; change it whenever the features change. */
  readonly id = `local-hash-v3/${LocalEmbeddings.DIMENSIONS}`;
  readonly dimensions = LocalEmbeddings.DIMENSIONS;

  constructor() {
    super({});
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(this.embed(t)));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embed(text));
  }

  /**
   * The synchronous core, used directly on hot paths. `weightOf` scales a folded term's weight
   * (the search passes inverse document frequencies for queries, which the index knows).
   */
  embed(text: string, weightOf?: (foldedTerm: string) => number): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const counts = new Map<string, number>();
    const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);

    text = expandAbbreviations(text);
    const { accented, folded } = terms(text);
    for (let i = 0; i < folded.length; i++) {
      const term = folded[i]!;
      const isPair = term.includes('_');
      const weight = (isPair ? 1 : STOPWORDS.has(term) ? 0.15 : 1) * (weightOf?.(term) ?? 1);
      add(`f:${term}`, weight);
      if (!isPair) {
        add(`a:${accented[i]}`, 0.35 * weight);
        for (const gram of trigrams(term)) add(`c:${gram}`, 0.1);
      }
    }
    const flat = ` ${foldDiacritics(canonical(text)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (const [concept, phrases] of CONCEPT_PHRASES) {
      for (const phrase of phrases) if (flat.includes(phrase)) add(`k:${concept}`, 0.5);
    }

    // log1p keeps fractional weights positive and damps repeated features.
    for (const [feature, tf] of counts) {
      const h = fnv1a(feature);
      vector[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * Math.log1p(tf);
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
    return vector;
  }
}

const CONCEPT_PHRASES: [string, string[]][] = Object.entries(CONCEPTS).map(([k, v]) => [k, v.map((p) => ` ${p} `)]);

/** Folded function words: they carry little meaning and would dominate short texts. */
const STOPWORDS = new Set(
  (
    'la va cua co cac nhung mot cho voi duoc trong khi thi ma de nay do o tai tu ra vao len den nhu ' +
    'toi ban em anh chi minh ho no ay thi se da dang van con cung rat nhieu it hay hoac neu vi nen ' +
    'khong chua roi nhe a a nha ha sao gi nao dau the vay lam bi boi tren duoi sau truoc'
  ).split(' '),
);

function trigrams(word: string): string[] {
  if (word.length < 3) return [];
  const padded = `<${word}>`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** 32-bit FNV-1a: fast, well spread, and stable across runs and machines. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
