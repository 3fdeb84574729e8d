import { describe, expect, it } from 'vitest';
import { learnCompoundPairs, subjectTerms } from './stopwords.ts';
import { readQuestion } from './text.ts';

describe('subjectTerms', () => {
  it('keeps subject words and their pairs, not the shape of the question', () => {
    const terms = subjectTerms(readQuestion('làm sao cài VNeID trên điện thoại?'));
    expect(terms).toEqual(expect.arrayContaining(['cai', 'cai_vneid', 'vneid', 'dien_thoai']));
    expect(terms).not.toContain('lam');
    expect(terms).not.toContain('sao');
  });

  it('keeps "AI" typed in capitals, the technology; "ai" (who) stays a function word', () => {
    expect(subjectTerms(readQuestion('tối nào cũng hỏi AI giải toán'))).toContain('ai');
    expect(subjectTerms(readQuestion('ai cũng phải cài VNeID à'))).not.toContain('ai');
    // typed in lower case, as the tool put to work on a phone
    expect(subjectTerms(readQuestion('con lay dien thoai hoi ai giai bai tap roi chep'))).toContain('ai');
    expect(subjectTerms(readQuestion('app ngan hang loi, khong biet hoi ai giai quyet'))).not.toContain('ai');
    expect(subjectTerms(readQuestion('nho ai viet giup cai don'))).not.toContain('ai');
  });

  it('keeps a negation with the word it negates: a troubleshooting question is about what fails', () => {
    for (const q of ['gọi video mà cháu không nghe thấy tiếng', 'goi video ma chau ko nghe thay tieng'])
      expect(subjectTerms(readQuestion(q))).toContain('khong_nghe');
    expect(subjectTerms(readQuestion('chưa nhận được tiền'))).toContain('chua_nhan');
  });

  it('keeps "không thấy", "không vào", "không lên": negated, a shape word names the symptom', () => {
    expect(subjectTerms(readQuestion('iPhone không thấy cái micro đâu'))).toContain('khong_thay');
    expect(subjectTerms(readQuestion('may khong len nguon'))).toContain('khong_len');
    expect(subjectTerms(readQuestion('không có mạng'))).not.toContain('khong_co');
  });

  it('drops the talk around a question ("tự nhiên", "có đáng lo không"), keeping what happened', () => {
    const terms = subjectTerms(readQuestion('Máy tự nhiên mất sóng cả buổi, có đáng lo không?'));
    expect(terms).toContain('mat_song');
    expect(terms).not.toContain('nhien');
    expect(terms).not.toContain('lo');
  });

  it('drops everyday function words ("tui", "vô", "mà"), but not "ma" typed without marks', () => {
    const terms = subjectTerms(readQuestion('Tui mở app mà không thấy, giờ thêm bằng lái vô bằng cách nào?'));
    expect(terms).toContain('bang_lai');
    for (const w of ['tui', 'vo', 'ma']) expect(terms).not.toContain(w);
    // Unaccented, "ma" is "mã" and "ngan" is "ngân".
    expect(subjectTerms(readQuestion('nhap ma pin sai'))).toContain('ma');
    const story = subjectTerms(readQuestion('mua 500 ngàn, tối coi lại màn hình'));
    for (const w of ['ngan', 'coi']) expect(story).not.toContain(w);
    expect(subjectTerms(readQuestion('chuyen 500 ngan qua ngan hang'))).toContain('ngan_hang');
    expect(subjectTerms(readQuestion('bằng lái bỏ vô VNeID được không rứa'))).not.toContain('rua');
    expect(subjectTerms(readQuestion('bi goi ve vu rua tien'))).toContain('rua_tien');
    // "chứ không" is no "chữ".
    expect(subjectTerms(readQuestion('chạm vào chỉ đọc tên chứ không mở'))).not.toContain('chu');
    expect(subjectTerms(readQuestion('chữ nhỏ quá'))).toContain('chu');
    // "cứ", "hoài", "mãi" (keeps on) say how often, not what; unaccented, "cu" is "cũ".
    const often = subjectTerms(readQuestion('gọi video cứ đứng hình hoài, chờ mãi'));
    for (const w of ['cu', 'hoai', 'mai']) expect(often).not.toContain(w);
    expect(subjectTerms(readQuestion('mat so dien thoai cu'))).toContain('cu');
  });

  it('keeps an unaccented compound the lessons write with subject words ("tai khoan", "cap nhat")', () => {
    learnCompoundPairs([
      'Mở tài khoản ngân hàng. Cập nhật ứng dụng. Khóa tài khoản ngay.',
      'Tại sao phải cập nhật?',
    ]);
    const terms = subjectTerms(readQuestion('lam sao cap nhat ung dung cho tai khoan'));
    expect(terms).toEqual(expect.arrayContaining(['cap_nhat', 'tai_khoan']));
    // Not a pair of a function word the lessons never write as a compound.
    expect(subjectTerms(readQuestion('tai sao khong vao duoc'))).not.toContain('tai_sao');
  });
});
