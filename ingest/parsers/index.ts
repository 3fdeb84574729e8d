import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocx } from './docx.ts';
import { parseHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';
import { parsePdf } from './pdf.ts';
import { parseText } from './text.ts';
import type { ParsedDocument, Parser } from './types.ts';

export type { ParsedDocument, Parser } from './types.ts';

const PARSERS: Readonly<Record<string, Parser>> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.txt': parseText,
  '.text': parseText,
  '.docx': parseDocx,
  '.pdf': parsePdf,
  '.html': parseHtml,
  '.htm': parseHtml,
};

/** File extensions the ingestion pipeline can read, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(PARSERS);

/** The parser for a file name by its extension (any case), or undefined when none reads it. */
export function parserFor(fileName: string): Parser | undefined {
  return PARSERS[path.extname(fileName).toLowerCase()];
}

/** Reads and parses one file; an unsupported extension or unreadable file is an Error saying so. */
export async function parseFile(filePath: string): Promise<ParsedDocument> {
  const parser = parserFor(filePath);
  if (!parser) {
    const ext = path.extname(filePath) || '(none)';
    throw new Error(
      `unsupported file type ${ext} for ${path.basename(filePath)}: supported are ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  return parser(await readFile(filePath), path.basename(filePath));
}
