import { foldDiacritics, normalizeVietnamese } from '../../knowledge/vietnamese/normalize.ts';

/** What a typed message means when it is a command rather than a question. */
export type Command =
  | 'delete-data'
  | 'greeting'
  | 'menu'
  | 'suggestions'
  | 'progress'
  | 'profile'
  | 'change-group'
  | 'change-level'
  | 'placement'
  | 'next'
  | 'done'
  | 'pause'
  | 'resume'
  | 'skip'
  | 'yes'
  | 'no';

/** Lowercase, no diacritics (đ→d), punctuation as spaces: "Xoá dữ liệu!" → "xoa du lieu". */
export function foldCommand(text: string): string {
  return foldDiacritics(normalizeVietnamese(text).toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const DELETE =
  /^(?:(?:hay|vui long|lam on|toi muon|cho toi|minh muon|xin) )*(?:xoa|huy) (?:het |toan bo |tat ca )?(?:du lieu|thong tin|ho so|tai khoan)(?: ca nhan)?(?: cua (?:toi|minh|em|chau|con|tao|tui))?(?: (?:di|nhe|giup (?:toi|minh)|ngay))*$|^(?:delete|forget me|xoa du lieu cua toi)$/;

const PHRASES: [Command, string[]][] = [
  ['greeting', ['start', 'bat dau', 'xin chao', 'chao', 'chao ban', 'hello', 'hi', 'alo', 'chao tro ly']],
  ['menu', ['menu', 'help', 'tro giup', 'huong dan', 'giup toi', 'tuy chon', 'danh muc', 'chuc nang']],
  [
    'suggestions',
    [
      'bai hoc',
      'goi y',
      'hoc',
      'hoc bai',
      'bai tiep theo',
      'goi y bai hoc',
      'hoc gi',
      'bai hoc goi y',
      'hoc bai moi',
    ],
  ],
  ['progress', ['tien do', 'ket qua', 'tien do hoc', 'ket qua hoc tap', 'tien do cua toi']],
  ['profile', ['ho so', 'ho so cua toi', 'thong tin cua toi', 'cai dat']],
  ['change-group', ['doi nhom', 'thay doi nhom', 'chon nhom', 'chon lai nhom']],
  ['change-level', ['doi trinh do', 'thay doi trinh do', 'chon trinh do', 'chon lai trinh do']],
  ['placement', ['kiem tra trinh do', 'lam bai kiem tra', 'kiem tra nhanh']],
  ['next', ['tiep', 'tiep theo', 'tiep di', 'ok tiep']],
  ['done', ['xong', 'da xong', 'xong roi']],
  ['pause', ['dung', 'tam dung', 'dung lai', 'nghi']],
  ['resume', ['hoc tiep', 'tiep tuc', 'tiep tuc hoc', 'hoc tiep bai']],
  ['skip', ['bo qua', 'khong can']],
  ['yes', ['co', 'dong y', 'ok', 'u', 'vang', 'da', 'chac chan', 'xoa', 'xoa het']],
  ['no', ['khong', 'khong dong y', 'huy', 'thoi', 'khong xoa']],
];

const BY_PHRASE = new Map(PHRASES.flatMap(([command, phrases]) => phrases.map((p) => [p, command] as const)));

/** The command a typed message is, if it is one (whole message, accents optional). */
export function commandOf(text: string): Command | undefined {
  const folded = foldCommand(text);
  if (DELETE.test(folded)) return 'delete-data';
  return BY_PHRASE.get(folded);
}

/** "2", "2.", "số 2" → 2. */
export function typedNumber(text: string): number | undefined {
  const match = /^(?:so )?(\d{1,2})$/.exec(foldCommand(text));
  return match ? Number(match[1]) : undefined;
}

/** "a", "A.", "câu b", "đáp án c" → "A" / "B" / "C". */
export function typedLetter(text: string): string | undefined {
  const match = /^(?:cau |dap an |chon )?([a-d])$/.exec(foldCommand(text));
  return match?.[1]!.toUpperCase();
}
