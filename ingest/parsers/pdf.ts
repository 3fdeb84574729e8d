import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { clipTitle, normalizeText, shortTitle } from './normalize.ts';
import type { Parser } from './types.ts';

/** Info dictionary fields worth keeping, under the names meta uses. */
const INFO_FIELDS = { Title: 'title', Author: 'author', Subject: 'subject', Keywords: 'keywords' } as const;

/** A PDF's text layer, page by page; tables come out as lines of text (PDF has no table structure). */
export const parsePdf: Parser = async (bytes, fileName) => {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may take over (detach) the buffer it is given. verbosity 0 keeps its warnings quiet.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw new Error(`cannot read .pdf file ${fileName}: ${reason(error)}`, { cause: error });
  }
  try {
    const { text: pages, totalPages } = await extractText(pdf, { mergePages: false });
    const { info } = await getMeta(pdf);
    const text = normalizeText(repairHyphenation(pages.join('\n\n')));
    if (text === '') {
      throw new Error(`${fileName} has no text layer (a scanned PDF? OCR is not supported)`);
    }
    const meta: Record<string, unknown> = { pages: totalPages };
    for (const [field, key] of Object.entries(INFO_FIELDS)) {
      const value: unknown = info[field];
      if (typeof value === 'string' && value.trim()) meta[key] = value.trim().normalize('NFC');
    }
    // Word's PDF export often puts "Microsoft Word - file.docx" in Title: a file name, not a title.
    const infoTitle = /^Microsoft \w+ - /.test(String(meta.title ?? ''))
      ? undefined
      : shortTitle(meta.title as string);
    return { title: infoTitle ?? clipTitle(text.split('\n')[0]!), text, meta, tables: [] };
  } finally {
    await pdf.destroy();
  }
};

function reason(error: unknown): string {
  const { name, message } = error as Error;
  if (name === 'PasswordException') return 'it is encrypted with a password';
  if (name === 'InvalidPDFException') return `it is damaged or not a PDF (${message})`;
  return message;
}

/**
 * Joins a word that the PDF broke over two lines with a hyphen ("smart-\nphone"), only when that
 * is safe: both parts plain ASCII letters (a Vietnamese syllable is never split, so a hyphen after
 * one is a real hyphen, as in "Văn hóa -\nXã hội") and the document never writes the pair with
 * its hyphen mid-line (evidence of a real compound such as "well-known").
 */
export function repairHyphenation(text: string): string {
  return text.replace(
    /(?<![\p{L}\p{M}\d-])([A-Za-z][a-z]+)-\n([a-z]+)(?![\p{L}\p{M}\d-])/gu,
    (whole, left: string, right: string) => (text.includes(`${left}-${right}`) ? whole : left + right),
  );
}
