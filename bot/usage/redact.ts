/**
 * Masks personal data in what residents type before anything is stored: phone numbers, ID numbers
 * (12-digit căn cước, 9-digit CMND), emails, bank account and card numbers. Staff still see what
 * was asked ("số tài khoản [số tài khoản] bị trừ tiền") without seeing whose it was.
 *
 * Numbers are found as runs of digits, possibly split by spaces, dots or dashes, then classified
 * by their digits. Short numbers (years, prices, quantities) are kept: a run is sensitive from 8
 * digits written together, or 9 digits written in groups ("0912 345 678").
 */

export const PLACEHOLDERS = {
  phone: '[số điện thoại]',
  id: '[số định danh]',
  email: '[email]',
  account: '[số tài khoản]',
} as const;

export type PersonalDataKind = keyof typeof PLACEHOLDERS;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A run of digits with single separators between them, optionally led by "+". */
const DIGIT_RUN = /(?<!\d)\+?\d(?:[ .-]?\d)*(?!\d)/gu;
/** Prices such as "500.000đ" or "1.200.000 đồng" are not account numbers. */
const MONEY = /^\d{1,3}(?:\.\d{3})+$/;
const CURRENCY_AFTER = /^\s*(?:đ|đồng|vnd|vnđ|k|nghìn|ngàn|triệu|tỷ)(?![\p{L}])/iu;

/** The kind of personal data a run of digits is, or null when it is an ordinary number. */
export function classifyNumber(run: string): PersonalDataKind | null {
  const digits = run.replace(/\D/g, '');
  const grouped = /[ .-]/.test(run.trim());
  if (digits.length < (grouped ? 9 : 8)) return null;
  if (/^(?:\+?84)[35789]\d{8}$/.test(run.replace(/[ .-]/g, '')) || /^0[35789]\d{8}$/.test(digits))
    return 'phone';
  if (/^(?:\+?84)2\d{9}$/.test(run.replace(/[ .-]/g, '')) || /^02\d{9}$/.test(digits)) return 'phone';
  if (digits.length === 12 || digits.length === 9) return 'id';
  return 'account';
}

/** The text with every piece of personal data replaced by its placeholder. */
export function redact(text: string): string {
  const withoutEmails = text.replace(EMAIL, PLACEHOLDERS.email);
  return withoutEmails.replace(DIGIT_RUN, (run, offset: number, whole: string) => {
    const kind = classifyNumber(run);
    if (!kind) return run;
    if (kind === 'account' && MONEY.test(run) && CURRENCY_AFTER.test(whole.slice(offset + run.length)))
      return run;
    return PLACEHOLDERS[kind];
  });
}
