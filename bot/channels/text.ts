import type { Button, Reply } from '../conversation/types.ts';
import type { ChannelCapabilities, OutboundPart } from './types.ts';

/**
 * Splits text into pieces of at most `limit` UTF-16 units, preferring paragraph, then line,
 * then word boundaries, and never cutting a surrogate pair in half.
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = -1;
    for (const separator of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(separator);
      if (at > limit / 3) {
        cut = at;
        break;
      }
    }
    if (cut < 0) {
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest || !parts.length) parts.push(rest);
  return parts;
}

export const MENU_HINT = 'Bạn gõ số để chọn, ví dụ: 1';

/** Buttons written as a numbered list, for platforms that cannot show them (or not that many). */
export function numberedMenu(buttons: Button[]): string {
  return [...buttons.map((b, i) => `${i + 1}. ${b.label}`), `(${MENU_HINT})`].join('\n');
}

/** A typed "2" becomes the id of the second button of the last numbered menu, if there was one. */
export function buttonFromNumber(text: string | undefined, menu: Button[] | null): string | undefined {
  const match = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text ?? '');
  if (!match || !menu) return undefined;
  return menu[Number(match[1]) - 1]?.id;
}

export interface ShapedReplies {
  parts: OutboundPart[];
  /** The buttons now offered as a numbered menu, or null when typed numbers mean nothing. */
  menu: Button[] | null;
}

/** Fits the core's replies to a platform: numbered menus where buttons cannot go, then splitting. */
export function shapeReplies(replies: Reply[], capabilities: ChannelCapabilities): ShapedReplies {
  const parts: OutboundPart[] = [];
  let menu: Button[] | null = null;
  for (const reply of replies) {
    const native = reply.buttons.length <= capabilities.maxButtons;
    if (reply.buttons.length) menu = native ? null : reply.buttons;
    const text =
      native || !reply.buttons.length ? reply.text : `${reply.text}\n\n${numberedMenu(reply.buttons)}`;
    const pieces = splitText(text, capabilities.maxTextLength);
    pieces.forEach((piece, i) => {
      const buttons = native && i === pieces.length - 1 ? reply.buttons : [];
      if (piece || buttons.length) parts.push({ text: piece || 'Mời bạn chọn:', buttons });
    });
  }
  return { parts, menu };
}

/** Telegram HTML parse mode: `&` first, so the entities we add are not escaped again. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What a resident reads when they send a sticker, photo or voice message. */
export const TEXT_ONLY_NOTICE =
  'Xin lỗi bạn, hiện tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi bằng chữ nhé.';
