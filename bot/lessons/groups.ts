import type { Level } from './lesson.ts';

/**
 * The plan's target groups, each with a learning path: the topic areas that matter most to it,
 * in order, and the lessons it should meet first. Suggestions follow these paths.
 */
export interface TargetGroup {
  id: string;
  /** Button label. */
  label: string;
  /** Used inside a sentence: "Bài quan trọng với …". */
  inSentence: string;
  areas: string[];
  keyLessons: string[];
}

export const GROUPS: readonly TargetGroup[] = [
  {
    id: 'nguoi-dan',
    label: 'Người dân',
    inSentence: 'người dân',
    areas: [
      'vneid',
      'an-toan',
      'dich-vu-cong',
      'thanh-toan',
      'zalo',
      'co-ban',
      'suc-khoe',
      'kinh-doanh',
      'ai',
      'tiep-can',
      'hoc-tap',
    ],
    keyLessons: ['vneid-cai-dat', 'at-nhan-dien-lua-dao', 'vneid-muc-do-2', 'dvc-dang-nhap'],
  },
  {
    id: 'nguoi-cao-tuoi',
    label: 'Người cao tuổi',
    inSentence: 'người cao tuổi',
    areas: [
      'co-ban',
      'zalo',
      'an-toan',
      'vneid',
      'tiep-can',
      'suc-khoe',
      'thanh-toan',
      'dich-vu-cong',
      'kinh-doanh',
      'ai',
      'hoc-tap',
    ],
    keyLessons: [
      'co-ban-lam-quen-dien-thoai',
      'zalo-nhan-tin',
      'at-nhan-dien-lua-dao',
      'vneid-cai-dat',
      'zalo-goi-video',
    ],
  },
  {
    id: 'tieu-thuong',
    label: 'Tiểu thương',
    inSentence: 'tiểu thương',
    areas: [
      'thanh-toan',
      'kinh-doanh',
      'an-toan',
      'zalo',
      'vneid',
      'co-ban',
      'dich-vu-cong',
      'ai',
      'suc-khoe',
      'tiep-can',
      'hoc-tap',
    ],
    keyLessons: ['tt-nhan-tien-qr', 'tt-quet-ma-qr', 'kd-cho-so-4t', 'kd-ban-hang-online'],
  },
  {
    id: 'hoc-sinh',
    label: 'Học sinh, sinh viên',
    inSentence: 'học sinh, sinh viên',
    areas: [
      'an-toan',
      'ai',
      'hoc-tap',
      'vneid',
      'co-ban',
      'dich-vu-cong',
      'thanh-toan',
      'suc-khoe',
      'kinh-doanh',
      'zalo',
      'tiep-can',
    ],
    keyLessons: ['at-tin-gia', 'ai-tro-ly-ai-an-toan', 'ht-mooc-binh-dan-hoc-vu-so', 'at-mat-khau-manh'],
  },
  {
    id: 'nguoi-lao-dong',
    label: 'Người lao động',
    inSentence: 'người lao động',
    areas: [
      'vneid',
      'an-toan',
      'thanh-toan',
      'dich-vu-cong',
      'suc-khoe',
      'ai',
      'co-ban',
      'zalo',
      'kinh-doanh',
      'hoc-tap',
      'tiep-can',
    ],
    keyLessons: ['vneid-cai-dat', 'sk-bao-hiem-y-te', 'at-nhan-dien-lua-dao', 'ai-tro-ly-ai-an-toan'],
  },
  {
    id: 'can-bo',
    label: 'Cán bộ, công chức',
    inSentence: 'cán bộ, công chức',
    areas: [
      'cong-vu',
      'an-toan',
      'dich-vu-cong',
      'ai',
      'vneid',
      'hoc-tap',
      'thanh-toan',
      'co-ban',
      'zalo',
      'suc-khoe',
      'kinh-doanh',
      'tiep-can',
    ],
    keyLessons: ['cv-van-ban-dien-tu', 'cv-chu-ky-so', 'cv-bao-ve-du-lieu', 'cv-hop-truc-tuyen'],
  },
  {
    id: 'nguoi-khuyet-tat',
    label: 'Người khuyết tật',
    inSentence: 'người khuyết tật',
    areas: [
      'tiep-can',
      'co-ban',
      'an-toan',
      'zalo',
      'vneid',
      'suc-khoe',
      'thanh-toan',
      'dich-vu-cong',
      'ai',
      'hoc-tap',
      'kinh-doanh',
    ],
    keyLessons: ['tiep-can-chu-lon', 'tiep-can-giong-noi', 'tiep-can-doc-man-hinh', 'at-nhan-dien-lua-dao'],
  },
];

export function groupById(id: string | null | undefined): TargetGroup | undefined {
  return GROUPS.find((group) => group.id === id);
}

/** Self-reported levels, in the words a resident would use about themselves. */
export const LEVEL_LABELS: Record<Level, string> = {
  1: 'Tôi mới dùng điện thoại thông minh',
  2: 'Tôi đã dùng Zalo, Facebook hằng ngày',
  3: 'Tôi dùng thành thạo, muốn học nâng cao',
};

/** Short names of levels, for progress lines. */
export const LEVEL_NAMES: Record<Level, string> = { 1: 'cơ bản', 2: 'trung bình', 3: 'nâng cao' };

/** Topic areas as a resident would name them ("Bạn vừa hỏi về …"). */
export const AREA_TOPICS: Record<string, string> = {
  'co-ban': 'cách dùng điện thoại',
  zalo: 'Zalo',
  vneid: 'VNeID',
  'dich-vu-cong': 'dịch vụ công trực tuyến',
  'thanh-toan': 'thanh toán, chuyển tiền',
  'tiep-can': 'tính năng hỗ trợ nhìn, nghe, nói',
  'an-toan': 'lừa đảo và an toàn trên mạng',
  'suc-khoe': 'sức khỏe, bảo hiểm y tế',
  'kinh-doanh': 'mua bán trực tuyến',
  ai: 'trí tuệ nhân tạo (AI)',
  'cong-vu': 'công việc ở cơ quan',
  'hoc-tap': 'học trực tuyến',
};
