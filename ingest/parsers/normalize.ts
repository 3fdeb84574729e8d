import path from 'node:path';

/** Longest title we accept from a first line or paragraph; anything longer is body text. */
export const MAX_TITLE_LENGTH = 120;

/**
 * The normal form every parser returns: NFC (so 'hoà' typed two ways compares equal), `\n` line
 * ends, no trailing whitespace, at most one blank line in a row, no blank lines at either end.
 */
export function normalizeText(text: string): string {
  return normalizeLineEnds(text)
    .replace(/\u00AD/g, '') // soft hyphens are invisible but split words for search
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** NFC and `\n` only: for text whose whitespace carries meaning and must stay as it is. */
export function normalizeLineEnds(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n');
}

/**
 * Decodes a text file: UTF-8 (BOM optional), or UTF-16 LE/BE when a BOM says so. Bytes that are
 * not UTF-8 are an error, because a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) decoded
 * as UTF-8 would silently become garbage in the knowledge base.
 */
export function decodeText(bytes: Buffer, fileName: string): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    // TextDecoder drops the BOM of its own encoding (ignoreBOM defaults to false).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new Error(
      `${path.basename(fileName)} is not valid ${encoding.toUpperCase()} text ` +
        '(a legacy encoding such as TCVN3, VNI or Windows-1258? save it as UTF-8)',
    );
  }
}

/** The file name without folder or extension, as the title of last resort. */
export function titleFromFileName(fileName: string): string {
  const base = path.basename(fileName);
  const ext = path.extname(base);
  return (ext ? base.slice(0, -ext.length) : base).normalize('NFC');
}

/** A candidate title cleaned up, or undefined when it is empty or too long to be a title. */
export function shortTitle(candidate: string | undefined): string | undefined {
  const title = candidate?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return title && title.length <= MAX_TITLE_LENGTH ? title : undefined;
}

/** A line cut to title length at a word boundary, for formats whose first line is the title. */
export function clipTitle(line: string): string {
  const title = line.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const cut = title.slice(0, MAX_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}
