import { Embeddings } from '@langchain/core/embeddings';
import { canonicalPhrases, expandAbbreviations, foldTerm, pairTerm } from '../vietnamese/tokenize.ts';
import { CONCEPTS } from './concepts.ts';

/**
 * An embedder that needs no network and no weights: a signed feature-hashing of what a text
 * says. Features are folded syllables and syllable pairs (the lexical core), accented syllables
 * (so exact spelling counts a little more), character trigrams (typos: "vneld", "zaloo") and
 * concepts from a hand-made thesaurus (synonyms meet), after teencode is expanded. Vectors are
 * L2-normalized, so cosine similarity is a weighted overlap of those features.
 *
 * It sits on the ingest hot path, so features are hashed straight from the terms (FNV-1a of
 * prefix + term, continued from the prefix's state) without building feature strings.
 */
export class LocalEmbeddings extends Embeddings {
  static readonly DIMENSIONS = 256;
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
    const counts: FeatureCounts = new Map();
    const syllables: string[] = [];
    for (const phrase of canonicalPhrases(expandAbbreviations(text))) {
      const folded = phrase.map(foldTerm);
      for (let i = 0; i < phrase.length; i++) {
        const term = folded[i]!;
        const weight = (STOPWORDS.has(term) ? 0.15 : 1) * (weightOf?.(term) ?? 1);
        const hash = fnv1a(term, FOLDED);
        add(counts, hash, weight);
        add(counts, fnv1a(phrase[i]!, ACCENTED), 0.35 * weight);
        if (term.length >= 3) addTrigrams(counts, term);
        syllables.push(term);
        if (i + 1 === phrase.length) continue;
        // The pair "a_b" hashed by continuing from "a": no pair string is built.
        const pairWeight = weightOf ? weightOf(pairTerm(term, folded[i + 1]!)) : 1;
        add(counts, fnv1a(folded[i + 1]!, step(hash, UNDERSCORE)), pairWeight);
      }
    }
    for (const concept of conceptsIn(syllables)) add(counts, concept, 0.5);

    // log1p keeps fractional weights positive and damps repeated features.
    const vector = new Float32Array(this.dimensions);
    for (const [h, tf] of counts) vector[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * Math.log1p(tf);
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
    return vector;
  }
}

/** Folded function words: they carry little meaning and would dominate short texts. */
const STOPWORDS = new Set(
  (
    'la va cua co cac nhung mot cho voi duoc trong khi thi ma de nay do o tai tu ra vao len den nhu ' +
    'toi ban em anh chi minh ho no ay thi se da dang van con cung rat nhieu it hay hoac neu vi nen ' +
    'khong chua roi nhe a a nha ha sao gi nao dau the vay lam bi boi tren duoi sau truoc'
  ).split(' '),
);

const FNV_OFFSET = 0x811c9dc5;
/** 32-bit FNV-1a, continued from `state`: fast, well spread, stable across runs and machines. */
function fnv1a(text: string, state = FNV_OFFSET): number {
  let h = state;
  for (let i = 0; i < text.length; i++) h = step(h, text.charCodeAt(i));
  return h >>> 0;
}

function step(state: number, charCode: number): number {
  return Math.imul(state ^ charCode, 0x01000193);
}
const UNDERSCORE = 0x5f;
const FOLDED = fnv1a('f:');
const ACCENTED = fnv1a('a:');
const TRIGRAM = fnv1a('c:');
const CONCEPT = fnv1a('k:');

/** Feature hash → summed weight. */
type FeatureCounts = Map<number, number>;

function add(counts: FeatureCounts, hash: number, weight: number): void {
  counts.set(hash, (counts.get(hash) ?? 0) + weight);
}

/** Character trigrams of "<word>" (the brackets mark its edges), each weighing 0.1. */
function addTrigrams(counts: FeatureCounts, word: string): void {
  for (let i = -1; i + 2 <= word.length; i++) {
    let h = TRIGRAM;
    for (let j = i; j < i + 3; j++) h = step(h, charAt(word, j));
    add(counts, h >>> 0, 0.1);
  }
}

/** The word's char codes, with '<' before its start and '>' after its end. */
function charAt(word: string, i: number): number {
  return i < 0 ? 0x3c : i === word.length ? 0x3e : word.charCodeAt(i);
}

/** Thesaurus phrases as syllable lists, indexed by their first syllable. */
const PHRASES_BY_FIRST = new Map<string, { concept: number; syllables: string[] }[]>();
for (const [concept, phrases] of Object.entries(CONCEPTS)) {
  for (const phrase of phrases) {
    const syllables = phrase.split(' ');
    const list = PHRASES_BY_FIRST.get(syllables[0]!) ?? [];
    list.push({ concept: fnv1a(concept, CONCEPT), syllables });
    PHRASES_BY_FIRST.set(syllables[0]!, list);
  }
}

/** One concept hash per distinct thesaurus phrase found in the folded syllables. */
function conceptsIn(syllables: string[]): number[] {
  const found = new Map<string[], number>();
  for (let i = 0; i < syllables.length; i++) {
    for (const phrase of PHRASES_BY_FIRST.get(syllables[i]!) ?? []) {
      if (found.has(phrase.syllables)) continue;
      if (phrase.syllables.every((s, j) => syllables[i + j] === s)) found.set(phrase.syllables, phrase.concept);
    }
  }
  return [...found.values()];
}
