import { describe, expect, it } from 'vitest';
import { buttonFromNumber, escapeHtml, numberedMenu, shapeReplies, splitText } from './text.ts';
import { TELEGRAM_CAPABILITIES } from './telegram/telegram-channel.ts';
import { ZALO_BOT_CAPABILITIES } from './zalo-bot/zalo-bot-channel.ts';

const buttons = [
  { id: 'a', label: 'Một' },
  { id: 'b', label: 'Hai' },
];

describe('reply shaping', () => {
  it('splits at boundaries within the limit and keeps every word', () => {
    const text = 'Đoạn một có vài chữ.\n\nĐoạn hai dài hơn một chút nữa.\nDòng ba.';
    const parts = splitText(text, 25);
    expect(parts.every((p) => p.length <= 25)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(splitText('x'.repeat(10), 4)).toEqual(['xxxx', 'xxxx', 'xx']);
    expect(splitText('😀😀😀', 3)).toEqual(['😀', '😀', '😀']);
  });

  it('writes numbered menus and maps typed numbers back to button ids', () => {
    expect(numberedMenu(buttons)).toBe('1. Một\n2. Hai\n(Bạn gõ số để chọn, ví dụ: 1)');
    expect(buttonFromNumber('2', buttons)).toBe('b');
    expect(buttonFromNumber(' 1. ', buttons)).toBe('a');
    expect(buttonFromNumber('3', buttons)).toBeUndefined();
    expect(buttonFromNumber('1 con mèo', buttons)).toBeUndefined();
    expect(buttonFromNumber('1', null)).toBeUndefined();
  });

  it('keeps buttons native where the platform has them, numbered where not', () => {
    const replies = [{ text: 'Chọn:', buttons }];
    expect(shapeReplies(replies, TELEGRAM_CAPABILITIES)).toEqual({
      parts: [{ text: 'Chọn:', buttons }],
      menu: null,
    });
    const zalo = shapeReplies(replies, ZALO_BOT_CAPABILITIES);
    expect(zalo.menu).toEqual(buttons);
    expect(zalo.parts).toEqual([{ text: `Chọn:\n\n${numberedMenu(buttons)}`, buttons: [] }]);
    const long = shapeReplies([{ text: 'a '.repeat(3000), buttons }], TELEGRAM_CAPABILITIES);
    expect(long.parts.map((p) => p.buttons.length)).toEqual([0, 2]);
  });

  it('escapes the three HTML characters Telegram requires, ampersand first', () => {
    expect(escapeHtml('<b>Tom & "Jerry"</b> &lt;')).toBe('&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt; &amp;lt;');
  });
});
