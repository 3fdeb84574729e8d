import { parse as parseYaml } from 'yaml';
import { decodeText, normalizeLineEnds, normalizeText, shortTitle, titleFromFileName } from './normalize.ts';
import type { Parser } from './types.ts';

/** A Markdown file: YAML front-matter as meta, pipe tables as rows. */
export const parseMarkdown: Parser = async (bytes, fileName) => {
  const { meta, body } = splitFrontMatter(normalizeLineEnds(decodeText(bytes, fileName)), fileName);
  const text = normalizeText(body);
  const metaTitle =
    typeof meta.title === 'string' || typeof meta.title === 'number' ? String(meta.title) : undefined;
  const heading = outsideCodeFences(text.split('\n')).find((line) => /^# /.test(line));
  const title =
    shortTitle(metaTitle) ??
    shortTitle(heading?.replace(/^# +|\s+#+\s*$/g, '')) ??
    titleFromFileName(fileName);
  return { title, text, meta, tables: pipeTables(text) };
};

/** Splits a leading `---` … `---` (or `...`) YAML block from the body (source has `\n` line ends). */
export function splitFrontMatter(
  source: string,
  fileName: string,
): { meta: Record<string, unknown>; body: string } {
  const open = /^---[^\S\n]*\n/.exec(source);
  if (!open) return { meta: {}, body: source };
  const rest = source.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[^\S\n]*$/m.exec(rest);
  if (!close) throw new Error(`front-matter in ${fileName} is not closed: add a line '---' after it`);
  const yamlText = rest.slice(0, close.index);
  let meta: unknown;
  try {
    meta = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`invalid YAML front-matter in ${fileName}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (meta != null && (typeof meta !== 'object' || Array.isArray(meta))) {
    throw new Error(
      `front-matter in ${fileName} must be a YAML mapping of fields, not a ${Array.isArray(meta) ? 'list' : typeof meta}`,
    );
  }
  return { meta: (meta ?? {}) as Record<string, unknown>, body: rest.slice(close.index + close[0].length) };
}

/** GitHub pipe tables: a header row, a `---|---` separator (not returned), then body rows. */
export function pipeTables(text: string): string[][][] {
  const lines = outsideCodeFences(text.split('\n'));
  const tables: string[][][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i]!;
    const separator = lines[i + 1]!;
    if (!header.includes('|') || !isSeparator(separator)) continue;
    // GFM: as many separator cells as header cells, else `a | b` over `---` is a setext heading.
    if (splitRow(separator).length !== splitRow(header).length) continue;
    const rows = [splitRow(header)];
    for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== ''; i++)
      rows.push(splitRow(lines[i]!));
    tables.push(rows);
  }
  return tables;
}

function isSeparator(line: string): boolean {
  return /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line) && line.includes('-');
}

/** A row's cells: outer pipes dropped, `\|` unescaped, `<br>` as a line break inside the cell. */
function splitRow(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
  return cells.map((cell) =>
    cell
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, '\n')
      .trim(),
  );
}

/** The lines with fenced code blocks blanked, so a `#` comment or a `|` in code is not structure. */
function outsideCodeFences(lines: string[]): string[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      return '';
    }
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
      return '';
    }
    return line;
  });
}
