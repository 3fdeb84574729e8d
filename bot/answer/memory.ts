/**
 * Short conversation memory, per pseudonymous user key: the last few turns, so that "còn bước
 * tiếp theo?" or "còn phối hợp thì sao?" can be understood. Held in memory only, bounded in
 * people and in time; `forget` drops one person's turns (data deletion).
 */
import { PhraseMatcher, type QuestionText } from './text.ts';

export interface Turn {
  question: string;
  answer: string;
  /** The lesson or document the answer came from. */
  docId?: string;
  /** The plan task the answer was about ("docId#3.1"). */
  taskKey?: string;
  /** First step not yet shown of `docId`. */
  nextStep?: number;
  at: number;
}

const MAX_PEOPLE = 10_000;
const TTL_MS = 30 * 60_000;

export class ConversationMemory {
  private readonly turns = new Map<string, Turn[]>();

  constructor(private readonly maxTurns: number) {}

  recent(userKey: string | undefined, now = Date.now()): Turn[] {
    if (!userKey) return [];
    const kept = (this.turns.get(userKey) ?? []).filter((t) => now - t.at < TTL_MS);
    return kept;
  }

  remember(userKey: string | undefined, turn: Turn): void {
    if (!userKey || this.maxTurns === 0) return;
    const list = [...this.recent(userKey, turn.at), turn].slice(-this.maxTurns);
    this.turns.delete(userKey); // re-insert: the Map's order is the least recently used first
    this.turns.set(userKey, list);
    if (this.turns.size > MAX_PEOPLE) this.turns.delete(this.turns.keys().next().value!);
  }

  forget(userKey: string): void {
    this.turns.delete(userKey);
  }
}

const FOLLOW_UP = new PhraseMatcher([
  'còn',
  'tiếp theo',
  'tiếp',
  'sau đó',
  'rồi sao',
  'thế còn',
  'vậy còn',
  'nữa',
  'bước sau',
  'cái đó',
  'việc đó',
  'nhiệm vụ đó',
  'nhiệm vụ này',
  'bài đó',
  'bài này',
  'như vậy',
  'thế thì',
  'vậy thì',
  'rồi làm gì',
]);
const NEXT_STEP = new PhraseMatcher([
  'tiếp theo',
  'bước tiếp',
  'bước sau',
  'tiếp đi',
  'sau đó',
  'rồi làm gì',
  'bước nữa',
  'còn bước',
  'tiếp',
]);

/** A short message that leans on the previous turn. */
export function isFollowUp(q: QuestionText): boolean {
  return FOLLOW_UP.test(q) && q.raw.split(' ').length <= 9;
}

export function asksNextStep(q: QuestionText): boolean {
  return NEXT_STEP.test(q);
}
