/**
 * Central and Southern asking words, rewritten to the standard ones every rule knows: "làm răng"
 * → "làm sao", "bấm vô chỗ mô" → "bấm vô chỗ nào", "đi mô" → "đi đâu", "lỗi chi" → "lỗi gì",
 * "rứa" → "vậy", "hổng" → "không". Only as typed with their marks (folded, "mo", "rang", "rua"
 * are "mở", "rang", "rửa"), but for "hong" before a verb and "rua" ending a question. The
 * contexts keep the words' other senses: "mô hình", "quy mô", "chi tiết", "thu chi", "đau răng".
 */
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
/** What may follow an asking word: the next asking word, or the end of the clause. */
const ASKING_END = `(?=\\s*([?,.!…]|$)| (rứa|vậy|rồi|hè|hả|hỉ|ri|mà|không)${WORD_END})`;

/** "mô" of "mô hình", "mô tả", "mô phỏng". */
const NOT_MODEL = `${WORD_END}(?! (hình|tả|phỏng|típ))`;

const rule = (pattern: string, standard: string): [RegExp, string] => [new RegExp(pattern, 'gu'), standard];

const RULES: [RegExp, string][] = [
  rule(`${WORD_START}rứa${WORD_END}`, 'vậy'),
  // Not "lỗ hổng" (a security hole).
  rule(`(?<!lỗ )${WORD_START}hổng${WORD_END}`, 'không'),
  // Typed without marks, "hong" is also "hỏng" (broken) or "hồng" (pink): it is "không" only
  // before what a negation can qualify ("hong vô được mạng", "hong biết"), not after "bị".
  rule(
    `(?<!bi )${WORD_START}hong(?= (vo|vao|duoc|biet|thay|nghe|hieu|mo|len|chay|nhan|gui|hien|co|dang|doc|xem|coi)${WORD_END})`,
    'khong',
  ),
  // "được không rứa?" typed without marks: "rua" ends the question, so it is no "rửa".
  rule(`(?<=${WORD_START}(ko|k|khong|hong|chua|dc|duoc|sao|the|vay) )rua(?=\\s*([?,.!…]|$))`, 'vay'),
  rule(`${WORD_START}mần${WORD_END}`, 'làm'),
  // "chỗ mô", "cái mô": which one; "ở mô", "đi mô": where; not "cái mô hình", "mô tả".
  rule(`(?<=${WORD_START}(chỗ|cái|bên|nơi|phía|hướng|lối|đường|con|loại|trang|số|người|app|máy) )mô${NOT_MODEL}`, 'nào'),
  rule(`(?<=${WORD_START}(ở|đi|về|tới|đến|vô|vào|bấm|để|cất|chạy|mất|lọt|từ) )mô${NOT_MODEL}`, 'đâu'),
  rule(`(?<!quy )${WORD_START}mô${ASKING_END}`, 'đâu'),
  // "làm răng", "răng rứa", "Răng mà …": how, why; not a tooth ("đau răng", "răng sâu").
  rule(`(?<=${WORD_START}(làm|thì|ra|bị|là|hay|tính|nghĩ|nói|coi|xem|biết|chừ) )răng${WORD_END}`, 'sao'),
  rule(`(?<!(đau|nhức|nhổ|trám|niềng|chải|đánh|mọc|cạo|ê|sún|gãy|mẻ|bọc) )${WORD_START}răng${ASKING_END}`, 'sao'),
  rule(`(?<=(^|[.?!]\\s*))răng(?= (mà|lại|không|chưa|tui|tôi|em|mình|con|nó|máy|điện))`, 'sao'),
  // "bấm chi", "là chi", "chi rứa": what; not "chi tiết", "chi phí", "thu chi", "chi hội".
  rule(
    `(?<=${WORD_START}(cái|là|làm|bấm|lỗi|theo|để|nói|hỏi|mang|chọn|điền|ghi|nhập|cần|phải|có|mua|coi|xem|thấy|bị|chuyện|việc|giấy|gửi|nộp) )chi${WORD_END}(?! (tiết|phí|trả|hội|nhánh|bộ|tiêu|cục|đoàn|lương|ngân sách))`,
    'gì',
  ),
  rule(`(?<!(thu|tổng|khoản|phụ|kinh) )${WORD_START}chi${ASKING_END}`, 'gì'),
];

/** The text (lower case, canonical marks) with its regional asking words in standard form. */
export function standardAsking(text: string): string {
  let out = text;
  for (const [pattern, standard] of RULES) out = out.replace(pattern, standard);
  return out;
}
