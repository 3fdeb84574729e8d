import { vietnameseDate, type DayRange } from '../usage/days.ts';
import { DIMENSIONS, type BreakdownRow, type UsageStats } from '../usage/stats.ts';
import { DIMENSION_TITLES, dimensionValueLabel, intentLabel } from './labels.ts';

/**
 * The report for a date range as plain tables: the XLSX and CSV writers and the dashboard pages
 * all print these, so the figures a staff member sees and downloads are the same.
 */
export interface Column {
  header: string;
  kind: 'text' | 'number' | 'percent';
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Sheet name (at most 31 characters, Excel's limit). */
  sheet: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export interface Report {
  wardName: string;
  range: DayRange;
  title: string;
  tables: ReportTable[];
}

export const REPORT_TITLE = 'BÁO CÁO KẾT QUẢ TRỢ LÝ ẢO “BÌNH DÂN HỌC VỤ SỐ”';

const text = (header: string): Column => ({ header, kind: 'text' });
const count = (header: string): Column => ({ header, kind: 'number' });
const rate = (header: string): Column => ({ header, kind: 'percent' });
const ratio = (part: number, whole: number): number | null => (whole ? part / whole : null);

export interface ReportOptions {
  wardName: string;
  /** Title of a cited document or lesson, when the knowledge base is at hand. */
  titleOf?: (id: string) => string | undefined;
}

export function breakdownTable(dimension: keyof typeof DIMENSION_TITLES, rows: BreakdownRow[]): ReportTable {
  return {
    sheet: DIMENSION_TITLES[dimension],
    title: `Kết quả ${DIMENSION_TITLES[dimension].toLowerCase()}`,
    columns: [
      text(DIMENSION_TITLES[dimension].replace('Theo ', '').replace(/^./, (c) => c.toUpperCase())),
      count('Người dùng'),
      count('Lượt hỏi'),
      count('Đã trả lời'),
      rate('Tỉ lệ trả lời'),
      count('Hài lòng'),
      count('Chưa hài lòng'),
      count('Bài học bắt đầu'),
      count('Bài học hoàn thành'),
    ],
    rows: rows.map((r) => [
      dimensionValueLabel(dimension, r.value),
      r.activeUsers,
      r.questions,
      r.answered,
      ratio(r.answered, r.questions),
      r.feedbackUp,
      r.feedbackDown,
      r.lessonsStarted,
      r.lessonsFinished,
    ]),
  };
}

export function buildReport(stats: UsageStats, range: DayRange, options: ReportOptions): Report {
  const titleOf = (id: string) => options.titleOf?.(id) ?? id;
  const o = stats.overview(range);
  const topics = stats.topics(range, 50);
  const lessons = stats.lessons(range);
  const unanswered = stats.unanswered(range, 200);
  const breakdowns = stats.breakdowns(range);
  const overview: ReportTable = {
    sheet: 'Tổng quan',
    title: 'Các chỉ số chung',
    columns: [text('Chỉ số'), count('Giá trị')],
    rows: [
      ['Số lượt hỏi', o.questions],
      ['Số lượt được trả lời', o.answered],
      ['Tỉ lệ trả lời (%)', o.questions ? Math.round((1000 * o.answered) / o.questions) / 10 : null],
      ['Lượt hỏi của người không đồng ý lưu dữ liệu (chỉ đếm)', o.anonymous],
      ['Người dùng hoạt động trong kỳ (đã đồng ý)', o.activeUsers],
      ['Người dùng ngày cuối kỳ', o.dailyActive],
      ['Người dùng 7 ngày cuối kỳ', o.weeklyActive],
      ['Người dùng 30 ngày cuối kỳ', o.monthlyActive],
      ['Phản hồi hài lòng', o.feedbackUp],
      ['Phản hồi chưa hài lòng', o.feedbackDown],
      ['Lượt bắt đầu bài học', o.lessonsStarted],
      ['Lượt hoàn thành bài học', o.lessonsFinished],
      ['Thời gian trả lời trung vị (mili giây)', o.medianLatencyMs],
    ],
  };
  return {
    wardName: options.wardName,
    range,
    title: REPORT_TITLE,
    tables: [
      overview,
      ...DIMENSIONS.map((d) => breakdownTable(d, breakdowns[d])),
      {
        sheet: 'Chủ đề',
        title: 'Lượt hỏi theo chủ đề',
        columns: [text('Chủ đề'), count('Lượt hỏi'), count('Đã trả lời'), rate('Tỉ lệ trả lời')],
        rows: topics.intents.map((t) => [
          intentLabel(t.intent),
          t.questions,
          t.answered,
          ratio(t.answered, t.questions),
        ]),
      },
      {
        sheet: 'Tài liệu được dùng',
        title: 'Tài liệu, bài học được dùng để trả lời nhiều nhất',
        columns: [text('Tài liệu'), text('Mã'), count('Số lần trích dẫn')],
        rows: topics.sources.map((s) => [titleOf(s.id), s.id, s.cited]),
      },
      {
        sheet: 'Bài học',
        title: 'Bài học được gợi ý, bắt đầu và hoàn thành',
        columns: [
          text('Bài học'),
          count('Được gợi ý'),
          count('Bắt đầu'),
          count('Hoàn thành'),
          rate('Tỉ lệ hoàn thành'),
          rate('Điểm tự kiểm tra trung bình'),
        ],
        rows: lessons.map((l) => [
          titleOf(l.lessonId),
          l.suggested,
          l.started,
          l.finished,
          ratio(l.finished, l.started),
          l.averageScore,
        ]),
      },
      {
        sheet: 'Câu hỏi chưa trả lời',
        title: 'Câu hỏi chưa trả lời được (đã che thông tin cá nhân)',
        columns: [text('Câu hỏi tiêu biểu'), count('Số lượt'), text('Lần gần nhất')],
        rows: unanswered.map((g) => [g.examples[0] ?? '', g.count, vietnameseDate(g.lastDay)]),
      },
      {
        sheet: 'Theo ngày',
        title: 'Lượt hỏi và người dùng theo ngày',
        columns: [text('Ngày'), count('Lượt hỏi'), count('Đã trả lời'), count('Người dùng')],
        rows: o.days.map((d) => [vietnameseDate(d.day), d.questions, d.answered, d.activeUsers]),
      },
    ],
  };
}

export function wardHeading(wardName: string): string {
  const name = wardName.trim();
  return `UBND PHƯỜNG ${name ? name.toLocaleUpperCase('vi-VN') : '……………'}`;
}

export function periodLine(range: DayRange): string {
  return `Từ ngày ${vietnameseDate(range.from)} đến ngày ${vietnameseDate(range.to)}`;
}
