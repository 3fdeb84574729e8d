import { describe, expect, it } from 'vitest';
import { expandAbbreviations, phrases, terms } from './tokenize.ts';

describe('terms', () => {
  it('yields syllables and neighbouring pairs, accented and folded', () => {
    const { accented, folded } = terms('Dịch vụ công');
    expect(accented).toEqual(['dịch', 'dịch_vụ', 'vụ', 'vụ_công', 'công']);
    expect(folded).toEqual(['dich', 'dich_vu', 'vu', 'vu_cong', 'cong']);
  });

  it('forms no pair across punctuation', () => {
    expect(phrases('Cài đặt. Đăng nhập')).toEqual([
      ['cài', 'đặt'],
      ['đăng', 'nhập'],
    ]);
    expect(terms('a, b').accented).not.toContain('a_b');
  });

  it('meets the same terms whatever the tone placement or normalization form', () => {
    expect(terms('hoà giải'.normalize('NFD')).accented).toEqual(terms('hòa giải').accented);
  });
});

describe('expandAbbreviations', () => {
  it('rewrites teencode', () => {
    expect(expandAbbreviations('ko dc')).toBe('không được');
    expect(expandAbbreviations('lam cccd o dau')).toBe('lam căn cước công dân o dau');
  });
  it('keeps alternative meanings as separate phrases', () => {
    expect(expandAbbreviations('bn tien')).toBe('bao nhiêu tien | bạn');
  });
  it('leaves other words alone', () => {
    expect(expandAbbreviations('Cài VNeID')).toBe('cài vneid');
  });
});
