import { describe, expect, it } from 'vitest';
import { chunkText } from './chunker.ts';

const step = (n: number) =>
  `${n}. Mở ứng dụng, chạm mục số ${n} rồi đọc kỹ hướng dẫn trên màn hình trước khi bấm Nhận.` +
  ' Nếu chưa thấy mục này, cập nhật ứng dụng lên bản mới nhất rồi thử lại lần nữa cho chắc chắn.';

describe('chunkText', () => {
  it('starts a new section path at each heading of the same level', () => {
    const text = ['## Các bước', '', '1. Mở VNeID.', '', '## Lưu ý', '', '- Không đọc mã OTP.'].join('\n');
    const headings = chunkText('Cài VNeID', text).map((c) => c.heading);
    expect(headings).toEqual(['Các bước', 'Lưu ý']);
  });

  it('nests deeper headings and closes them at the next shallower one', () => {
    const text = [
      '# Bài học',
      '## Tự kiểm tra',
      '### Câu 1',
      'Hỏi một.',
      '### Câu 2',
      'Hỏi hai.',
      '## Nguồn tham khảo',
      'Trang chính thức.',
    ].join('\n');
    expect(chunkText('T', text).map((c) => c.heading)).toEqual([
      'Bài học › Tự kiểm tra › Câu 1',
      'Bài học › Tự kiểm tra › Câu 2',
      'Bài học › Nguồn tham khảo',
    ]);
  });

  it('keeps the line break between numbered steps when a long list is split', () => {
    const list = Array.from({ length: 12 }, (_, i) => step(i + 1)).join('\n');
    const chunks = chunkText('T', `## Các bước\n\n${list}`);
    expect(chunks.length).toBeGreaterThan(1);
    const joined = chunks.map((c) => c.text).join('\n');
    expect(joined).not.toMatch(/\.\d+\. /);
    for (let n = 1; n <= 12; n++) expect(joined).toMatch(new RegExp(`(^|\\n)${n}\\. Mở ứng dụng`));
    expect(chunks.every((c) => c.text.length <= 900)).toBe(true);
  });

  it('splits one oversized line by sentence', () => {
    const line = Array.from({ length: 40 }, (_, i) => `Câu số ${i} nói về một việc cần làm.`).join(' ');
    const chunks = chunkText('T', line);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.text.length <= 900)).toBe(true);
    expect(chunks.map((c) => c.text).join(' ')).toBe(line);
  });
});
