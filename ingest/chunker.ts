import type { ChunkDraft } from '../knowledge/types.ts';

/** A chunk holds about this many characters: one screen of a phone, one idea of a lesson. */
const TARGET_CHARS = 900;
const HEADING = /^(#{1,6})\s+(.*\S)\s*$/;

interface Section {
  path: string[];
  blocks: string[];
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
  let path: string[] = [];
  let current: Section = { path, blocks: [] };
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
      path = [...path.slice(0, depth - 1), heading[2]!].filter(Boolean);
      current = { path, blocks: [] };
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

function splitLong(block: string): string[] {
  if (block.length <= TARGET_CHARS) return [block];
  const sentences = block.match(/[^.!?\n]+(?:[.!?]+|\n|$)/g) ?? [block];
  const out: string[] = [];
  let current = '';
  for (const s of sentences) {
    if (current && current.length + s.length > TARGET_CHARS) {
      out.push(current.trim());
      current = '';
    }
    current += s;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
