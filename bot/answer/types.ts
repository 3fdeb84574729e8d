import type { DocumentKind } from '../../knowledge/types.ts';

/** What the question is about, decided before retrieval; reported in `ask --json` and usage. */
export type Intent =
  | 'plan' // a question about the ward plan's tasks: who leads, supports, result, deadline, lists
  | 'howto' // a digital-skills question a lesson or document answers
  | 'safety' // scams, OTP, passwords, account security: safe advice comes first
  | 'greeting' // hello, thanks, who are you
  | 'out_of_scope' // gold prices, lottery, weather, politics …
  | 'injection' // attempts to change the assistant's rules or reveal its prompt/config
  | 'no_match'; // in scope, but nothing relevant in the knowledge base

/** A document an answer rests on, as `ask --json` prints it (DESIGN.md). */
export interface AnswerSource {
  /** Document id (lesson id, plan document id, file slug). */
  id: string;
  title: string;
  kind: DocumentKind;
  /** Plan task "section.number" or the chunk heading; null when the whole document is meant. */
  ref: string | null;
  score: number;
}

export interface Answer {
  /** Plain Vietnamese text ready to send (no markup); channels escape and split it. */
  text: string;
  /** False when the assistant declines (out of scope, injection, nothing relevant found). */
  answered: boolean;
  /** 0..1, how sure the engine is that `text` answers the question. */
  confidence: number;
  intent: Intent;
  sources: AnswerSource[];
  /** Short follow-up questions the person may want to ask next (Vietnamese). */
  suggestions: string[];
  /** Which composer produced the text. */
  mode: 'extractive' | 'llm';
}

export interface AskOptions {
  /** Pseudonymous key of the person asking: conversation memory is kept per key. */
  userKey?: string;
  /** Target group id of the person (e.g. "nguoi-cao-tuoi"), to prefer documents for them. */
  audience?: string;
}

export interface AnswerEngine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** Forgets the conversation memory of one person (data deletion). */
  forget(userKey: string): void;
  /** Builds what the first question would otherwise wait for (after start and each re-index). */
  prepare?(): void;
}
