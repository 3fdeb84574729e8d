/**
 * The extractive composer: a readable answer made of the document's own sentences, at most
 * ~700 characters. How-to questions get every numbered step on one short line (the steps that
 * hold the question's words keep more of their detail) and the caution that matches best;
 * other questions get the sentences, across intro, steps and notes, that hold most of the
 * question's words, in the document's order.
 */
import { foldDiacritics, hasDiacritics } from '../../knowledge/vietnamese/normalize.ts';
import { foldedTerms } from './plan/plan-index.ts';
import { typedTerms } from './scope.ts';
import type { DocumentView, Section } from './passages.ts';
import { askedPart, questionParts } from './focus.ts';
import { isNegationPair, subjectTerms } from './stopwords.ts';
import {
  asSentence,
  foldedSyllables,
  PhraseMatcher,
  plain,
  readQuestion,
  sentences,
  splitSteps,
  type QuestionText,
} from './text.ts';

const HOW_TO = new PhraseMatcher([
  'làm sao',
  // "Làm cái mã QR dán ở xe chè sao?"
  're:làm [^.?!,]{1,40}(?<!(là|có|hay|vậy|thế|gì)) sao ?\\?',
  'làm thế nào',
  'thế nào',
  'như thế nào',
  'ra sao',
  'sao cho',
  'cách',
  'kiểu gì',
  'các bước',
  'từng bước',
  'hướng dẫn',
  // "chỉ giúp tôi", "chỉ cách": asking to be shown
  're:chỉ (giúp|giùm|dùm|hộ|với|cho|tôi|tui|em|mình|cách)',
  'bằng cách nào',
  'ở đâu',
  'chỗ nào',
  'bấm vào đâu',
  'bấm gì',
  'vào đâu',
  'làm gì',
  'phải làm',
  // "việc đầu tiên cần làm là gì" asks what to do, not what something is
  're:(cần|phải|nên) làm (là )?gì',
  'việc đầu tiên',
  'thao tác',
  'cài',
  'đăng ký',
  'đăng nhập',
  'bật',
  'tắt',
  'mở',
  'tải',
]);
/** Asking for every step from the first: the answer does not skip to the step asked about. */
const WHOLE_WAY = new PhraseMatcher(['từng bước', 'các bước', 'từ đầu', 'từ a đến z']);

/** Questions that ask for a judgement or a definition, not for steps. */
const JUDGEMENT = new PhraseMatcher([
  're:(?<!làm )là gì',
  'có nên',
  'có sao',
  'có phải',
  'được không',
  'có an toàn',
  'an toàn không',
  'có được',
  'vì sao',
  'tại sao',
  'khác gì',
  'có cần',
  'nên không',
  'có bị',
  'thật không',
]);

/** Questions that ask what something is: the lesson's intro defines its subject. */
const DEFINITION = new PhraseMatcher([
  're:(?<!làm )là gì',
  'là cái gì',
  'nghĩa là gì',
  // Not "vậy là sao": what is going on, not what a word means.
  're:(?<!(vậy|thế|vầy|như vậy|như thế) )là sao',
  'dùng để làm gì',
  'để làm gì',
]);

export const BUDGET = 700;
/** Longest line a step may take, and the shortest it is squeezed to before steps are left out. */
const STEP_MAX = 150;
const STEP_MIN = 60;
const CAUTION_MAX = 160;
const MATCHED_CAUTION_MAX = 200;
/** A definition may take the intro's first sentences. */
const DEFINITION_MAX = 300;
/**
 * Longest a sentence of a prose answer, or the one that leads the steps, may be shown: nearly
 * every sentence of the lessons fits whole, and a cut one ("…") often loses what it says to do.
 */
const SENTENCE_MAX = 300;
/** Steps and caution together may run a little over the budget rather than drop a step. */
const STEPS_SLACK = 60;

export interface Composed {
  text: string;
  /** The next step not shown, when the steps were cut: "bước tiếp theo" continues from there. */
  nextStep?: number;
  /** The lesson's first step, when the answer gave sentences instead: "bước tiếp theo" starts there. */
  firstStep?: number;
}

interface Step {
  number: number;
  sentences: string[];
  scores: number[];
  score: number;
}

/**
 * Whether the question, or one of its parts, asks how to do something: "vào nhóm kiểu gì? tắt
 * bớt được không" asks for the steps, and for a judgement besides.
 */
export function isHowTo(q: QuestionText): boolean {
  // A story's "cài VNeID lên máy" does not make "Máy hư hay sao vậy?" a how-to: the asking does.
  const asked = askedPart(q);
  return questionParts(asked === undefined ? q : readQuestion(asked)).some(
    (part) => HOW_TO.test(part) && !JUDGEMENT.test(part),
  );
}

/** Composes an answer from one document; `fromStep` continues the steps of an earlier answer. */
export function composeFromDocument(
  q: QuestionText,
  doc: DocumentView,
  weights: Map<string, number>,
  {
    budget = BUDGET,
    fromStep,
    said,
  }: {
    budget?: number;
    fromStep?: number;
    /** What the answer already opens with (the safe advice): sentences that repeat it are left out. */
    said?: string;
  } = {},
): Composed {
  weights = asTyped(q, weights);
  const trouble = symptomsOf(q, weights);
  weights = symptomFirst(q, weights, trouble);
  const stepsSection = doc.sections.find((s) => s.kind === 'steps');
  const steps = forPlatform(q, stepsSection ? readSteps(stepsSection.text, weights) : []);
  if (steps.length && fromStep !== undefined)
    return stepsAnswer(doc, steps, weights, budget, fromStep, { followUp: true });
  const definition = DEFINITION.test(q);
  const repeatsSaid = repeating(said);
  const candidates = sentenceCandidates(doc, weights, definition).filter((c) => !repeatsSaid(c.text));
  if (!steps.length || (!isHowTo(q) && !stepsAnswerIt(candidates)))
    return { ...sentencesAnswer(candidates, budget), firstStep: steps[0]?.number };
  // A question that is not plainly "how" ("được không", "là gì", "cần lưu ý gì") opens with the
  // sentence that answers it best (for "là gì", the intro), then the steps, which hold most of
  // what a resident needs.
  const lead =
    (definition && introLead(candidates)) ||
    leadSentence(candidates, isHowTo(q) && !JUDGEMENT.test(q)) ||
    candidates.find((c) => c.section === 'intro' && NEEDS.test(c.text));
  const shape = { lead, repeatsSaid, trouble };
  const whole = stepsAnswer(doc, steps, weights, budget, steps[0]!.number, shape);
  // A long lesson that covers several tasks: start at the steps the question is about, unless
  // the person asks for the whole way ("làm từng bước sao").
  const focus = focusStep(steps);
  if (whole.nextStep === undefined || focus === steps[0]!.number || WHOLE_WAY.test(q)) return whole;
  return stepsAnswer(doc, steps, weights, budget, focus, shape);
}

/** Share of two sentences' syllables they must hold in common for one to repeat the other. */
const REPEAT_SHARE = 0.5;

/**
 * A test of whether a sentence says again what `said` says ("Quy tắc số một: mã OTP không bao
 * giờ được đưa cho ai…" after "Không bao giờ đọc, nhắn hay gửi mã OTP cho bất kỳ ai…"). "Ngân
 * hàng, công an… không bao giờ hỏi mã OTP" shares many words with it but adds a point of its own.
 */
function repeating(said: string | undefined): (text: string) => boolean {
  if (!said) return () => false;
  const before = new Set(foldedSyllables(said.toLowerCase()));
  return (text) => {
    const own = new Set(foldedSyllables(text.toLowerCase()));
    const shared = [...own].filter((w) => before.has(w)).length;
    return shared >= (own.size + before.size - shared) * REPEAT_SHARE;
  };
}

/** Words that name a phone's platform: an iPhone owner has no use for the Android steps. */
const PLATFORMS = {
  iphone: /\b(iphone|ipad|ios|voiceover|siri|app store)\b/iu,
  android: /\b(android|samsung|oppo|xiaomi|vivo|realme|talkback|ch play|gboard)\b/iu,
};

/**
 * The steps for the person's phone: when the question names one platform, the steps written
 * for the other one alone ("Android: bấm biểu tượng micro…" for an iPhone owner) are left out.
 */
function forPlatform(q: QuestionText, steps: Step[]): Step[] {
  const iphone = PLATFORMS.iphone.test(q.raw);
  if (iphone === PLATFORMS.android.test(q.raw)) return steps;
  const [own, other] = iphone ? [PLATFORMS.iphone, PLATFORMS.android] : [PLATFORMS.android, PLATFORMS.iphone];
  // A step is for one platform when its opening words name it ("iPhone cần chữ to hơn nữa:").
  const kept = steps.filter((s) => {
    const opening = s.sentences[0]?.split(/[:,]/)[0] ?? '';
    const short = opening.split(/\s+/).length <= 6;
    return !short || !other.test(opening) || own.test(opening);
  });
  return kept.length ? kept : steps;
}

/** One self-check question: the situation it asks about and its right answer with the reason. */
interface QuizPair {
  stem: string;
  answer: string;
}

/**
 * A lesson's self-check read as questions and answers ("Gọi video thấy con trai hình mờ … Bạn
 * làm gì?" → "Cúp máy, gọi lại … Hình và giọng … có thể bị làm giả."): the situations residents
 * ask about are often exactly these, and the right option states what to do.
 */
export function quizPairs(text: string): QuizPair[] {
  const pairs: QuizPair[] = [];
  let stem: string[] = [];
  const options = new Map<string, string>();
  for (const raw of plain(text).split('\n')) {
    const line = raw.trim();
    const option = /^[-•]\s*([A-D])[.)]\s*(.+)$/u.exec(line);
    const key = /^Đáp án:\s*(?:([A-D])(?:[.)]|$)\s*)?(.*)$/u.exec(line);
    if (option) options.set(option[1]!, option[2]!.trim());
    else if (key) {
      const right = key[1] ? options.get(key[1]) : undefined;
      const reason = key[2]!.trim();
      // The reason often restates the right option; then the option alone says it.
      const answer =
        right && reason && !right.includes(reason.replace(/[.!?…]$/u, ''))
          ? `${asSentence(right)} ${asSentence(reason)}`
          : asSentence(right ?? reason);
      const asked = stem.join(' ');
      if (right || reason) pairs.push({ stem: asked, answer: standingAlone(asked, answer) });
      stem = [];
      options.clear();
    } else if (line && !/^#+\s/u.test(line) && !/^câu \d+$/iu.test(line)) stem.push(line);
  }
  return pairs;
}

/** A self-check question asking why: "Vì sao nên cập nhật ứng dụng?". */
const WHY_ASKED = /^(?:vì sao|tại sao)\s+(.+?)\s*\?$/iu;
/** A right option that only answers its question: a reason, a yes or no, a few words. */
const REASON = /^(để|vì|do|bởi)\s/iu;
const YES_NO = /^(có|không)(,|\.|$)/iu;
/** "Bạn làm gì?" adds nothing before what to do ("Không gửi, chặn người đó."). */
const BARE_ASK = /^bạn (nên |cần |sẽ )?làm gì\?$/iu;

/**
 * A self-check answer that reads alone: "Để sửa lỗi và dùng an toàn hơn." answers nothing out of
 * its question, so it becomes "Nên cập nhật ứng dụng để sửa lỗi…"; a yes, a no or a few words
 * ("Chỉ mình bạn.", "Ban Cơ yếu Chính phủ.") follow their question.
 */
function standingAlone(stem: string, answer: string): string {
  const asked = stem.split(/(?<=[.!?])\s+/u).pop() ?? '';
  const why = WHY_ASKED.exec(asked);
  if (why && REASON.test(answer)) return `${upperFirst(why[1]!)} ${lowerFirst(answer)}`;
  const first = answer.split(/(?<=[.!?])\s+/u)[0]!;
  if (asked.endsWith('?') && !BARE_ASK.test(asked) && (YES_NO.test(first) || first.split(/\s+/).length <= 5))
    return `${asked} ${answer}`;
  return answer;
}

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * Whether the steps hold the answer to a question that is not plainly "how" ("thêm bằng lái vào
 * VNeID được không"): most of the sentences that hold the question best are steps. Otherwise
 * ("giao hàng luôn được không") the answer is in the intro, the cautions and the self-check.
 */
function stepsAnswerIt(candidates: Candidate[]): boolean {
  const top = [...candidates].sort((a, b) => b.score - a.score).slice(0, 4);
  return top.filter((c) => c.section === 'steps').length * 2 >= top.length;
}

/**
 * The best sentence outside the steps, when it holds the question's words at all; before the
 * steps of a how-to answer only when it holds more of them than any step does.
 */
function leadSentence(candidates: Candidate[], howTo: boolean): Candidate | undefined {
  let best: Candidate | undefined;
  let bestStep = 0;
  for (const c of candidates) {
    if (c.section === 'steps') bestStep = Math.max(bestStep, c.score);
    // A self-check answer is matched by its situation ("con gọi video xin tiền…"): before the
    // steps of a plain how-to, that situation is rarely the asker's.
    else if (howTo && c.section === 'quiz') continue;
    else if (c.score > 0.5 && (!best || c.score > best.score)) best = c;
  }
  // Before steps, an intro or caution sentence must hold clearly more than any step.
  return howTo && best && best.score <= bestStep * 1.25 ? undefined : best;
}

/** The intro's opening sentences, which say what the lesson's subject is. */
function introLead(candidates: Candidate[]): Candidate | undefined {
  const intro = candidates.filter((c) => c.section === 'intro');
  if (!intro.length) return undefined;
  let text = intro[0]!.text;
  for (const c of intro.slice(1)) {
    if (text.length + c.text.length + 1 > DEFINITION_MAX) break;
    text = `${text} ${c.text}`;
  }
  return { ...intro[0]!, text, max: DEFINITION_MAX };
}

function readSteps(text: string, weights: Map<string, number>): Step[] {
  const split = splitSteps(plain(text));
  const holders = split.map((s) => holder(s.text));
  const telling = tellingWeights(weights, holders);
  return split.map((s, i) => {
    const parts = sentences(s.text);
    const scores = parts.map((p) => score(telling, p));
    return { number: s.number, sentences: parts, scores, score: scoreHeld(telling, holders[i]!) };
  });
}

/**
 * The question's weights for telling steps (or a lesson's sentences) apart: a word most of them
 * hold (the lesson's subject, "gọi video" in a lesson on video calls) says little about which
 * one is asked; a word one of them holds ("nghe", "tiếng") says much.
 */
function tellingWeights(weights: Map<string, number>, holders: Holder[]): Map<string, number> {
  const n = holders.length;
  if (n < 3) return weights;
  const out = new Map<string, number>();
  for (const [t, w] of weights) {
    const df = holders.filter((has) => has(t)).length;
    out.set(t, df ? (w * Math.log((n + 1) / df)) / Math.log(n + 1) : w);
  }
  return out;
}

/**
 * Where the steps that answer begin. A lesson often covers several tasks ("join a group", …,
 * "mute it", "leave it"): when one later step holds clearly more of the question than the
 * first, the answer starts there (or one step earlier when that one is relevant too).
 */
function focusStep(steps: Step[]): number {
  const scores = steps.map((s) => s.score);
  let best = 0;
  scores.forEach((s, i) => {
    if (s > scores[best]!) best = i;
  });
  if (best === 0 || scores[best]! <= scores[0]! * 1.5 + 0.5) return steps[0]!.number;
  const start = best > 0 && scores[best - 1]! >= scores[best]! * 0.7 ? best - 1 : best;
  return steps[start]!.number;
}

/** How much more the symptom of a troubleshooting question weighs in choosing what to show. */
const SYMPTOM_WEIGHT = 2;

/** What went wrong ("gửi hai lần đều bị từ chối", "báo lỗi"), matched folded. */
const TROUBLE =
  /(?<![\p{L}])(?:bi (?:tu choi|loi|khoa|treo|huy|chan|tra ve|dung)|bao loi|that bai)(?![\p{L}])/gu;

/**
 * The question's weighed words for the trouble it tells: a troubleshooting question often asks
 * only "giờ làm sao?", and the trouble is what it is about. Only as typed with marks: folded,
 * "bi loi" is also "bị lời".
 */
function symptomsOf(q: QuestionText, weights: Map<string, number>): string[] {
  if (!q.accented) return [];
  const phrases = foldDiacritics(q.raw.toLowerCase()).match(TROUBLE) ?? [];
  const trouble = new Set(phrases.flatMap((p) => subjectTerms(readQuestion(p))));
  return [...weights.keys()].filter((t) => trouble.has(foldDiacritics(t)));
}

/**
 * A troubleshooting question is about what fails: "thấy mặt mà không nghe tiếng" is answered by
 * the step that says when the other side hears nothing, more than by the lesson's opening on
 * hearing and seeing; so is the trouble a story tells (`symptomsOf`). Only as typed with marks:
 * folded, "khong the" is also "không thẻ".
 */
function symptomFirst(q: QuestionText, weights: Map<string, number>, trouble: string[]): Map<string, number> {
  if (!q.accented) return weights;
  const symptom = (t: string) => isNegationPair(t) || trouble.includes(t);
  return new Map([...weights].map(([t, w]) => [t, symptom(t) ? w * SYMPTOM_WEIGHT : w]));
}

/**
 * The question's weighted terms as the person typed them: an accented word only matches the same
 * accented word ("nhận" is not "nhắn"); words typed without marks match any marks.
 */
function asTyped(q: QuestionText, weights: Map<string, number>): Map<string, number> {
  if (!q.accented) return weights;
  const byFold = new Map<string, string[]>();
  for (const t of typedTerms(q.expanded.split(' | ')[0]!, true)) {
    if (!hasDiacritics(t)) continue;
    const folded = foldDiacritics(t);
    byFold.set(folded, [...(byFold.get(folded) ?? []), t]);
  }
  const out = new Map<string, number>();
  for (const [t, w] of weights) for (const form of byFold.get(t) ?? [t]) out.set(form, w);
  return out;
}

function score(weights: Map<string, number>, text: string): number {
  return scoreHeld(weights, holder(text));
}

function scoreHeld(weights: Map<string, number>, has: Holder): number {
  let s = 0;
  for (const [t, w] of weights) if (has(t)) s += w;
  return s;
}

type Holder = (term: string) => boolean;

/** Whether a text holds a term: accented terms as typed, folded ones in any marks. */
function holder(text: string): Holder {
  const folded = new Set(foldedTerms(text));
  let accented: Set<string> | undefined;
  return (t) => (hasDiacritics(t) ? (accented ??= typedTerms(text, true)) : folded).has(t);
}

/**
 * A clause that only sets a condition or a case ("Nếu …", "Khi …", "Dùng xong", "nhất là …"):
 * it says nothing to do on its own.
 */
const CONDITION =
  /^(nếu|khi|trường hợp|trong trường hợp|lúc|sau khi|trước khi|nhất là|đặc biệt là|kể cả)\s|^[\p{L}]+( [\p{L}]+)? xong$/iu;

/**
 * Shortens a sentence to `max` characters, preferably at the end of a clause so that what is
 * kept reads whole; otherwise at a word, ending with "…".
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentenceEnd = head.lastIndexOf('. ');
  if (sentenceEnd >= max * 0.45) return head.slice(0, sentenceEnd + 1);
  // Not at a colon, and not right after a condition: "Nếu …: bật chế độ máy bay" must keep its action.
  let clause = Math.max(...[', ', '; ', ' (', ' – ', ' - '].map((sep) => head.lastIndexOf(sep)));
  // A clause ends outside brackets: "(vân tay, mã PIN)" is not cut after "vân tay".
  const open = head.lastIndexOf(' (', clause);
  const closed = open >= 0 ? head.indexOf(')', open) : -1;
  if (open >= 0 && (closed < 0 || closed > clause)) clause = open;
  const kept = head.slice(0, clause);
  // A comma inside brackets ("Khi công khai danh sách (bình xét, niêm yết)") ends no condition,
  // nor one between the short items of a list ("Khi người dân đề nghị xem, sửa, xóa…").
  const [opening = '', ...clauses] = kept
    .replace(/\([^()]*\)?/g, '')
    .split(/[,;]/)
    .map((c) => c.trim());
  const onlyCondition =
    CONDITION.test(opening) && clauses.every((c) => CONDITION.test(c) || c.split(/\s+/).length <= 2);
  // After a label, a clause cut keeps an action of its own: "Kiểm tra mức tài khoản: vào Ví giấy tờ".
  const afterLabel = kept.includes(':') ? kept.slice(kept.lastIndexOf(':') + 1).trim() : undefined;
  const labelOnly =
    afterLabel !== undefined && (afterLabel.split(/\s+/).length < 3 || CONDITION.test(afterLabel));
  if (clause >= max * 0.45 && !labelOnly && !onlyCondition) return `${kept.replace(/[\s,;:–-]+$/u, '')}.`;
  // A cut that would keep only the condition ("Nếu đã cài ứng dụng lạ…") or the label before a
  // colon ("Gửi qua Zalo: mở cuộc…") runs on to the end of the first action, when that is near.
  const firstAction = actionEnd(text);
  if (firstAction > max && firstAction <= max * ACTION_STRETCH && (onlyCondition || /^[^,;]*:/u.test(head)))
    return text
      .slice(0, firstAction)
      .replace(/[\s,;:–-]+$/u, '')
      .replace(/(?<![.!?])$/u, '…');
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > max * 0.6 ? space : max - 1).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** How far past its limit a cut may run to keep a step's first action whole. */
const ACTION_STRETCH = 1.7;

/**
 * Where a step's first action ends: past its label ("Sao lưu sổ: ") or the conditions it opens
 * with ("Nếu …, ", "Học xong, "), at the next clause or sentence end.
 */
function actionEnd(text: string): number {
  let from = /^[^:]{0,80}:\s/u.exec(text)?.[0].length ?? 0;
  for (;;) {
    const clause = /^([^,;:]*)[,;:]\s/u.exec(text.slice(from));
    if (!clause || !CONDITION.test(clause[1]!.trim())) break;
    from += clause[0].length;
  }
  const end = text.slice(from).search(/[,;]\s|\.(\s|$)/u);
  return end < 0 ? text.length : from + end + (text[from + end] === '.' ? 1 : 0);
}

/** A case named before a colon: "Tin về chính sách, tiền hỗ trợ, thủ tục: xem trang chính thức…". */
const LABEL = /^[^:.()"“]{0,80}:\s/u;
/** The longest head of a case before its colon that a step's shortest line keeps, and the whole line. */
const CASE_MAX = 45;
const CASE_LINE_MAX = 90;

/**
 * A step that names a case before its colon ("Tin về chính sách, tiền hỗ trợ, thủ tục: xem trang
 * chính thức…"), shortened to the case's first clauses and the first action after the colon.
 */
function caseAndAction(text: string, labelEnd: number): string | undefined {
  const label = text.slice(0, labelEnd).replace(/:\s$/u, '');
  const clauses = label.split(/,\s/u);
  let head = clauses[0]!;
  // A long case, or a list of quotes after the colon, has no short form of this kind.
  if (head.length > CASE_MAX || /^["“]/u.test(text.slice(labelEnd))) return undefined;
  for (const c of clauses.slice(1)) {
    if (head.length + c.length + 2 > CASE_MAX) break;
    head += `, ${c}`;
  }
  const rest = text.slice(labelEnd);
  const action = rest.slice(0, actionEnd(rest)).replace(/[\s,;:–-]+$/u, '');
  if (!action || head.length + action.length + 2 > CASE_LINE_MAX) return undefined;
  return `${head}: ${action}${/[.!?…]$/u.test(action) ? '' : '.'}`;
}

/** Leaves out asides in brackets that hold none of the question's words. */
function dropAsides(text: string, weights: Map<string, number>): string {
  return text.replace(/\s*\(([^()]*)\)/g, (aside, inner: string) => (score(weights, inner) > 0 ? aside : ''));
}

/**
 * The ways one step can be written, shortest first: its action cut at a clause, the whole
 * action, then with each further sentence of detail.
 */
function stepForms(step: Step, weights: Map<string, number>): string[] {
  const [first = '', ...rest] = step.sentences;
  const bare = dropAsides(first, weights);
  // The shortest form reads whole when it can: an aside that leaves only a cut condition
  // ("Nếu để lộ dữ liệu (gửi nhầm, mất máy…") gives way to the action.
  let terse = shorten(bare, STEP_MIN);
  const withoutAsides = shorten(dropAsides(first, new Map()), STEP_MIN);
  if (terse.endsWith('…') && !withoutAsides.endsWith('…')) terse = withoutAsides;
  // Nor as a case without what to do: "Người xưng công an, viện kiểm sát gọi điện" loses "tắt máy ngay".
  const labelEnd = LABEL.exec(bare)?.[0].length ?? 0;
  if (labelEnd > terse.length) terse = caseAndAction(bare, labelEnd) ?? terse;
  // A long first sentence may be shown whole when room allows: its end often holds the action.
  const forms = [terse, shorten(bare, STEP_MAX), shorten(first, STEP_MAX), shorten(first, STEP_MAX * 2)];
  let text = first;
  for (const more of rest) {
    text = `${text} ${more}`;
    forms.push(shorten(text, STEP_MAX * 2));
  }
  return [...new Set(forms)].map((f) => `${step.number}. ${f}`);
}

interface Layout {
  lines: string[];
  /** Whether the steps the question is about are shown with all their detail. */
  askedWhole: boolean;
}

/**
 * Fits the steps into `room`: every step first in its shortest form; the steps that hold most
 * of the question then get all their detail, and the others one more level at a time.
 */
function fitSteps(steps: Step[], room: number, weights: Map<string, number>): Layout | undefined {
  const forms = steps.map((s) => stepForms(s, weights));
  const level = steps.map(() => 0);
  const size = () => forms.reduce((n, f, i) => n + f[level[i]!]!.length + 1, 0);
  if (size() > room) return undefined;
  const order = steps.map((_, i) => i).sort((a, b) => steps[b]!.score - steps[a]!.score || a - b);
  const grow = (i: number) => {
    if (level[i]! + 1 >= forms[i]!.length) return false;
    level[i]!++;
    if (size() <= room) return true;
    level[i]!--;
    return false;
  };
  // The steps the question is about get their detail first, then every step in turn.
  const top = steps[order[0]!]!.score;
  const asked = order.filter((i) => top > 0 && steps[i]!.score >= top * 0.8);
  for (const i of asked) while (grow(i));
  for (let grew = true; grew;) {
    grew = false;
    for (const i of order) grew = grow(i) || grew;
  }
  return {
    lines: forms.map((f, i) => f[level[i]!]!),
    askedWhole: asked.every((i) => level[i] === forms[i]!.length - 1),
  };
}

/**
 * Lays out as many steps as fit: steps are left out only when even the shortest lines do not
 * fit (then "bước tiếp theo" shows the rest).
 */
function laySteps(steps: Step[], room: number, weights: Map<string, number>): Layout & { shown: number } {
  let shown = steps;
  let layout = fitSteps(shown, room, weights);
  while (!layout && shown.length > 3) {
    shown = shown.slice(0, -1);
    layout = fitSteps(shown, room - 70, weights);
  }
  layout ??= { lines: shown.map((s) => stepForms(s, weights)[0]!), askedWhole: false };
  return { ...layout, shown: shown.length };
}

function stepsAnswer(
  doc: DocumentView,
  steps: Step[],
  weights: Map<string, number>,
  budget: number,
  fromStep: number,
  {
    followUp = false,
    lead,
    repeatsSaid = () => false,
    trouble = [],
  }: {
    /** Continuing an earlier answer's steps ("bước tiếp theo"). */
    followUp?: boolean;
    /** The sentence shown before the steps. */
    lead?: Candidate;
    repeatsSaid?: (text: string) => boolean;
    /** The question's words for what went wrong: the caution that speaks of it comes first. */
    trouble?: string[];
  } = {},
): Composed {
  const remaining = steps.filter((s) => s.number >= fromStep);
  const intro = doc.sections.find((s) => s.kind === 'intro');
  if (!remaining.length)
    return {
      text: `Bài “${doc.title}” không còn bước nào nữa. ${intro ? shorten(plain(sentences(intro.text)[0] ?? ''), 200) : ''}`.trim(),
    };
  const header = followUp
    ? `Tiếp theo (bài “${doc.title}”):`
    : lead
      ? shorten(lead.text, lead.max ?? SENTENCE_MAX)
      : '';
  const topStep = Math.max(0, ...remaining.map((s) => s.score));
  let caution = followUp
    ? undefined
    : bestCaution(doc, weights, topStep * 0.5, { shown: lead?.text, repeatsSaid, trouble });
  const room = (line: string) => budget + STEPS_SLACK - header.length - line.length - 2;
  let laid = laySteps(remaining, room(caution ? `Lưu ý: ${caution}` : ''), weights);
  // A resident needs the whole path and the detail of the step asked about; a note that adds
  // nothing of the question to the steps gives way to that detail.
  if (caution && !addsToSteps(caution, remaining, weights, doc.title) && !laid.askedWhole) {
    const without = laySteps(remaining, room(''), weights);
    if (without.shown >= laid.shown) [laid, caution] = [without, undefined];
  }
  const cautionLine = caution ? `Lưu ý: ${caution}` : '';
  const next = laid.shown < remaining.length ? remaining[laid.shown]!.number : undefined;
  const out = [header, ...laid.lines].filter(Boolean);
  if (next !== undefined) {
    const left = remaining.length - laid.shown;
    out.push(`(Còn ${left} bước nữa: hỏi “bước tiếp theo” để xem tiếp.)`);
  }
  if (cautionLine) out.push(cautionLine);
  return { text: out.join('\n'), nextStep: next };
}

/**
 * Whether a note holds some word of the question that no step holds ("bị từ chối thì sao"); the
 * lesson's subject (its title's words) adds nothing.
 */
function addsToSteps(note: string, steps: Step[], weights: Map<string, number>, title: string): boolean {
  const inSteps = holder(`${title} ${steps.map((s) => s.sentences.join(' ')).join(' ')}`);
  const inNote = holder(note);
  return [...weights.keys()].some((t) => inNote(t) && !inSteps(t));
}

/** The notes of a "Lưu ý" section, one per bullet. */
function notesOf(text: string): string[] {
  return plain(text)
    .split(/\n+/)
    .map((n) => n.replace(/^[-•]\s*/, '').trim())
    .filter((n) => /\p{L}/u.test(n));
}

/**
 * The caution to show with the steps: the note that holds most of the question, else the first
 * note (lessons put the most important one first).
 */
function bestCaution(
  doc: DocumentView,
  weights: Map<string, number>,
  wholeFrom: number,
  {
    shown,
    repeatsSaid = () => false,
    trouble = [],
  }: { shown?: string; repeatsSaid?: (text: string) => boolean; trouble?: string[] },
): string | undefined {
  const notes = doc.sections
    .filter((s) => s.kind === 'notes')
    .flatMap((s) => notesOf(s.text))
    .filter((n) => !repeatsSaid(n));
  if (!notes.length) return undefined;
  let best = { text: notes[0]!, score: 0 };
  // "Gửi hai lần đều bị từ chối": the note on why a request is refused, over one that merely
  // shares more of the lesson's words with the question.
  const held = notes.map((text) => ({ text, has: holder(text) }));
  const onTrouble = held.filter((n) => trouble.some(n.has));
  for (const n of onTrouble.length ? onTrouble : held) {
    const s = scoreHeld(weights, n.has);
    if (s > best.score) best = { text: n.text, score: s };
  }
  // A note that holds the question keeps its advice ("…đừng trả lần hai. Chụp màn hình giao
  // dịch và hỏi Bộ phận một cửa"); the first note shown by default keeps its first sentence.
  const whole = best.score > 0 && best.score >= wholeFrom;
  const text = whole ? best.text : (sentences(best.text)[0] ?? best.text);
  if (shown && (shown.includes(text) || text.includes(shown))) return undefined;
  return shorten(text, whole ? MATCHED_CAUTION_MAX : CAUTION_MAX);
}

/** The intro's sentence on what to have ready ("Bạn cần tài khoản VNeID mức độ 2…"): step 1 assumes it. */
const NEEDS = /^(bạn |cần )?(cần|chuẩn bị)(?![\p{L}\p{N}])/iu;

/** Intro sentences about the lesson itself ("Bài này dành cho…", "Học xong, bạn biết…"). */
const ABOUT_LESSON = /^(bài (học )?này|học xong|sau bài|trong bài)/iu;

interface Candidate {
  text: string;
  /** Longest the sentence may be shown; SENTENCE_MAX when absent. */
  max?: number;
  position: number;
  score: number;
  /**
   * The score with the words most of the lesson's sentences hold discounted ("gọi", "video" in
   * the lesson on video calls): what tells this sentence apart from the others.
   */
  rank: number;
  section: Section['kind'];
}

/** Every sentence of the intro, steps and notes, scored by the question's words. */
function sentenceCandidates(
  doc: DocumentView,
  weights: Map<string, number>,
  definition = false,
): Candidate[] {
  const units: { text: string; matched: string; bonus: number; section: Section['kind'] }[] = [];
  for (const section of doc.sections) {
    if (!['intro', 'steps', 'notes', 'other', 'quiz'].includes(section.kind)) continue;
    // A self-check answer is matched by its question too: the situation is in the question.
    const own: { text: string; matched: string }[] =
      section.kind === 'steps'
        ? // A step is one unit: its second sentence often names the trouble ("Nếu không cho
          // phép, người kia sẽ không nghe") that its first sentence fixes.
          splitSteps(plain(section.text)).map((s) => ({ text: s.text, matched: s.text }))
        : section.kind === 'quiz'
          ? quizPairs(section.text).map((p) => ({ text: p.answer, matched: `${p.stem} ${p.answer}` }))
          : section.kind === 'notes'
            ? // A note is one piece of advice: its second sentence often says what to do.
              notesOf(section.text).map((text) => ({ text, matched: text }))
            : sentences(plain(section.text)).map((text) => ({ text, matched: text }));
    // Cautions answer most "is it safe / should I" questions: a slight preference breaks ties.
    // A "what is" question is answered by the intro, which defines the lesson's subject.
    const bonus = section.kind === 'notes' ? 0.2 : definition && section.kind === 'intro' ? 1 : 0;
    for (const unit of own)
      if (section.kind !== 'intro' || !ABOUT_LESSON.test(unit.text))
        units.push({ ...unit, bonus, section: section.kind });
  }
  const holders = units.map((u) => holder(u.matched));
  const telling = tellingWeights(weights, holders);
  return units.map(({ text, bonus, section }, position) => ({
    text,
    position,
    score: scoreHeld(weights, holders[position]!) + bonus,
    rank: scoreHeld(telling, holders[position]!) + bonus,
    section,
  }));
}

function sentencesAnswer(candidates: Candidate[], budget: number): Composed {
  const chosen: Candidate[] = [];
  let used = 0;
  // Taken by what tells them apart: "gọi video", which the whole lesson holds, picks none.
  for (const c of [...candidates].sort((a, b) => b.rank - a.rank || a.position - b.position)) {
    // Any sentence that holds the question's words may fill the room: a two-line answer leaves
    // out the note or self-check answer that often holds what was asked.
    if (chosen.length >= 6) break;
    if (c.score < 0.5) continue;
    const text = shorten(c.text, SENTENCE_MAX);
    if (used + text.length + 1 > budget) continue;
    chosen.push({ ...c, text });
    used += text.length + 1;
  }
  if (!chosen.length && candidates[0])
    chosen.push({ ...candidates[0], text: shorten(candidates[0].text, 300) });
  chosen.sort((a, b) => a.position - b.position);
  return { text: chosen.map((c) => c.text).join('\n') };
}
