import { describe, expect, it } from 'vitest';
import { clipTitle, decodeText, normalizeText, shortTitle, titleFromFileName } from './normalize.ts';

describe('normalizeText', () => {
  it('composes to NFC, unifies line ends, strips trailing space and extra blank lines', () => {
    const nfd = 'Cài đặt'.normalize('NFD');
    expect(normalizeText(`\n\n${nfd}  \r\nmột\rhai\t\n\n\n\n\nba\n\n`)).toBe('Cài đặt\nmột\nhai\n\nba');
  });

  it('removes soft hyphens', () => {
    expect(normalizeText('định\u00ADdanh')).toBe('địnhdanh');
  });
});

describe('decodeText', () => {
  const text = 'Kỹ năng số';

  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeText(Buffer.from(text), 'a.txt')).toBe(text);
    expect(decodeText(Buffer.from(`\uFEFF${text}`), 'a.txt')).toBe(text);
  });

  it('reads UTF-16 LE and BE when a BOM says so', () => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(le, 'a.txt')).toBe(text);
    expect(decodeText(be, 'a.txt')).toBe(text);
  });

  it('rejects bytes that are not UTF-8, naming the likely cause', () => {
    // Single-byte legacy text ("Ký năng" in Windows-1252 style): not valid UTF-8.
    expect(() => decodeText(Buffer.from([0x4b, 0xfd, 0x20, 0x6e, 0xe3, 0x6e, 0x67]), 'cu.txt')).toThrow(
      /cu\.txt is not valid UTF-8.*legacy encoding/,
    );
  });
});

describe('titles', () => {
  it('falls back to the file name without folder or extension', () => {
    expect(titleFromFileName('/tai-lieu/Hướng dẫn.v2.docx')).toBe('Hướng dẫn.v2');
  });

  it('accepts only short candidates as titles', () => {
    expect(shortTitle('  Kỹ năng\n số ')).toBe('Kỹ năng số');
    expect(shortTitle('')).toBeUndefined();
    expect(shortTitle('dài '.repeat(40))).toBeUndefined();
  });

  it('clips a long first line at a word boundary', () => {
    const title = clipTitle('Hướng dẫn sử dụng dịch vụ công trực tuyến '.repeat(5));
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title).toMatch(/^Hướng dẫn sử dụng.*\S…$/);
  });
});
