import { describe, expect, it } from 'vitest';
import { askedPart, lessStory, storyTerms } from './focus.ts';
import { readQuestion } from './text.ts';

describe('focus on what a long message asks', () => {
  const story =
    'Chị bán tạp hóa, chiều qua có người gọi xưng điện lực. Chị chuyển 3 triệu rồi mới biết bị lừa. Giờ chị phải làm gì?';

  it('tells the asking sentence from the story around it', () => {
    const q = readQuestion(story);
    expect(askedPart(q)).toBe('Giờ chị phải làm gì?');
    const terms = storyTerms(q);
    expect(terms).toContain('tap_hoa');
    expect(terms).toContain('lua');
  });

  it('finds the asking sentence without a question mark, unaccented', () => {
    const q = readQuestion('nha toi mo tiem tap hoa. khach chuyen khoan roi lam sao biet tien vao chua');
    expect(askedPart(q)).toBe('khach chuyen khoan roi lam sao biet tien vao chua');
    expect(storyTerms(q)).toContain('tiem');
  });

  it('reads "tối nào cũng", "lúc nào cũng" as a habit, not a question', () => {
    const asked = (q: string) => askedPart(readQuestion(q));
    expect(asked('Con tôi tối nào cũng nhờ AI giải bài rồi chép. Nên dặn cháu gõ yêu cầu thế nào?')).toBe(
      'Nên dặn cháu gõ yêu cầu thế nào?',
    );
    expect(asked('con toi toi nao cung nho ai giai bai roi chep. nen dan chau go yeu cau the nao?')).toBe(
      'nen dan chau go yeu cau the nao?',
    );
  });

  it('reads a question meant for someone else as part of the story', () => {
    const q = readQuestion(
      'Tui định chụp toa thuốc gửi ChatGPT coi giùm, rồi hỏi nên uống thêm thuốc gì. Làm vậy được không?',
    );
    expect(askedPart(q)).toBe('Làm vậy được không?');
  });

  it('weighs the story fully when the asking sentence points back at it', () => {
    const weights = new Map([
      ['ky_so', 2],
      ['pdf', 2],
    ]);
    const told = 'Tờ trình em ký số xong mới thấy sai chính tả.';
    expect(lessStory(readQuestion(`${told} Em mở file PDF đó sửa được không?`), weights).get('ky_so')).toBe(
      2,
    );
    expect(lessStory(readQuestion(`${told} Mở file PDF sửa được không?`), weights).get('ky_so')).toBe(1);
  });

  it('weighs what the asking wants to avoid less than what it asks, unless that is all it asks', () => {
    const weights = new Map([
      ['dem', 2],
      ['thong_tin', 2],
      ['lua', 2],
    ]);
    for (const q of [
      'Trước khi đem bán cần làm gì để khỏi bị lộ thông tin?',
      'truoc khi dem ban can lam gi de khoi bi lo thong tin',
    ]) {
      const less = lessStory(readQuestion(q), weights);
      expect(less.get('thong_tin'), q).toBe(1);
      expect(less.get('dem'), q).toBe(2);
    }
    expect(lessStory(readQuestion('Làm sao để khỏi bị lừa?'), weights).get('lua')).toBe(2);
  });

  it('leaves a one-sentence or all-asking message whole', () => {
    expect(askedPart(readQuestion('Cài VNeID thế nào?'))).toBeUndefined();
    expect(storyTerms(readQuestion('Cài VNeID thế nào? Đăng nhập ở đâu?')).size).toBe(0);
    // A word of the story the question repeats is not story.
    expect(storyTerms(readQuestion('Tôi có Zalo. Zalo tắt thông báo thế nào?'))).not.toContain('zalo');
  });
});
