import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_EXTENSIONS, parseFile, parserFor } from './index.ts';
import { SAMPLE_TABLE } from './testing.ts';

const fixturePath = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

describe('parserFor', () => {
  it('picks a parser by extension, in any case', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual([
      '.md',
      '.markdown',
      '.txt',
      '.text',
      '.docx',
      '.pdf',
      '.html',
      '.htm',
    ]);
    for (const name of ['a.MD', 'b.markdown', 'c.TXT', 'd.text', 'e.Docx', 'f.PDF', 'g.html', 'h.HTM']) {
      expect(parserFor(name), name).toBeTypeOf('function');
    }
    for (const name of ['a.doc', 'b.xlsx', 'README', 'md']) expect(parserFor(name), name).toBeUndefined();
  });
});

describe('parseFile', () => {
  it.each(['sample.md', 'sample.html', 'sample.docx'])('reads %s with its table', async (name) => {
    const doc = await parseFile(fixturePath(name));
    expect(doc.title).toBe('Hướng dẫn cài đặt ứng dụng VNeID');
    expect(doc.text).toContain('định danh');
    expect(doc.tables).toEqual([SAMPLE_TABLE]);
  });

  it('reads .txt and .pdf files', async () => {
    expect((await parseFile(fixturePath('sample.txt'))).title).toBe('Hướng dẫn cài đặt ứng dụng VNeID');
    expect((await parseFile(fixturePath('sample.pdf'))).text).toContain(
      'Kích hoạt tài khoản tại công an phường.',
    );
  });

  it('rejects an unsupported extension, listing the supported ones', async () => {
    await expect(parseFile(fixturePath('bang-tinh.xlsx'))).rejects.toThrow(
      /unsupported file type \.xlsx for bang-tinh\.xlsx: supported are \.md, .*\.htm/,
    );
  });

  it('passes on a missing file as the file system error', async () => {
    await expect(parseFile(fixturePath('khong-co.md'))).rejects.toThrow(/ENOENT/);
  });
});
