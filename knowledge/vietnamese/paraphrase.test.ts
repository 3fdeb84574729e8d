import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { everydayPhrases, lessonWording } from './paraphrase.ts';
import { EVERYDAY_BY_LESSON } from './everyday-by-lesson.ts';
import { SYNONYMS } from './synonyms.ts';

describe('lessonWording', () => {
  it("gives the lessons' wording for everyday phrases, with and without diacritics", () => {
    expect(lessonWording('Nhóm Zalo cứ ting ting, tắt tiếng thế nào?')).toContain('tắt thông báo');
    expect(lessonWording('nhom zalo tat tieng the nao')).toContain('tắt thông báo');
    expect(lessonWording('quên mật mã VNeID')).toContain('mật khẩu');
    expect(lessonWording('Xiaomi có cái loa đọc chữ trên màn hình không')).toContain('trình đọc màn hình');
    expect(lessonWording('gui nham tin vo nhom, xoa sao kip')).toContain('thu hồi');
    expect(lessonWording('gửi nhầm tiền cho người lạ')).not.toContain('thu hồi');
    expect(lessonWording('muốn khóa thêm một lớp cho Zalo')).toContain('bảo mật 2 lớp');
    expect(lessonWording('bố đòi ngừng thuốc')).toContain('tự ý bỏ hay đổi thuốc');
    expect(lessonWording('kiểm tra tin này thật hay giả')).toContain('tin sai sự thật');
    expect(lessonWording('lỡ chuyển 30 triệu cho người giả làm công an')).toContain('chuyển tiền cho kẻ gian');
  });

  it('lets up to two words stand between the words of a phrase', () => {
    expect(lessonWording('Tôi định bán lại cái điện thoại cũ cho tiệm')).toContain('đăng xuất các tài khoản');
    expect(lessonWording('Sắp bán con Samsung cũ, phải xóa gì?')).toContain('đăng xuất các tài khoản');
    expect(lessonWording('tự nhiên nhận mã OTP mà tui có chuyển tiền gì đâu')).toContain('không hề yêu cầu');
    expect(lessonWording('giờ phải làm gì trước để còn cứu được tiền')).toContain('chặn thiệt hại');
    expect(lessonWording('Có cách nào tra xem ảnh đó gốc ở đâu không?')).toContain('tìm ảnh gốc');
    expect(lessonWording('không nhớ là mức 1 hay mức 2, coi chỗ nào')).toContain('kiểm tra mức tài khoản');
    expect(lessonWording('Má chuyển rồi mới kể tui nghe. Giờ phải làm gì?')).toContain('chặn thiệt hại');
    expect(lessonWording('chữ nhỏ, bà đọc không nổi')).toContain('cỡ chữ');
    expect(lessonWording('có nên tin rồi share tiếp không')).toContain('trước khi chia sẻ');
    expect(lessonWording('sao biết hình đó thiệt hay hình cũ')).toContain('tìm ảnh gốc');
    expect(lessonWording('khách chìa điện thoại cho tui coi rồi xách đồ đi')).toContain('báo tiền về');
    expect(lessonWording('con mới lắp mạng, bấm tên mạng rồi mà nó đòi mật khẩu')).toContain('mật khẩu wi-fi');
    expect(lessonWording('tui tinh ban cho tiem de len doi')).toContain('đăng xuất các tài khoản');
    expect(lessonWording('tắt đi rồi mở lại mà vẫn không có tiếng')).not.toContain('tắt thông báo');
  });

  it('matches whole words, accent-exact when the person typed diacritics', () => {
    expect(lessonWording('mặt mà buồn')).not.toContain('mật khẩu');
    expect(lessonWording('tắt tiếng')).toEqual(lessonWording('tắt tiếng.'));
    expect(lessonWording('chuyện tắt tiếngx')).toEqual([]);
    // A phrase does not run across a comma.
    expect(lessonWording('bấm tắt, tiếng vẫn kêu')).not.toContain('tắt thông báo');
  });

  it('knows how residents say going back and getting a shop’s revenue', () => {
    expect(lessonWording('bà bấm lung tung rồi không biết thoát ra')).toContain('về màn hình chính');
    expect(lessonWording('tin nhắn bảo bấm link để rút tiền bán hàng về')).toContain('nhận doanh thu');
  });

  it('knows the everyday phrases written for each lesson', () => {
    expect(lessonWording('mẹ tôi bị lừa, tài khoản bị rút 50 triệu')).toContain('tra soát giao dịch');
    expect(lessonWording('muốn làm cái qr có số tiền sẵn cho khách')).toContain('có sẵn số tiền');
  });

  it('spells teencode out before matching', () => {
    expect(lessonWording('ban dt cu can lam j de ko lo thong tin')).toContain('đăng xuất các tài khoản');
  });

  it('names the everyday phrase it found, for scope to count it as covered', () => {
    expect(everydayPhrases('Kiểm tra nguồn gốc ảnh bằng cách nào?')).toContainEqual({
      said: 'nguồn gốc ảnh',
      wording: ['google ống kính', 'tìm ảnh gốc'],
    });
  });

  it('only maps to wording the lessons hold', () => {
    const dir = path.join(import.meta.dirname, '..', 'lessons');
    const lessons = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').toLowerCase())
      .join('\n');
    const missing = Object.values(SYNONYMS)
      .flat()
      .filter((w) => !lessons.includes(w.toLowerCase()));
    expect(missing).toEqual([]);
  });

  it('maps each lesson’s everyday phrases to wording that lesson holds and at most one other', () => {
    const dir = path.join(import.meta.dirname, '..', 'lessons');
    const text = (id: string) =>
      fs.readFileSync(path.join(dir, `${id}.md`), 'utf8').toLowerCase().replaceAll('**', '');
    const all = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
      .map((f) => text(f.slice(0, -3)));
    const wrong: string[] = [];
    const seen = new Set(Object.keys(SYNONYMS));
    for (const [lesson, phrases] of Object.entries(EVERYDAY_BY_LESSON)) {
      const own = text(lesson);
      for (const [said, wording] of Object.entries(phrases)) {
        if (seen.has(said)) wrong.push(`${said}: listed twice`);
        seen.add(said);
        for (const w of wording)
          if (!own.includes(w) || all.filter((t) => t.includes(w)).length > 2) wrong.push(`${said} → ${w}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
