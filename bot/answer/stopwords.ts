/**
 * Words that carry the shape of a question, not its subject ("làm sao", "những … nào", "bạn ơi").
 * They are left out when measuring how much of a question a passage or a task covers.
 */
import { foldDiacritics } from '../../knowledge/vietnamese/normalize.ts';
import { canonical } from '../../knowledge/vietnamese/tokenize.ts';
import type { QuestionText } from './text.ts';

const FUNCTION_WORDS = `tôi mình bạn em anh chị ông bà cô chú bác cháu ta chúng nó người ai
có không chưa là gì nào sao thế như vậy vầy làm được bị của và với thì ở đâu cho để vào ra lên xuống
này kia đó ấy hả nhé ạ ơi à ừ nhỉ nha rồi đã đang sẽ phải cần muốn hỏi giúp cách bao nhiêu mấy khi nếu hay
hoặc các những một cái chiếc việc điều nên thấy biết trên dưới trong ngoài từ tới đến lại nữa còn cũng xem
kiểu thôi luôn vẫn rất lắm quá hơn nhất thật chỉ mới vừa sau trước lúc giờ nay hôm bây tại vì nhưng hết
ok okay hi gì j dc đc ko k z v r nhiêu thế_nào nhiên lo tui vô giùm dùm nè coi ổng bả ni hoài`;

/**
 * Function words whose folded form is a subject word: "mà" folds to "ma" (mã), "thể" (có thể)
 * to "the" (thẻ), "khỏi" to "khoi" (khôi phục), "ngàn" to "ngan" (ngân hàng), "lần" to "lan"
 * (lan truyền), "chứ" (chứ không) to "chu" (chữ), "cứ" (cứ đứng hình) to "cu" (cũ), "mãi" to
 * "mai" (ngày mai); Central "rứa", "mô", "tê" (vậy, đâu, kia) to "rua" (rửa tiền), "mo" (mở),
 * "te" (y tế), and "răng" (sao) to "rang". They are shape words only when typed with their marks.
 */
const ACCENTED_ONLY = `mà thể khỏi lần nghìn ngàn mô răng rứa tê chứ cứ mãi`;

/** "ai" put to work on a task ("nhờ ai soạn giúp", "hỏi ai giải bài toán"), matched folded. */
const AI_AT_WORK = /\b(nho|hoi|dung|xai|bao|keu) ai (soan|giai(?! quyet)|viet|tom tat|dich|lam bai)\b/;
/** Words that put that "ai" on a phone: typing a request, the phone itself. */
const ON_A_PHONE = /\b(go|yeu cau|cau lenh|dt|dien thoai|app|ung dung|chatbot)\b/;

/**
 * "AI" the technology, not "ai" (who), which is a function word: typed in capitals, or, typed in
 * lower case as in a hurried chat, put to work on a task on a phone ("lấy đt hỏi ai giải bài toán").
 */
export function namesAI(q: QuestionText): boolean {
  if (/(?<![\p{L}\p{N}])AI(?![\p{L}\p{N}])/u.test(q.raw)) return true;
  const folded = foldDiacritics(q.raw.toLowerCase());
  return AI_AT_WORK.test(folded) && ON_A_PHONE.test(folded);
}

/**
 * Whether a word of the question is a function word: accent-exact when the person typed marks,
 * folded when not; "ai" is not when the question names the technology (`namesAI`).
 */
export function stopWordOf(q: QuestionText, stop: StopList): (word: string) => boolean {
  const set = q.accented ? stop.accented : stop.folded;
  const ai = namesAI(q);
  return (w) => !(ai && w === 'ai') && set.has(q.accented ? w : foldDiacritics(w));
}

/** Words of questions about a plan: which, who leads, by when… */
const PLAN_WORDS = `nhiệm vụ nhiệm vụ việc nội dung dành liên quan nhắc đề cập thuộc về kế hoạch phụ lục chủ trì phối hợp
đơn vị phòng nào kết quả thời gian thời hạn thực hiện triển khai giao lo làm năm tháng ngày giai đoạn`;

/** A stop list in both forms: accented questions are compared accent-exact ("chợ" is not "cho"). */
export interface StopList {
  accented: Set<string>;
  folded: Set<string>;
}
const words = (list: string) =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => canonical(w));
const toList = (list: string): StopList => ({
  accented: new Set(words(`${list} ${ACCENTED_ONLY}`)),
  folded: new Set(words(list).map((w) => foldDiacritics(w))),
});

export const STOP = toList(FUNCTION_WORDS);
export const PLAN_STOP = toList(`${FUNCTION_WORDS} ${PLAN_WORDS}`);

/**
 * Folded word pairs that the knowledge base writes as a compound of subject words although one
 * of them folds into a function word: "tai khoan" (tài khoản; "tại"), "cap nhat" (cập nhật;
 * "nhất"), "bao hiem" (bảo hiểm; "bao"). Typed without marks, such a pair is kept as a term.
 */
let compoundPairs: ReadonlySet<string> = new Set();
/** Function words too common in questions to stand for a syllable of a compound ("bị mất", not "bí mật"). */
const TOO_COMMON = new Set(['bi', 'co', 'la', 'duoc', 'khong', 'da', 'dang', 'se']);

/**
 * Learns the pairs above from the knowledge base's own (accented) text: a pair counts when the
 * lessons write it more often as subject words than with a function word. One knowledge base
 * serves a process, so the pairs are kept for the whole process.
 */
export function learnCompoundPairs(texts: Iterable<string>): void {
  const content = new Map<string, number>();
  const shape = new Map<string, number>();
  for (const text of texts)
    for (const phrase of canonical(text.toLowerCase()).split(/[.,;:!?()"“”|\n]+/)) {
      const words = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
      for (let i = 0; i + 1 < words.length; i++) {
        const [a, b] = [words[i]!, words[i + 1]!];
        const [fa, fb] = [foldDiacritics(a), foldDiacritics(b)];
        if (STOP.folded.has(fa) === STOP.folded.has(fb) || TOO_COMMON.has(fa) || TOO_COMMON.has(fb)) continue;
        const key = `${fa}_${fb}`;
        const tally = STOP.accented.has(a) || STOP.accented.has(b) ? shape : content;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    }
  compoundPairs = new Set([...content].filter(([k, n]) => n > (shape.get(k) ?? 0)).map(([k]) => k));
}

/** Whether two neighbours typed without marks form a known compound with a function-word fold. */
export function isCompoundPair(a: string, b: string): boolean {
  return compoundPairs.has(`${a}_${b}`);
}

/** Words of negation (folded), kept in a pair with the subject word they negate. */
const NEGATION = new Set(['khong', 'chua', 'chang']);
/** Whether a term is a negation with the word it negates ("không_nghe"): a symptom. */
export function isNegationPair(term: string): boolean {
  const at = term.indexOf('_');
  return at > 0 && NEGATION.has(foldDiacritics(term.slice(0, at)));
}

/** Shape words that, negated, name a symptom: "không thấy micro", "không vào được", "không lên". */
const SYMPTOM_VERBS = new Set(['thay', 'vao', 'len', 'ra']);

/**
 * The subject words of a question (folded), with pairs of neighbours that are both subject
 * words. `stop` decides which words are shape only.
 */
export function subjectTerms(q: QuestionText, stop: StopList = STOP): string[] {
  const text = q.expanded.split(' | ')[0]!;
  const isStopWord = stopWordOf(q, stop);
  const out: string[] = [];
  for (const phrase of text.split(/[.,;:!?()"“”|\n]+/)) {
    const typed = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
    const isStop = typed.map(isStopWord);
    const folded = typed.map((w) => foldDiacritics(w));
    folded.forEach((w, i) => {
      // "không nghe", "chưa nhận": what does not work is what a troubleshooting question is about.
      const next = folded[i + 1];
      if (NEGATION.has(w) && next && (!isStop[i + 1] || SYMPTOM_VERBS.has(next))) out.push(`${w}_${next}`);
      else if (!q.accented && next && isStop[i] !== isStop[i + 1] && isCompoundPair(w, next))
        out.push(`${w}_${next}`);
      if (isStop[i]) return;
      out.push(w);
      if (next && !isStop[i + 1]) out.push(`${w}_${next}`);
    });
  }
  return out;
}
