/** Vietnamese names for the codes stored in usage data, shared by the pages and the reports. */

const GROUPS: Record<string, string> = {
  'nguoi-dan': 'Người dân',
  'nguoi-cao-tuoi': 'Người cao tuổi',
  'hoc-sinh': 'Học sinh, sinh viên',
  'nguoi-lao-dong': 'Người lao động',
  'tieu-thuong': 'Tiểu thương',
  'can-bo': 'Cán bộ, công chức',
  'nguoi-khuyet-tat': 'Người khuyết tật',
};

const CHANNELS: Record<string, string> = {
  zalo: 'Zalo OA',
  'zalo-bot': 'Zalo Bot',
  telegram: 'Telegram',
  web: 'Trang web',
  terminal: 'Dòng lệnh',
};

const INTENTS: Record<string, string> = {
  plan: 'Kế hoạch của phường',
  howto: 'Hướng dẫn kỹ năng số',
  safety: 'An toàn trên mạng',
  greeting: 'Chào hỏi',
  out_of_scope: 'Ngoài phạm vi',
  injection: 'Cố ý đổi quy tắc trợ lý',
  no_match: 'Chưa có nội dung phù hợp',
};

export const DIMENSION_TITLES = {
  channel: 'Theo kênh',
  group: 'Theo nhóm đối tượng',
  level: 'Theo trình độ',
  neighbourhood: 'Theo tổ dân phố',
} as const;

const UNKNOWN = 'Chưa rõ';

export function dimensionValueLabel(dimension: keyof typeof DIMENSION_TITLES, value: string): string {
  if (!value) return UNKNOWN;
  if (dimension === 'group') return GROUPS[value] ?? value;
  if (dimension === 'channel') return CHANNELS[value] ?? value;
  if (dimension === 'level') return `Trình độ ${value}`;
  return value;
}

export const intentLabel = (intent: string): string => INTENTS[intent] ?? intent;

/** "45,3%" for 0.453; "–" when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  if (!whole) return '–';
  return `${((100 * part) / whole).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

export const number = (n: number): string => n.toLocaleString('vi-VN');
