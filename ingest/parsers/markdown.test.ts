import { describe, expect, it } from 'vitest';
import { parseMarkdown, pipeTables } from './markdown.ts';
import { SAMPLE_STEPS, SAMPLE_TABLE, expectNormalized, fixture } from './testing.ts';

const md = (source: string) => parseMarkdown(Buffer.from(source), 'ghi-chu.md');

describe('parseMarkdown', () => {
  it('reads the sample: front-matter, body, list and table', async () => {
    const doc = await parseMarkdown(fixture('sample.md'), 'sample.md');
    expect(doc.title).toBe('Hướng dẫn cài đặt ứng dụng VNeID');
    expect(doc.meta).toEqual({
      title: 'Hướng dẫn cài đặt ứng dụng VNeID',
      tags: ['định danh', 'kỹ năng số'],
      level: 1,
    });
    expect(doc.text).toMatch(/^# Cài đặt VNeID\n\nTài liệu này hướng dẫn người dân/);
    expect(doc.text).not.toContain('level: 1');
    expect(doc.text).toContain(SAMPLE_STEPS);
    expect(doc.text).toMatch(/hỗ trợ\.$/);
    expect(doc.tables).toEqual([SAMPLE_TABLE]);
    expectNormalized(doc.text);
  });

  it('takes the title from the first # heading, skipping code, then from the file name', async () => {
    expect((await md('```sh\n# lệnh\n```\n## Phụ\n# Tiêu đề chính #\n')).title).toBe('Tiêu đề chính');
    expect((await md('Không có tiêu đề.')).title).toBe('ghi-chu');
  });

  it('accepts an empty front-matter and a file without one', async () => {
    expect(await md('---\n---\nNội dung')).toMatchObject({ meta: {}, text: 'Nội dung' });
    expect(await md('---  \r\nlop: 5\r\n...\r\nBài')).toMatchObject({ meta: { lop: 5 }, text: 'Bài' });
    expect(await md('Nội dung\n\n---\n\ntiếp')).toMatchObject({ meta: {}, text: 'Nội dung\n\n---\n\ntiếp' });
  });

  it('names the problem in a malformed front-matter', async () => {
    await expect(md('---\ntitle: [chưa đóng\n---\nx')).rejects.toThrow(
      /invalid YAML front-matter in ghi-chu\.md/,
    );
    await expect(md('---\ntitle: a\ntitle: b\n---\n')).rejects.toThrow(/invalid YAML.*unique/i);
    await expect(md('---\ntitle: Không đóng\n\n# Bài')).rejects.toThrow(
      /front-matter in ghi-chu\.md is not closed/,
    );
    await expect(md('---\n- một\n- hai\n---\n')).rejects.toThrow(/must be a YAML mapping.*not a list/);
  });
});

describe('pipeTables', () => {
  it('parses tables with or without outer pipes and escaped pipes', () => {
    const text = 'Cột A | Cột B\n:-- | --:\nx \\| y | z\n\nđoạn văn\n\n|Một|\n|---|\n|1|';
    expect(pipeTables(text)).toEqual([
      [
        ['Cột A', 'Cột B'],
        ['x | y', 'z'],
      ],
      [['Một'], ['1']],
    ]);
  });

  it('ignores pipes in code and a separator whose cells do not match the header', () => {
    expect(pipeTables('```\na | b\n--|--\n```\na | b\n---\n')).toEqual([]);
  });
});
