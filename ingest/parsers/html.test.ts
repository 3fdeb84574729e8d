import { describe, expect, it } from 'vitest';
import { parseHtml } from './html.ts';
import { SAMPLE_STEPS, SAMPLE_TABLE, expectNormalized, fixture } from './testing.ts';

const html = (source: string | Buffer) => parseHtml(Buffer.from(source), 'trang.html');

describe('parseHtml', () => {
  it('reads the sample: title, meta, Markdown text, lists and table', async () => {
    const doc = await parseHtml(fixture('sample.html'), 'sample.html');
    expect(doc.title).toBe('Hướng dẫn cài đặt ứng dụng VNeID');
    expect(doc.meta).toEqual({
      description: 'Cách cài đặt và kích hoạt tài khoản định danh điện tử.',
      keywords: 'VNeID, định danh điện tử',
    });
    expect(doc.text).toMatch(
      /^# Cài đặt VNeID\n\nTài liệu này hướng dẫn người dân \*\*cài đặt\*\* và kích hoạt/,
    );
    expect(doc.text).toContain(
      `## Các bước thực hiện\n\n${SAMPLE_STEPS}\n\n- Mang theo căn cước.\n- Điện thoại có Internet.`,
    );
    expect(doc.text).toContain(
      '| Mức độ | Yêu cầu |\n| --- | --- |\n| Mức 1 | Số điện thoại chính chủ |\n| Mức 2 | Căn cước gắn chip<br>Ảnh chân dung |',
    );
    expect(doc.tables).toEqual([SAMPLE_TABLE]);
    expectNormalized(doc.text);
  });

  it('drops scripts, styles, navigation, footers, noscript and data: images', async () => {
    const { text } = await parseHtml(fixture('sample.html'), 'sample.html');
    for (const gone of [
      'console.log',
      'font-family',
      'Trang chủ',
      '© 2025',
      'JavaScript',
      'base64',
      'data:',
    ]) {
      expect(text).not.toContain(gone);
    }
  });

  it('takes the title from <h1> when there is no <title>, else the file name', async () => {
    expect((await html('<h1>Bảo mật  tài khoản</h1><p>x</p>')).title).toBe('Bảo mật tài khoản');
    expect((await html('<p>Không có tiêu đề</p>')).title).toBe('trang');
  });

  it('decodes a page by its <meta charset>', async () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></head><body>x</body></html>'),
    ]);
    expect((await html(page)).title).toBe('Café');
  });

  it('assumes UTF-8 when nothing declares a charset', async () => {
    expect((await html('<title>Kỹ năng số</title>')).title).toBe('Kỹ năng số');
  });

  it('keeps a header-less table, nested tables and pipes in cells', async () => {
    const doc = await html(
      '<table><tr><td>A|B</td><td>Ô<br>hai dòng</td></tr><tr><td colspan="2"><table><tr><td>trong</td></tr></table></td></tr></table>',
    );
    expect(doc.tables).toEqual([[['A|B', 'Ô\nhai dòng'], ['trong']], [['trong']]]);
    expect(doc.text).toBe('| A\\|B | Ô<br>hai dòng |\n| --- | --- |\n| trong |  |');
  });

  it('numbers an ordered list from its start attribute and keeps nested lists indented', async () => {
    const { text } = await html('<ol start="3"><li>Ba<ul><li>con</li></ul></li><li>Bốn</li></ol>');
    expect(text).toBe('3. Ba\n   - con\n4. Bốn');
  });
});
