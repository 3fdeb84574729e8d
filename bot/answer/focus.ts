/**
 * What a long message asks, as against the story around it. "Chị bán tạp hóa, chiều qua có
 * người gọi xưng điện lực … chuyển 3 triệu rồi mới biết bị lừa. Giờ chị phải làm gì, có lấy lại
 * được tiền không?": the story's rare words ("tạp hóa", "điện lực") would pull the answer towards
 * lessons about shops and bills; the asking sentence says what the person needs.
 */
import { foldDiacritics } from '../../knowledge/vietnamese/normalize.ts';
import { subjectTerms } from './stopwords.ts';
import { PhraseMatcher, readQuestion, type QuestionText } from './text.ts';

/** Words that make a sentence a question even without its question mark. */
const ASKING = new PhraseMatcher([
  'gì',
  'sao',
  'thế nào',
  // Not "tối nào cũng…", "lúc nào cũng…": every evening, always.
  're:nào(?! cũng)',
  'đâu',
  'bao nhiêu',
  'bao giờ',
  'bao lâu',
  'được không',
  'có nên',
  'hả',
  'không ạ',
  're:không$',
  're:chưa$',
]);

/**
 * Words by which the asking sentence points back at the story ("Em mở file PDF đó sửa được
 * không?", "Làm vậy được không?"): then the story names what is asked about. "thế" only as
 * typed with its marks: folded, it is "thẻ".
 */
const POINTS_BACK = new PhraseMatcher(['đó', 'này', 'ấy', 'vậy', 'nó', 'accented:thế']);

/** How much a word of the story weighs against a word of the question. */
const STORY_WEIGHT = 0.5;

/**
 * A question the person means to put to someone else ("…gửi nó coi giùm, rồi hỏi nên uống thuốc
 * gì."): told, not asked of the assistant.
 */
const REPORTED = /[,;]?\s*(?:(?:rồi|để|định|sẽ|mà) hỏi|hỏi (?:nó|chatgpt|gemini|bot|máy))(?![\p{L}]).*$/iu;

function isAsking(sentence: string): boolean {
  if (/\?\s*$/u.test(sentence)) return true;
  const own = sentence.replace(REPORTED, '').replace(/[.!…\s]+$/u, '');
  return own !== '' && ASKING.test(readQuestion(own));
}

/** The sentences of a message, at its question marks, sentence ends and line breaks. */
function sentencesOf(q: QuestionText): string[] {
  return q.raw.split(/(?<=[.!?…])\s+|\n+/u).filter((s) => /\p{L}/u.test(s));
}

/** The parts of a message that asks several things ("Vào nhóm kiểu gì? Tắt bớt được không?"). */
export function questionParts(q: QuestionText): QuestionText[] {
  const parts = sentencesOf(q);
  return parts.length > 1 ? parts.map(readQuestion) : [q];
}

/** The message's sentences, split into those that ask and the story around them. */
function split(q: QuestionText): { asking: string[]; story: string[] } {
  const parts = sentencesOf(q);
  const asking = parts.filter(isAsking);
  // One sentence, or every sentence asks, or none does: nothing tells the story apart.
  if (parts.length < 2 || !asking.length || asking.length === parts.length)
    return { asking: parts, story: [] };
  return { asking, story: parts.filter((s) => !asking.includes(s)) };
}

/** The sentences that ask, when the message also tells a story; otherwise undefined. */
export function askedPart(q: QuestionText): string | undefined {
  const { asking, story } = split(q);
  return story.length ? asking.join(' ') : undefined;
}

/** The subject terms (folded, as `subjectTerms` gives them) that only the story sentences hold. */
export function storyTerms(q: QuestionText): Set<string> {
  const { asking, story } = split(q);
  const asked = new Set(asking.flatMap((s) => subjectTerms(readQuestion(s))));
  return new Set(story.flatMap((s) => subjectTerms(readQuestion(s))).filter((t) => !asked.has(t)));
}

/**
 * What the asking wants to avoid ("…cần làm gì để khỏi bị lộ thông tin?"): a purpose, not the
 * event. The harm it names ("lộ thông tin") would pull towards the lesson for after the harm.
 */
const PURPOSE = /(?<![\p{L}])(?:(?:de|cho) (?:khoi|khong|tranh)|(?:tranh|khoi) bi)(?![\p{L}])/iu;

/** The subject terms only a purpose clause of `asked` holds, when `asked` holds others. */
function purposeTerms(asked: string): string[] {
  // Matched folded, with or without marks; folding keeps every character's place.
  const at = foldDiacritics(asked).search(PURPOSE);
  if (at < 0) return [];
  const rest = new Set(subjectTerms(readQuestion(asked.slice(0, at))));
  if (!rest.size) return [];
  return subjectTerms(readQuestion(asked.slice(at))).filter((t) => !rest.has(t));
}

/**
 * The question's weights with the story's words weighing less than what it asks, unless the
 * asking points back at the story, and so do the words of what the asking wants to avoid;
 * `keep` (a rare name) keeps its weight wherever it stands.
 */
export function lessStory(q: QuestionText, weights: Map<string, number>, keep?: string): Map<string, number> {
  const out = new Map(weights);
  const asked = askedPart(q);
  const lesser = asked !== undefined && POINTS_BACK.test(readQuestion(asked)) ? [] : [...storyTerms(q)];
  for (const t of new Set([...lesser, ...purposeTerms(asked ?? q.raw)]))
    if (t !== keep && out.has(t)) out.set(t, out.get(t)! * STORY_WEIGHT);
  return out;
}
