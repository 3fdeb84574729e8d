import { describe, expect, it } from 'vitest';
import { isTabTable, parseText } from './text.ts';
import { SAMPLE_STEPS, expectNormalized, fixture } from './testing.ts';

describe('parseText', () => {
  it('reads the sample: BOM and CRLF gone, blank lines collapsed, no tables', async () => {
    const doc = await parseText(fixture('sample.txt'), 'sample.txt');
    expect(doc.title).toBe('Hướng dẫn cài đặt ứng dụng VNeID');
    expect(doc.text).toMatch(/^Hướng dẫn cài đặt/);
    expect(doc.text).toContain('định danh điện tử.\n\nCác bước thực hiện:');
    expect(doc.text).toContain(SAMPLE_STEPS);
    expect(doc.text).toContain('Mức 1 | Số điện thoại chính chủ');
    expect(doc).toMatchObject({ meta: {}, tables: [] });
    expectNormalized(doc.text);
  });

  it('reads UTF-16 with a BOM and composes NFD to NFC', async () => {
    const source = '\uFEFF\n  Kỹ năng số cơ bản  \nBài 1'.normalize('NFD');
    for (const bytes of [Buffer.from(source, 'utf16le'), Buffer.from(source, 'utf16le').swap16()]) {
      const doc = await parseText(bytes, 'bai.txt');
      expect(doc.title).toBe('Kỹ năng số cơ bản');
      expect(doc.text).toBe('  Kỹ năng số cơ bản\nBài 1');
    }
  });

  it('falls back to the file name and clips a long first line', async () => {
    expect((await parseText(Buffer.from('\n \n'), 'trong.txt')).title).toBe('trong');
    const long = await parseText(Buffer.from('Người dân '.repeat(30)), 'dai.txt');
    expect(long.title.length).toBeLessThanOrEqual(120);
    expect(long.title.endsWith('…')).toBe(true);
  });

  it('keeps a tab-indented table export exactly as it is, without interpreting it', async () => {
    const bytes = fixture('plan-table.txt');
    const doc = await parseText(bytes, 'plan-table.txt');
    expect(doc.text).toBe(bytes.toString('utf8'));
    expect(doc.text).toContain(
      '\t1. \n\tTổ chức quán triệt Kế hoạch \n\tPhòng Văn hóa -Xã hội\n\t\nCác đơn vị có liên quan\n',
    );
    expect(doc.text).toContain('Tháng 8 năm 2025\n\n\n\n\t2. ');
    expect(doc).toMatchObject({ title: 'PHỤ LỤC', tables: [] });
  });

  it('tells the tab-table layout from prose with a few indented lines', () => {
    expect(isTabTable(fixture('plan-table.txt').toString('utf8'))).toBe(true);
    expect(isTabTable('Đoạn một.\n\tthụt lề\nĐoạn hai.\nĐoạn ba.\n\tthụt\n\tlề\nĐoạn bốn.\nĐoạn năm.')).toBe(
      false,
    );
  });
});
