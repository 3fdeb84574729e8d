import { describe, expect, it } from 'vitest';
import { foldDiacritics, hasDiacritics, normalizeVietnamese, unifyToneMark } from './normalize.ts';

describe('unifyToneMark', () => {
  it.each([
    ['hoà', 'hòa'],
    ['hòa', 'hòa'],
    ['thuỷ', 'thủy'],
    ['Thuỷ', 'Thủy'],
    ['khoẻ', 'khỏe'],
    ['hoàn', 'hoàn'],
    ['hòan', 'hoàn'],
    ['thuyền', 'thuyền'],
    ['quý', 'quý'],
    ['già', 'già'],
    ['gìa', 'già'],
    ['ngoài', 'ngoài'],
    ['ngòai', 'ngoài'],
    ['người', 'người'],
    ['mía', 'mía'],
    ['VNeID', 'VNeID'],
    ['Đăng', 'Đăng'],
  ])('%s → %s', (input, expected) => {
    expect(unifyToneMark(input)).toBe(expected);
  });

  it('accepts decomposed (NFD) input', () => {
    expect(unifyToneMark('hoà'.normalize('NFD'))).toBe('hòa');
  });
});

describe('normalizeVietnamese', () => {
  it('normalizes every word and keeps punctuation', () => {
    expect(normalizeVietnamese('Hoà bình, thuỷ lợi!'.normalize('NFD'))).toBe('Hòa bình, thủy lợi!');
  });
});

describe('foldDiacritics', () => {
  it('strips tone and quality marks and maps đ to d', () => {
    expect(foldDiacritics('Đăng ký dịch vụ công trực tuyến')).toBe('Dang ky dich vu cong truc tuyen');
  });
  it('reports whether text has diacritics', () => {
    expect(hasDiacritics('cach cai vneid')).toBe(false);
    expect(hasDiacritics('cách cài')).toBe(true);
    expect(hasDiacritics('dd đ')).toBe(true);
  });
});
