/**
 * The plan task records held in memory for answering: each task's terms for topic matching,
 * the unit vocabulary, and parsed timeframes. Rebuilt when the knowledge base changes.
 */
import type { KnowledgeBase } from '../../../knowledge/knowledge-base.ts';
import type { PlanTask } from '../../../knowledge/types.ts';
import { foldDiacritics } from '../../../knowledge/vietnamese/normalize.ts';
import { UnitVocabulary } from './units.ts';

export interface TaskRecord extends PlanTask {
  docId: string;
  docTitle: string;
  chunkId: number | null;
  /** Folded syllables and pairs of content, result and section title. */
  terms: Set<string>;
  time: TimeSpec;
}

/** Years, month and recurrence named in a timeframe or a question. */
export interface TimeSpec {
  years: number[];
  month?: number;
  recurring?: 'yearly' | 'ongoing';
}

export function parseTime(text: string): TimeSpec {
  const folded = foldDiacritics(text.toLowerCase());
  const years = [...folded.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  const month =
    /thang\s*(\d{1,2})(?!\d)/.exec(folded)?.[1] ?? /(?<![\d/])(\d{1,2})\s*\/\s*20\d{2}/.exec(folded)?.[1];
  const recurring = /hang nam|moi nam|hàng năm/.test(folded)
    ? 'yearly'
    : /thuong xuyen/.test(folded)
      ? 'ongoing'
      : undefined;
  return { years, ...(month ? { month: Number(month) } : {}), ...(recurring ? { recurring } : {}) };
}

export function foldedTerms(text: string): string[] {
  const out: string[] = [];
  for (const phrase of foldDiacritics(text.toLowerCase()).split(/[.,;:!?()"“”|\n]+/)) {
    const words = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
    words.forEach((w, i) => {
      out.push(w);
      if (i + 1 < words.length) out.push(`${w}_${words[i + 1]}`);
    });
  }
  return out;
}

export class PlanIndex {
  readonly tasks: TaskRecord[];
  readonly units: UnitVocabulary;
  private readonly idf = new Map<string, number>();

  constructor(kb: KnowledgeBase) {
    const titles = new Map(kb.store.documents().map((d) => [d.id, d.title]));
    this.tasks = kb.store.planTasks().map((t) => ({
      ...t,
      docTitle: titles.get(t.docId) ?? t.docId,
      terms: new Set(foldedTerms(`${t.sectionTitle}. ${t.content}. ${t.result}`)),
      time: parseTime(t.timeframe),
    }));
    this.units = new UnitVocabulary(this.tasks.flatMap((t) => [t.lead, t.support]));
    const df = new Map<string, number>();
    for (const t of this.tasks) for (const term of t.terms) df.set(term, (df.get(term) ?? 0) + 1);
    const n = Math.max(1, this.tasks.length);
    for (const [term, d] of df) this.idf.set(term, Math.log(1 + n / d));
  }

  /** Weight of a term for topic matching; terms no task holds weigh as the rarest. */
  weight(term: string): number {
    return this.idf.get(term) ?? Math.log(1 + Math.max(1, this.tasks.length));
  }

  /** Whether some task's text holds the term. */
  knows(term: string): boolean {
    return this.idf.has(term);
  }

  byRef(docId: string, ref: string): TaskRecord | undefined {
    return this.tasks.find((t) => t.docId === docId && t.ref === ref);
  }

  /** Share of the weighted terms that this task's text holds (0..1). */
  coverage(task: TaskRecord, terms: string[]): number {
    let total = 0;
    let covered = 0;
    for (const t of new Set(terms)) {
      const w = this.weight(t);
      total += w;
      if (task.terms.has(t)) covered += w;
    }
    return total ? covered / total : 0;
  }
}
