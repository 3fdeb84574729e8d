import { describe, expect, it } from 'vitest';
import { parseDocx } from './docx.ts';
import { SAMPLE_STEPS, SAMPLE_TABLE, expectNormalized, fixture } from './testing.ts';

describe('parseDocx', () => {
  it('reads the sample: heading title, numbered list, table with a two-paragraph cell', async () => {
    const doc = await parseDocx(fixture('sample.docx'), 'sample.docx');
    expect(doc.title).toBe('Hướng dẫn cài đặt ứng dụng VNeID');
    expect(doc.text).toMatch(
      /^# Hướng dẫn cài đặt ứng dụng VNeID\n\nTài liệu này hướng dẫn người dân cài đặt/,
    );
    expect(doc.text).toContain(`## Các bước thực hiện\n\n${SAMPLE_STEPS}\n\n| Mức độ | Yêu cầu |`);
    expect(doc.text).toContain('| Mức 2 | Căn cước gắn chip<br>Ảnh chân dung |');
    expect(doc.text).toMatch(/Liên hệ tổ công nghệ số cộng đồng khi cần hỗ trợ\.$/);
    expect(doc.tables).toEqual([SAMPLE_TABLE]);
    expect(doc.meta).toEqual({});
    expectNormalized(doc.text);
  });

  it('rejects a truncated file, saying why', async () => {
    await expect(parseDocx(fixture('corrupt.docx'), 'corrupt.docx')).rejects.toThrow(
      /cannot read \.docx file corrupt\.docx: .*central directory/,
    );
  });

  it('rejects a file that is not a zip at all', async () => {
    await expect(parseDocx(Buffer.from('không phải docx'), 'sai.docx')).rejects.toThrow(
      /cannot read \.docx file sai\.docx: \S/,
    );
  });
});
