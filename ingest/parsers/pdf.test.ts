import { describe, expect, it } from 'vitest';
import { parsePdf, repairHyphenation } from './pdf.ts';
import { SAMPLE_STEPS, expectNormalized, fixture } from './testing.ts';

describe('parsePdf', () => {
  it('reads the sample: Info title and fields, Vietnamese text, pages split by a blank line', async () => {
    const doc = await parsePdf(fixture('sample.pdf'), 'sample.pdf');
    expect(doc.title).toBe('Hướng dẫn cài đặt ứng dụng VNeID');
    expect(doc.meta).toEqual({
      pages: 2,
      title: 'Hướng dẫn cài đặt ứng dụng VNeID',
      author: 'Tổ công nghệ số cộng đồng',
      subject: 'Kỹ năng số',
      keywords: 'VNeID định danh điện tử',
    });
    const [page1, page2] = doc.text.split('\n\n');
    expect(page1).toMatch(/^Hướng dẫn cài đặt\nTài liệu này hướng dẫn người dân cài đặt và kích hoạt/);
    expect(page1).toContain(SAMPLE_STEPS);
    expect(page2).toMatch(/^Mức độ tài khoản\n/);
    // The PDF's table is drawn text: its rows come out as lines, not as table cells.
    expect(page2).toContain('Mức 1 Số điện thoại chính chủ');
    expect(doc.tables).toEqual([]);
    expectNormalized(doc.text);
  });

  it('repairs the ASCII word broken by a hyphen but not the Vietnamese real hyphen', async () => {
    const { text } = await parsePdf(fixture('sample.pdf'), 'sample.pdf');
    expect(text).toContain('điện thoại thông minh (smartphone) có kết nối Internet.');
    expect(text).toContain('Phòng Văn hóa -\nXã hội.');
  });

  it('rejects a damaged file and an encrypted one, saying why', async () => {
    await expect(parsePdf(fixture('corrupt.pdf'), 'corrupt.pdf')).rejects.toThrow(
      /cannot read \.pdf file corrupt\.pdf: it is damaged or not a PDF/,
    );
    await expect(parsePdf(fixture('encrypted.pdf'), 'encrypted.pdf')).rejects.toThrow(
      /cannot read \.pdf file encrypted\.pdf: it is encrypted with a password/,
    );
  });
});

describe('repairHyphenation', () => {
  it('joins only plain ASCII fragments that the text never hyphenates elsewhere', () => {
    expect(repairHyphenation('infor-\nmation')).toBe('information');
    expect(repairHyphenation('well-known and well-\nknown')).toBe('well-known and well-\nknown');
    expect(repairHyphenation('Văn hóa-\nxã hội')).toBe('Văn hóa-\nxã hội');
    expect(repairHyphenation('smart-\nthông')).toBe('smart-\nthông');
    expect(repairHyphenation('e-\nmail, COVID-\n19, Wi-\nFi')).toBe('e-\nmail, COVID-\n19, Wi-\nFi');
  });
});
