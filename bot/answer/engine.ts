/**
 * The answer engine: question → normalize → intent → retrieve → compose → Answer.
 * Extractive composition always runs (it is fast and is the fallback); a configured model
 * rephrases the same context within the time budget.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { logger } from '../../knowledge/logger.ts';
import { HybridSearch } from '../../knowledge/search/hybrid-search.ts';
import type { SearchHit } from '../../knowledge/types.ts';
import { everydayPhrases, lessonWording } from '../../knowledge/vietnamese/paraphrase.ts';
import type { AnswerConfig } from './config.ts';
import { composeFromDocument, isHowTo, quizPairs } from './extractive.ts';
import { askedPart, lessStory } from './focus.ts';
import {
  asksOfAI,
  mentionsSafety,
  mentionsScam,
  reportsHarm,
  ruleIntent,
  safetyAdvice,
  withoutSituations,
} from './intent.ts';
import { LlmComposer, type ContextPassage } from './llm.ts';
import { asksNextStep, ConversationMemory, isFollowUp, type Turn } from './memory.ts';
import {
  bestCoverage,
  documentView,
  sectionKind,
  termWeights,
  weightedShare,
  type SectionKind,
} from './passages.ts';
import {
  documentProfiles,
  foldedPairs,
  namesKnownCompound,
  scopeCoverage,
  scopeTerms,
  typedTerms,
  Vocabulary,
} from './scope.ts';
import {
  answerPlanList,
  askedFields,
  asksForTaskList,
  PLAN_CUE,
  pickTask,
  singleTaskText,
  type PlanAnswer,
} from './plan/plan-answer.ts';
import { PlanIndex, type TaskRecord } from './plan/plan-index.ts';
import * as replies from './replies.ts';
import { PLAN_STOP, subjectTerms } from './stopwords.ts';
import { PhraseMatcher, readQuestion, type QuestionText } from './text.ts';
import type { Answer, AnswerEngine, AnswerSource, AskOptions, Intent } from './types.ts';

/**
 * Below this share of the question's words (as typed, pairs weighing double; see scope.ts)
 * found in the best document, the question is out of scope and the engine declines.
 */
const MIN_SCOPE = 0.25;
/**
 * A message the rules read as a scam or account-safety matter ("vừa chuyển 30 triệu cho đứa giả
 * danh điện lực") needs the safe advice more than a decline: it needs less of its words found.
 */
const SAFETY_MIN_SCOPE = 0.1;
/** Below this, a question must also name a compound the knowledge base knows. */
const UNSURE_SCOPE = 0.4;
/**
 * Above this, one document holds nearly all of an unaccented question ("sap ban con samsung cu,
 * phai xoa gi truoc"): no compound of it need be found whole, as its words can stand apart.
 */
const CLEAR_SCOPE = 0.6;
/** The share of its asking sentences a story must match to count as in scope on their strength. */
const PART_SCOPE = 0.6;
/** The head start of the AI lessons when the message puts something to an AI tool. */
const AI_HEAD_START = 0.15;
/** Below this task score, a plan question matched no task well enough. */
const MIN_TASK_SCORE = 0.3;
/**
 * A question that only happens to retrieve the plan first ("năm nay cưới vợ có tốt không" shares
 * "năm nay" with a timeframe) must match one task well before it is answered from the plan.
 */
const INCIDENTAL_TASK_SCORE = 0.6;
const MAX_QUESTION = 1000;
/** Asking for a way to do something, which only a lesson gives. */
const ASKS_A_WAY = new PhraseMatcher([
  'làm sao',
  'làm thế nào',
  'bằng cách nào',
  'cách nào',
  're:(cài|cài đặt|thiết lập|bật) (gì|những gì|cái gì)',
]);
/** A document whose profile holds this share of the question is considered even if not retrieved. */
const PROFILE_CANDIDATE = 0.5;
/**
 * The retrieval rank such a candidate counts with: a lesson whose profile names the question's
 * rarest word ("chatgpt") among a long story's other words is as likely as a middling hit.
 */
const PROFILE_RANK = 0.5;
/**
 * A name this rare in the knowledge base (idf; "chatgpt", "talkback") names the question's
 * subject: a profile that holds it names the question at least this much, however long it is.
 */
const ANCHOR_WEIGHT = 4;
const ANCHOR_NAMED = 0.7;
/** Subject areas whose lessons hold the safe advice (lesson front-matter `area`). */
const SAFETY_AREAS = new Set(['an-toan', 'an-toan-so', 'safety']);

interface Draft {
  answer: Omit<Answer, 'mode'>;
  /** What a model may rephrase; absent for fixed replies. */
  context?: ContextPassage[];
  turn?: Partial<Turn>;
  /** Text that must open the answer whatever composes the rest (safety advice). */
  preface?: string;
}

export class Engine implements AnswerEngine {
  private readonly search: HybridSearch;
  private readonly memory: ConversationMemory;
  private readonly llm?: LlmComposer;
  private plan?: { generation: string; index: PlanIndex };
  private areaCache?: { generation: string; map: Map<string, { area: string; afterHarm: boolean }> };
  private profileCache?: {
    generation: string;
    map: Map<string, string>;
    /** Each profile's syllables and pairs, folded: what a question's terms are matched with. */
    terms: Map<string, Set<string>>;
    vocabulary?: Vocabulary;
  };

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly config: AnswerConfig,
  ) {
    this.search = new HybridSearch(kb);
    this.memory = new ConversationMemory(config.memoryTurns);
    if (config.llm) this.llm = new LlmComposer(config.llm, config.contact);
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    // Built once per index generation, before any question is read: it teaches the unaccented
    // compounds ("tai khoan") that reading relies on.
    this.vocabulary();
    const q = readQuestion(question.slice(0, MAX_QUESTION));
    const history = this.memory.recent(options.userKey);
    const draft = await this.draft(q, history, options);
    let answer: Answer = { ...draft.answer, mode: 'extractive' };
    if (this.llm && draft.context?.length && answer.answered) {
      const left = this.config.budgetMs - (performance.now() - started) - 50;
      answer = await this.rephrase(q, draft, history, left);
    }
    if (draft.turn) {
      this.memory.remember(options.userKey, {
        question: q.raw,
        answer: answer.text,
        ...draft.turn,
        at: Date.now(),
      });
    }
    logger.debug(
      { intent: answer.intent, mode: answer.mode, ms: Math.round(performance.now() - started) },
      'answered',
    );
    return answer;
  }

  forget(userKey: string): void {
    this.memory.forget(userKey);
  }

  private async rephrase(q: QuestionText, draft: Draft, history: Turn[], timeoutMs: number): Promise<Answer> {
    const fallback: Answer = { ...draft.answer, mode: 'extractive' };
    if (timeoutMs < 100) return fallback;
    try {
      const text = await this.llm!.compose({
        question: q.raw,
        history: history.map((t) => ({ question: t.question, answer: t.answer })),
        passages: draft.context!,
        timeoutMs,
      });
      const opened = draft.preface && !text.startsWith(draft.preface) ? `${draft.preface}\n${text}` : text;
      return { ...draft.answer, text: opened, mode: 'llm' };
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'model failed; extractive answer sent');
      return fallback;
    }
  }

  private async draft(q: QuestionText, history: Turn[], options: AskOptions): Promise<Draft> {
    if (!q.raw) return this.decline('no_match', replies.noMatchReply(this.config.contact));
    const rule = ruleIntent(q);
    if (rule === 'greeting') {
      return {
        answer: {
          text: replies.greetingReply(),
          answered: true,
          confidence: 1,
          intent: 'greeting',
          sources: [],
          suggestions: replies.GREETING_SUGGESTIONS,
        },
      };
    }
    // A manipulation about OTP or passwords, or an off-topic question after a scam ("bị lừa…
    // giờ muốn khởi kiện"), still deserves the safe advice.
    const withAdvice = (reply: string) => (mentionsSafety(q) ? `${safetyAdvice(q)}\n${reply}` : reply);
    if (rule === 'injection')
      return this.decline('injection', withAdvice(replies.injectionReply(this.config.contact)));
    if (rule === 'out_of_scope')
      return this.decline('out_of_scope', withAdvice(replies.outOfScopeReply(this.config.contact)));

    const last = history.at(-1);
    const followUp = last !== undefined && isFollowUp(q);
    if (followUp && last.docId && asksNextStep(q)) {
      // Every step already shown: the lesson says there are none left.
      const fromStep = last.nextStep ?? Number.MAX_SAFE_INTEGER;
      return this.lessonDraft(q, last.docId, [], rule === 'safety', fromStep, last.question);
    }
    const query = followUp ? `${last.question} ${q.raw}` : q.raw;
    const plan = this.planIndex();
    const canPlan = rule !== 'safety' && plan.tasks.length > 0;
    // Clearly about the plan: one search, over the plan only. A plan word counts in the
    // sentences that ask ("Đơn vị vừa giao cho cán bộ học một khóa… Học xong xem chứng nhận ở
    // đâu?" tells of the plan but asks about a lesson). A list of tasks is a weaker cue: without
    // a list to give, one task must match as well as by chance; a list of anything ("danh sách
    // hộ cận nghèo… có cần che gì") is no cue.
    const asked = askedPart(q);
    const namesPlan =
      PLAN_CUE.test(asked ? readQuestion(asked) : q) || (followUp && last.taskKey !== undefined);
    // A rare name a lesson holds ("con tôi dùng ChatGPT…") is about that lesson unless the plan is named.
    const namesLesson = this.namesLesson(q);
    const clearlyPlan = canPlan && (namesPlan || (asksForTaskList(q) && !namesLesson));
    if (clearlyPlan) {
      // A how-to that holds a plan word ("đơn vị giao cho cán bộ học…, vào trang nào?") asks about
      // a lesson unless one task matches it well.
      const minScore = namesPlan && !isHowTo(q) ? MIN_TASK_SCORE : INCIDENTAL_TASK_SCORE;
      const drafted = await this.planDraft(q, plan, followUp ? last : undefined, minScore);
      if (drafted) return drafted;
    }
    const hits = await this.searchAsked(q, query);
    // The plan says who does what by when, never how: "tôi chủ trì họp trực tuyến, làm sao để
    // người lạ không vào phá" asks a lesson, whatever the plan's words it shares.
    if (canPlan && !clearlyPlan && !namesLesson && !ASKS_A_WAY.test(q) && hits[0]?.chunk.kind === 'plan') {
      const drafted = await this.planDraft(q, plan, followUp ? last : undefined, INCIDENTAL_TASK_SCORE);
      if (drafted) return drafted;
    }
    const lessonHits = hits.filter((h) => h.chunk.kind !== 'plan');
    const pool =
      lessonHits.length >= 3
        ? lessonHits
        : await this.search.search(query, { k: 8, filter: { kind: ['lesson', 'faq', 'doc'] } });
    return this.lessonFromHits(q, pool, rule === 'safety', options, followUp ? last.question : undefined);
  }

  /**
   * Retrieval for the message with the lessons' wording for its everyday phrases; for a long one
   * also for the sentences that ask, so that the story's rare words do not crowd out the lesson
   * that answers (each list scaled to its best).
   */
  private async searchAsked(q: QuestionText, query: string): Promise<SearchHit[]> {
    const hits = await this.search.search(withLessonWording(query), { k: 8 });
    const asked = askedPart(q);
    if (!asked || query !== q.raw) return hits;
    const more = await this.search.search(withLessonWording(asked), { k: 8 });
    const scaled = (list: SearchHit[]) => list.map((h) => ({ ...h, score: h.score / (list[0]?.score || 1) }));
    const best = new Map<number, SearchHit>();
    for (const h of [...scaled(hits), ...scaled(more)]) {
      const seen = best.get(h.chunk.id);
      if (!seen || h.score > seen.score) best.set(h.chunk.id, h);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, 10);
  }

  private decline(intent: Intent, text: string): Draft {
    return {
      answer: {
        text,
        answered: false,
        confidence: 0,
        intent,
        sources: [],
        suggestions: replies.GREETING_SUGGESTIONS,
      },
    };
  }

  prepare(): void {
    this.planIndex();
    this.vocabulary();
    this.areas();
  }

  /** The plan's task records, rebuilt when the knowledge base has changed since. */
  private planIndex(): PlanIndex {
    const generation = this.kb.store.getMeta('vectors.generation') ?? '';
    if (this.plan?.generation !== generation) this.plan = { generation, index: new PlanIndex(this.kb) };
    return this.plan.index;
  }

  private async planDraft(
    q: QuestionText,
    plan: PlanIndex,
    last: Turn | undefined,
    minScore = MIN_TASK_SCORE,
  ): Promise<Draft | undefined> {
    const query = last ? `${last.question} ${q.raw}` : q.raw;
    const hits = await this.search.search(query, { k: 8, filter: { kind: 'plan' } });
    const list = answerPlanList(q, plan, hits);
    if (list) return this.planResult(list);
    const fields = askedFields(q);
    const own = subjectTerms(q, PLAN_STOP);
    const previous = last?.taskKey
      ? plan.tasks.find((t) => `${t.docId}#${t.ref}` === last.taskKey)
      : undefined;
    let picked: { task: TaskRecord; score: number } | undefined;
    if (previous && own.length <= 2) picked = { task: previous, score: 0.8 };
    else picked = pickTask(last ? readQuestion(query) : q, plan, hits);
    if (!picked || picked.score < minScore) return undefined;
    return this.planResult({
      text: singleTaskText(picked.task, fields),
      tasks: [picked.task],
      confidence: Math.min(1, picked.score),
      shape: 'single',
    });
  }

  private planResult(result: PlanAnswer): Draft {
    const title = result.tasks[0]!.docTitle;
    const sources: AnswerSource[] = result.tasks.map((t) => ({
      id: t.docId,
      title: t.docTitle,
      kind: 'plan',
      ref: t.ref,
      score: round(result.confidence),
    }));
    const first = result.tasks[0]!;
    const suggestions =
      result.shape === 'single'
        ? [`Nhiệm vụ ${first.ref} phối hợp với ai?`, `Nhiệm vụ ${first.ref} thực hiện khi nào?`]
        : [`Ai chủ trì nhiệm vụ ${first.ref}?`];
    return {
      answer: {
        text: `${result.text}\nNguồn: ${title}.`,
        answered: true,
        confidence: round(result.confidence),
        intent: 'plan',
        sources,
        suggestions,
      },
      context: result.tasks.slice(0, 12).map((t) => ({
        label: `Nhiệm vụ ${t.ref} – ${t.docTitle}`,
        text: `Nội dung: ${t.content}\nChủ trì: ${t.lead}\nPhối hợp: ${t.support}\nKết quả: ${t.result}\nThời gian: ${t.timeframe}`,
      })),
      turn: result.shape === 'single' ? { taskKey: `${first.docId}#${first.ref}` } : {},
    };
  }

  private lessonFromHits(
    q: QuestionText,
    hits: SearchHit[],
    safety: boolean,
    options: AskOptions,
    previousQuestion?: string,
  ): Draft {
    const words = [
      ...(previousQuestion ? subjectTerms(readQuestion(previousQuestion)) : []),
      ...subjectTerms(q),
    ];
    const unfocused = termWeights(this.kb, words);
    const weights = withWording(q, lessStory(q, unfocused, anchorOf(unfocused)), this.kb);
    const scope = scopeTerms(q);
    const inScope = this.scopeOf(q, hits);
    // Unaccented words collide with common ones ("hoa hong", "so de"): such a question must
    // also name at least one compound the knowledge base holds, however well its words match.
    const outOfScope =
      inScope.value < (safety ? SAFETY_MIN_SCOPE : MIN_SCOPE) ||
      (inScope.value < UNSURE_SCOPE && !namesKnownCompound(q, scope, this.vocabulary())) ||
      (!q.accented &&
        inScope.value < CLEAR_SCOPE &&
        !namesKnownCompound(q, foldedPairs(q), this.vocabulary()));
    // A lesson whose title or keywords hold the question's rare name ("gemini") puts it in scope.
    if (!hits.length || (!previousQuestion && outOfScope && !this.namesLesson(q, weights))) {
      return { ...this.decline('no_match', replies.noMatchReply(this.config.contact)), turn: {} };
    }
    const { docId, value } = this.chooseDocument(q, preferAudience(hits, options.audience), weights, safety);
    return this.lessonDraft(q, docId, hits, safety, undefined, previousQuestion, weights, value);
  }

  /**
   * The document to answer from: retrieval's rank, how much of the question the document's
   * passages hold, and how well its profile (title, keywords, summary) names the question's
   * subject; for safety questions, lessons of the safety area come first.
   */
  private chooseDocument(
    q: QuestionText,
    hits: SearchHit[],
    weights: Map<string, number>,
    safety: boolean,
  ): { docId: string; value: number } {
    const top = hits[0]?.score || 1;
    const areas = this.areas();
    const candidates = new Map<string, { rank: number; value: number }>();
    for (const h of hits) {
      if (candidates.has(h.chunk.docId)) continue;
      const value = bestCoverage(
        weights,
        hits.filter((x) => x.chunk.docId === h.chunk.docId),
      ).value;
      candidates.set(h.chunk.docId, { rank: h.score / top, value });
    }
    // The safety lessons come first for a scam, not for a password one has forgotten.
    const scam = safety && mentionsScam(q);
    const harmDone = reportsHarm(q);
    const toAI = asksOfAI(q);
    // A lesson whose title or keywords name the subject is a candidate even when retrieval
    // missed it (its passages then count as its profile).
    const named = new Map<string, number>();
    const anchor = anchorOf(weights);
    for (const [docId, terms] of this.profileTerms()) {
      const share = weightedShare(weights, terms);
      const match = anchor && terms.has(anchor) ? Math.max(share, ANCHOR_NAMED) : share;
      named.set(docId, match);
      // Once a scam has done harm, the lesson for after it is a candidate whatever retrieval found.
      const { area = '', afterHarm = false } = areas.get(docId) ?? {};
      const needed = scam && harmDone && afterHarm && SAFETY_AREAS.has(area);
      if (!candidates.has(docId) && (match >= PROFILE_CANDIDATE || needed)) {
        // Judged on its own passages, as if retrieval had ranked it midway.
        const own = this.kb.store
          .chunksByIds(this.kb.store.chunkIdsOf(docId))
          .map((chunk) => ({ chunk, score: 0 }));
        candidates.set(docId, { rank: PROFILE_RANK, value: bestCoverage(weights, own).value });
      }
    }
    let best = { docId: hits[0]!.chunk.docId, value: 0, score: -1 };
    for (const [docId, { rank, value }] of candidates) {
      // The lesson for after the harm ("Bị lừa đảo…: cần làm gì ngay") only when harm is told.
      const { area = '', afterHarm = false } = areas.get(docId) ?? {};
      // Once harm is told, what to do now comes before how to recognise the scam.
      const bonus =
        scam && SAFETY_AREAS.has(area) && (!afterHarm || harmDone) ? (afterHarm ? 0.25 : 0.15) : 0;
      // How much of the question a lesson's passages hold weighs more than their search rank:
      // a long story's many words rank a lesson that holds only the story.
      // Something sent to or asked of an AI tool ("chụp kết quả xét nghiệm gửi ChatGPT") is the
      // AI lessons' subject before the lesson on what is sent.
      const aiBonus = toAI && area === 'ai' ? AI_HEAD_START : 0;
      const score = 0.25 * rank + 0.45 * value + 0.3 * (named.get(docId) ?? 0) + bonus + aiBonus;
      if (score > best.score) best = { docId, value, score };
    }
    return best;
  }

  /**
   * How much of the question the best document holds; for a message that tells a story, the
   * better of the whole, its story words weighing half ("Tôi bán bún riêu… khách gõ nhầm…"), and
   * of its asking sentences ("…ảnh cầu sập ở quê. Có cách nào kiểm tra ảnh đó gốc ở đâu không?").
   */
  private scopeOf(q: QuestionText, hits: SearchHit[]): { docId: string; value: number } {
    const coverage = (text: QuestionText, story: boolean) => {
      const terms = scopeTerms(text);
      const singles = terms.filter((t) => !t.folded.includes('_')).map((t) => t.folded);
      const weights = termWeights(this.kb, singles);
      return scopeCoverage(
        text,
        terms,
        story ? lessStory(text, weights) : weights,
        hits,
        this.profiles(),
        everydayPhrases(text.raw),
      );
    };
    // A relative "đi xuất khẩu lao động" tells whom the question is for, not what it is about.
    const situated = withoutSituations(q.raw);
    const told = situated === q.raw ? q : readQuestion(situated);
    const whole = coverage(told, true);
    const asked = askedPart(told);
    if (!asked) return whole;
    const part = coverage(readQuestion(asked), false);
    // A few asked words match by chance ("nghỉ hưu … lĩnh bao nhiêu"): only a near-whole match counts.
    return part.value >= PART_SCOPE && part.value > whole.value ? part : whole;
  }

  /** Whether a lesson's title or keywords hold the question's rare name ("gemini", "shopee"). */
  private namesLesson(q: QuestionText, weights = termWeights(this.kb, subjectTerms(q))): boolean {
    const anchor = anchorOf(weights);
    return anchor !== undefined && [...this.profileTerms().values()].some((terms) => terms.has(anchor));
  }

  /** Each document's profile (title, keywords, summary), cached per index generation. */
  private profiles(): Map<string, string> {
    const generation = this.kb.store.getMeta('vectors.generation') ?? '';
    if (this.profileCache?.generation !== generation) {
      const map = documentProfiles(this.kb);
      const terms = new Map([...map].map(([docId, profile]) => [docId, typedTerms(profile, false)]));
      this.profileCache = { generation, map, terms };
    }
    return this.profileCache.map;
  }

  /** Each profile's folded terms, cached with the profiles. */
  private profileTerms(): Map<string, Set<string>> {
    this.profiles();
    return this.profileCache!.terms;
  }

  /** Every word and word pair of the knowledge base, built on first use per generation. */
  private vocabulary(): Vocabulary {
    const profiles = this.profiles();
    this.profileCache!.vocabulary ??= new Vocabulary(this.kb, profiles);
    return this.profileCache!.vocabulary;
  }

  /**
   * Each document's subject area (front-matter `area`) and whether it is for after the harm
   * (`when: after-harm`), cached per index generation.
   */
  private areas(): Map<string, { area: string; afterHarm: boolean }> {
    const generation = this.kb.store.getMeta('vectors.generation') ?? '';
    if (this.areaCache?.generation !== generation) {
      const map = new Map(
        this.kb.store.documents().map((d) => [
          d.id,
          {
            area: typeof d.meta.area === 'string' ? d.meta.area : '',
            afterHarm: d.meta.when === 'after-harm',
          },
        ]),
      );
      this.areaCache = { generation, map };
    }
    return this.areaCache.map;
  }

  private lessonDraft(
    q: QuestionText,
    docId: string,
    hits: SearchHit[],
    safety: boolean,
    fromStep?: number,
    previousQuestion?: string,
    weights = termWeights(this.kb, [
      ...(previousQuestion ? subjectTerms(readQuestion(previousQuestion)) : []),
      ...subjectTerms(q),
    ]),
    confidence = 0.7,
  ): Draft {
    const doc = documentView(this.kb, docId);
    if (!doc) return this.decline('no_match', replies.noMatchReply(this.config.contact));
    const preface = safety ? safetyAdvice(q) : undefined;
    const composed = composeFromDocument(q, doc, weights, { fromStep, said: preface });
    const text = [preface, composed.text, `Nguồn: bài “${doc.title}”.`].filter(Boolean).join('\n');
    const top = hits[0]?.score || 1;
    const others = new Map<string, SearchHit>();
    for (const h of hits)
      if (h.chunk.docId !== docId && h.score >= top * 0.6 && !others.has(h.chunk.docId))
        others.set(h.chunk.docId, h);
    const own = hits.find((h) => h.chunk.docId === docId);
    const sources: AnswerSource[] = [
      {
        id: doc.docId,
        title: doc.title,
        kind: doc.kind,
        ref: own?.chunk.heading || null,
        score: round(own ? own.score / top : 1),
      },
      ...[...others.values()].slice(0, 2).map((h) => ({
        id: h.chunk.docId,
        title: h.chunk.docTitle,
        kind: h.chunk.kind,
        ref: h.chunk.heading || null,
        score: round(h.score / top),
      })),
    ];
    const context: ContextPassage[] = [
      {
        label: doc.title,
        text: doc.sections
          .filter((s) => !['sources', 'practice'].includes(s.kind))
          .map((s) => modelText(s.kind, s.text))
          .join('\n')
          .slice(0, 3000),
      },
      ...[...others.values()].slice(0, 2).map((h) => ({
        label: h.chunk.docTitle,
        text: modelText(sectionKind(h.chunk.heading), h.chunk.text),
      })),
    ];
    return {
      answer: {
        text,
        answered: true,
        confidence: round(confidence),
        intent: safety ? 'safety' : 'howto',
        sources,
        suggestions: composed.nextStep
          ? ['Bước tiếp theo?']
          : [...others.values()].slice(0, 2).map((h) => `Xem bài “${h.chunk.docTitle}”`),
      },
      context,
      preface,
      turn: { docId, nextStep: composed.nextStep ?? composed.firstStep },
    };
  }
}

function preferAudience(hits: SearchHit[], audience: string | undefined): SearchHit[] {
  if (!audience) return hits;
  const top = hits[0]?.score ?? 0;
  // A document for the person's group wins when it is nearly as good as the best one.
  const fit = hits.find((h) => h.chunk.audience.includes(audience) && h.score >= top * 0.9);
  return fit ? [fit, ...hits.filter((h) => h !== fit)] : hits;
}

/** A section as the model reads it: the self-check as questions and right answers, since bare options would mislead. */
function modelText(kind: SectionKind, text: string): string {
  if (kind !== 'quiz') return text;
  return quizPairs(text)
    .map((p) => `Hỏi: ${p.stem}\nĐáp: ${p.answer}`)
    .join('\n');
}

/** The text with the lessons' wording for its everyday phrases, as separate phrases. */
function withLessonWording(text: string): string {
  const wording = lessonWording(text);
  return wording.length ? `${text} | ${wording.join(' | ')}` : text;
}

/** How much a word of the lessons' wording for the question weighs against the question's own. */
const WORDING_WEIGHT = 0.5;

/** The question's weights with the words of the lessons' wording for it ("tắt tiếng" → "tắt thông báo"). */
function withWording(q: QuestionText, weights: Map<string, number>, kb: KnowledgeBase): Map<string, number> {
  const wording = lessonWording(q.raw);
  if (!wording.length) return weights;
  const extra = termWeights(
    kb,
    wording.flatMap((w) => subjectTerms(readQuestion(w))),
  );
  const out = new Map(weights);
  for (const [t, w] of extra) if (!out.has(t)) out.set(t, w * WORDING_WEIGHT);
  return out;
}

/** A Vietnamese syllable without its marks: initial consonant, vowels, final consonant. */
const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/**
 * The question's rarest name, when it is rare in the knowledge base too ("chatgpt", "talkback"):
 * it names the question's subject however many everyday words surround it. Only a word of three
 * or more letters that is not a Vietnamese syllable counts: without marks, "mu" (Manchester
 * United) would be "mù".
 */
function anchorOf(weights: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const [t, w] of weights) {
    const name = /^\p{L}[\p{L}\p{N}]{2,}$/u.test(t) && !VIETNAMESE_SYLLABLE.test(t);
    if (name && w >= ANCHOR_WEIGHT && (!best || w > best[1])) best = [t, w];
  }
  return best?.[0];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
