import { clipTitle, decodeText, normalizeLineEnds, normalizeText, titleFromFileName } from './normalize.ts';
import type { Parser } from './types.ts';

/**
 * A plain-text file. Its tables are not interpreted here: a .docx table exported as text (each
 * cell a line starting with a tab, see /work/shared/plan) is read by another module, so such a
 * file keeps every tab, tab-only line and blank line exactly as it was.
 */
export const parseText: Parser = async (bytes, fileName) => {
  const decoded = normalizeLineEnds(decodeText(bytes, fileName));
  const text = isTabTable(decoded) ? decoded : normalizeText(decoded);
  const firstLine = text.split('\n').find((line) => line.trim() !== '');
  return {
    title: firstLine ? clipTitle(firstLine) : titleFromFileName(fileName),
    text,
    meta: {},
    tables: [],
  };
};

/**
 * The tab-indented table layout: most non-blank lines start with a tab (a cell may continue on
 * lines without one). Plain prose rarely starts even a few lines with a tab.
 */
export function isTabTable(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const tabbed = lines.filter((line) => line.startsWith('\t')).length;
  return tabbed >= 3 && tabbed * 2 >= lines.length;
}
