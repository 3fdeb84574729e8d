import { describe, expect, it } from 'vitest';
import { standardAsking } from './dialect.ts';

describe('standardAsking', () => {
  it('rewrites Central and Southern asking words to the standard ones', () => {
    expect(standardAsking('tui không biết bấm vô chỗ mô.')).toBe('tui không biết bấm vô chỗ nào.');
    expect(standardAsking('rứa em phải đi mô, mang theo chi?')).toBe('vậy em phải đi đâu, mang theo gì?');
    expect(standardAsking('răng rứa, bị lỗi chi rồi?')).toBe('sao vậy, bị lỗi gì rồi?');
    expect(standardAsking('cài vneid làm răng?')).toBe('cài vneid làm sao?');
    expect(standardAsking('tui mần răng để vô zalo')).toBe('tui làm sao để vô zalo');
    expect(standardAsking('hổng biết nữa')).toBe('không biết nữa');
    expect(standardAsking('ra cho la hong vo duoc mang')).toBe('ra cho la khong vo duoc mang');
    expect(standardAsking('bang lai bo vo vneid dc ko rua?')).toBe('bang lai bo vo vneid dc ko vay?');
  });

  it('keeps the same syllables in their other senses', () => {
    for (const text of [
      'cái mô hình chợ số có quy mô ra sao',
      'sổ thu chi. xem chi tiết chi phí',
      'đau răng quá',
      'lỗ hổng bảo mật',
      // Folded, "mo" is "mở" and "rang" a different word: only marked words are rewritten.
      'mo app ngan hang ra sao',
      // "hỏng" and "hồng" typed without marks
      'man hinh bi hong co sua duoc khong',
      'dien thoai hong roi',
      'hoa hong dep qua',
      'bi goi ve vu rua tien',
    ])
      expect(standardAsking(text), text).toBe(text);
  });
});
