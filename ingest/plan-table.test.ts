import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellsFromTables, cellsFromTabText, parsePlanTasks } from './plan-table.ts';

const PLAN = path.join(
  import.meta.dirname,
  '../knowledge/plan/phu-luc-ke-hoach-binh-dan-hoc-vu-so-phuong-le-dai-hanh.txt',
);

describe('parsePlanTasks on the ward appendix', () => {
  const tasks = parsePlanTasks(cellsFromTabText(fs.readFileSync(PLAN, 'utf8')));

  it('finds all 39 tasks, 7 + 3 + 3 + 4 + 13 + 9', () => {
    expect(tasks).toHaveLength(39);
    const perSection = [1, 2, 3, 4, 5, 6].map((s) => tasks.filter((t) => t.sectionOrder === s).length);
    expect(perSection).toEqual([7, 3, 3, 4, 13, 9]);
  });

  it('keys sections by order but keeps the printed, repeated number', () => {
    const third = tasks.find((t) => t.ref === '3.1')!;
    const fourth = tasks.find((t) => t.ref === '4.1')!;
    expect(third.sectionLabel).toBe('4');
    expect(third.sectionTitle).toBe('Xây dựng chương trình phổ cập kỹ năng số');
    expect(fourth.sectionLabel).toBe('4');
    expect(fourth.sectionTitle).toBe('Xây dựng, tham gia tổ chức vận hành các nền tảng');
    expect(new Set(tasks.map((t) => t.ref)).size).toBe(39);
  });

  it('reads every field, across blank lines and split cells', () => {
    const chosen = tasks.find((t) => t.ref === '6.4')!;
    expect(chosen.content).toMatch(/^Triển khai mô hình “Chợ số”/);
    expect(chosen.lead).toBe('Phòng Kinh tế, Hạ tầng và Đô thị');
    expect(chosen.timeframe).toBe('Năm 2025 - 2026');
    const first = tasks[0]!;
    expect(first.lead).toBe('Phòng Văn hóa - Xã hội');
    expect(first.support).toBe('Các đơn vị có liên quan');
    expect(first.result).toBe('100% các đơn vị');
    // 6.9 has its timeframe after an empty line
    expect(tasks.find((t) => t.ref === '6.9')!.timeframe).toBe('Năm 2025 - 2026');
    expect(tasks.every((t) => t.content && t.lead && t.support && t.result && t.timeframe)).toBe(true);
  });
});

describe('parsePlanTasks on table rows (docx, html, markdown)', () => {
  const header = [
    'STT',
    'Nội dung công việc',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Kết quả thực hiện',
    'Thời gian thực hiện',
  ];
  it('reads section rows and task rows', () => {
    const rows = [
      header,
      ['1. Truyền thông'],
      ['1.', 'Tuyên truyền', 'Phòng Văn hóa –Xã hội', 'Tổ dân phố', 'Bài viết', 'Năm 2025'],
      ['2.', 'Làm chuyên mục', 'Văn phòng', 'Các đơn vị', '01 chuyên mục', 'Tháng 8 năm 2025'],
      ['2. Đào tạo'],
      ['1', 'Mở lớp', 'Công an phường', 'Đoàn thanh niên', '10 lớp', 'Hằng năm'],
    ];
    const tasks = parsePlanTasks(cellsFromTables([rows]));
    expect(tasks.map((t) => t.ref)).toEqual(['1.1', '1.2', '2.1']);
    expect(tasks[0]!.lead).toBe('Phòng Văn hóa - Xã hội');
    expect(tasks[2]).toMatchObject({
      sectionTitle: 'Đào tạo',
      lead: 'Công an phường',
      timeframe: 'Hằng năm',
    });
  });

  it('returns nothing for a table that is not a plan', () => {
    expect(
      parsePlanTasks(
        cellsFromTables([
          [
            ['Tên', 'Tuổi'],
            ['An', '70'],
          ],
        ]),
      ),
    ).toEqual([]);
    expect(parsePlanTasks(cellsFromTabText('Một văn bản\nkhông có bảng'))).toEqual([]);
  });
});
