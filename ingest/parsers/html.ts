import { isUtf8 } from 'node:buffer';
import { loadBuffer } from 'cheerio';
import { htmlContent } from './html-content.ts';
import { shortTitle, titleFromFileName } from './normalize.ts';
import type { Parser } from './types.ts';

/** An HTML page: title from <title> or <h1>, description and keywords from <meta>. */
export const parseHtml: Parser = async (bytes, fileName) => {
  // loadBuffer honours a BOM or <meta charset>. Without either, HTML's default is windows-1252,
  // which turns an undeclared UTF-8 page (the usual case today) into mojibake: assume UTF-8 then.
  const $ = loadBuffer(bytes, { encoding: { defaultEncoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252' } });
  const title =
    shortTitle($('title').first().text()) ??
    shortTitle($('h1').first().text()) ??
    titleFromFileName(fileName);
  const meta: Record<string, unknown> = {};
  for (const name of ['description', 'keywords']) {
    const content = $(`meta[name="${name}" i]`).attr('content')?.trim();
    if (content) meta[name] = content.normalize('NFC');
  }
  return { title, ...htmlContent($), meta };
};
