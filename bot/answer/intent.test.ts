import { describe, expect, it } from 'vitest';
import { ruleIntent } from './intent.ts';
import { readQuestion } from './text.ts';

const intentOf = (q: string) => ruleIntent(readQuestion(q));

describe('ruleIntent', () => {
  it('reads a loan request as a scam topic, but not "vậy tiền" typed without diacritics', () => {
    expect(intentOf('người thân nhắn zalo hỏi vay tiền gấp, có phải lừa không')).toBe('safety');
    expect(intentOf('nguoi than nhan zalo vay tien gap 10 trieu')).toBe('safety');
    expect(intentOf('ban tren shopee roi, vay tien thue toi co phai tu khai khong')).toBe('question');
  });

  it('judges an off-topic aside by the sentences that ask, not by the story', () => {
    expect(intentOf('Con chuyển khoản qua app cho tôi 5 triệu. Giờ nên mua cổ phiếu nào?')).toBe(
      'out_of_scope',
    );
    expect(intentOf('Bố bị sốt nên không đi khám được. Lịch khám đặt online thì hủy ở đâu?')).toBe(
      'question',
    );
  });

  it('counts a file or a phone model as digital words', () => {
    expect(intentOf('chụp sổ đỏ nhiều trang thì gộp thành một file PDF thế nào')).toBe('question');
    expect(intentOf('sổ đỏ bị mất thì làm lại ở đâu')).toBe('out_of_scope');
  });
});
