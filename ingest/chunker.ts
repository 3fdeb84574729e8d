import type { ChunkDraft } from '../knowledge/types.ts';

/** A chunk holds about this many characters: one screen of a phone, one idea of a lesson. */
const TARGET_CHARS = 900;
const HEADING = /^(#{1,6})\s+(.*\S)\s*$/;

interface Section {
  path: string[];
  blocks: string[];
}

interface OpenHeading {
  depth: number;
  title: string;
}

/**
 * Splits light Markdown into chunks along headings, then paragraphs, then sentences, so that a
 * chunk never mixes two sections and a numbered list stays with its heading where it fits.
 * Each chunk is indexed with the document title and its heading path for context.
 */
export function chunkText(title: string, text: string, preamble = ''): ChunkDraft[] {
  const drafts: ChunkDraft[] = [];
  for (const section of sections(text)) {
    const heading = section.path.join(' › ');
    for (const piece of pack(section.blocks)) {
      drafts.push({
        ref: heading || null,
        heading,
        text: piece,
        indexText: [title, heading, drafts.length === 0 ? preamble : '', piece].filter(Boolean).join('\n'),
      });
    }
  }
  if (!drafts.length && preamble) {
    drafts.push({ ref: null, heading: '', text: preamble, indexText: `${title}\n${preamble}` });
  }
  return drafts;
}

function sections(text: string): Section[] {
  const out: Section[] = [];
  // Open headings, outermost first: a heading closes every open one of its own level or deeper,
  // so "## Lưu ý" after "## Các bước" is a sibling even when the document has no "#" heading.
  const open: OpenHeading[] = [];
  let current: Section = { path: [], blocks: [] };
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) current.blocks.push(paragraph.join('\n'));
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      if (current.blocks.length) out.push(current);
      const depth = heading[1]!.length;
      while (open.length && open.at(-1)!.depth >= depth) open.pop();
      open.push({ depth, title: heading[2]! });
      current = { path: open.map((h) => h.title), blocks: [] };
    } else if (!line.trim()) endParagraph();
    else paragraph.push(line);
  }
  endParagraph();
  if (current.blocks.length) out.push(current);
  return out;
}

/** Greedily packs blocks into pieces of about TARGET_CHARS; oversized blocks are split by sentence. */
function pack(blocks: string[]): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const block of blocks.flatMap(splitLong)) {
    if (current && current.length + block.length + 2 > TARGET_CHARS) {
      pieces.push(current);
      current = block;
    } else current = current ? `${current}\n\n${block}` : block;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Splits an oversized block at line ends first (list items stay whole and keep their line
 * breaks, so "1. …" and "2. …" never run together), then a still oversized line by sentence.
 */
function splitLong(block: string): string[] {
  if (block.length <= TARGET_CHARS) return [block];
  const out: string[] = [];
  let current = '';
  const add = (part: string, separator: string) => {
    if (current && current.length + separator.length + part.length > TARGET_CHARS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}${separator}${part}` : part;
  };
  for (const line of block.split('\n').filter((l) => l.trim())) {
    if (line.length <= TARGET_CHARS) add(line, '\n');
    else {
      const sentences = line.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [line];
      sentences.forEach((s, i) => add(s.trim(), i === 0 ? '\n' : ' '));
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
