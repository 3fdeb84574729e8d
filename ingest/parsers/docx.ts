import { load } from 'cheerio';
import mammoth from 'mammoth';
import { htmlContent } from './html-content.ts';
import { shortTitle, titleFromFileName } from './normalize.ts';
import type { Parser } from './types.ts';

// Images would otherwise be inlined as base64 data: URIs; an empty src makes the text skip them.
const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));

/** A .docx through mammoth's HTML, then the shared HTML → Markdown path. */
export const parseDocx: Parser = async (bytes, fileName) => {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: skipImages }));
  } catch (error) {
    throw new Error(`cannot read .docx file ${fileName}: ${(error as Error).message}`, { cause: error });
  }
  const $ = load(html);
  const heading = $('h1, h2, h3, h4, h5, h6').first().text();
  const firstParagraph = $('p').first().text();
  const title = shortTitle(heading) ?? shortTitle(firstParagraph) ?? titleFromFileName(fileName);
  // mammoth exposes no document properties, so there is no meta to report.
  return { title, ...htmlContent($), meta: {} };
};
