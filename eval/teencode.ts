import { foldDiacritics } from '../knowledge/vietnamese/normalize.ts';

/** Common word → teencode rewrites, as residents type in chat. */
const REWRITES: [string, string][] = [
  ['không', 'ko'],
  ['được', 'dc'],
  ['gì', 'j'],
  ['với', 'vs'],
  ['bao nhiêu', 'bn'],
  ['dịch vụ công', 'dvc'],
  ['căn cước công dân', 'cccd'],
  ['số điện thoại', 'sdt'],
  ['mật khẩu', 'mk'],
  ['tài khoản', 'tk'],
  ['người', 'ng'],
  ['như thế nào', 'ntn'],
  ['rồi', 'r'],
  ['biết', 'bik'],
  ['điện thoại', 'dt'],
];

/**
 * A question as a hurried resident would type it: teencode for common words, then no
 * diacritics at all, lower case. Used to check that such questions find the same answers.
 */
export function toTeencode(question: string): string {
  let text = question.normalize('NFC');
  for (const [words, short] of REWRITES) {
    text = text.replace(new RegExp(`(?<!\\p{L})${words}(?!\\p{L})`, 'giu'), short);
  }
  return foldDiacritics(text).toLowerCase();
}
