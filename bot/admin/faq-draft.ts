import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

export interface FaqDraft {
  title: string;
  answer: string;
  keywords: string[];
  /** How many times residents asked it, for the reviewer. */
  askedCount?: number;
}

/** ASCII file name from a Vietnamese title: "Đổi mật khẩu iCloud?" → "doi-mat-khau-icloud". */
export function faqSlug(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'hoi-dap'
  );
}

/**
 * Writes a Markdown FAQ entry (front-matter `kind: faq`) into KNOWLEDGE_DIR/faq/, where the next
 * `npm run ingest` picks it up. Never overwrites: a second draft of the same title gets "-2".
 * Returns the path relative to the knowledge folder. The text is the staff member's own (the
 * residents' questions it starts from are already redacted), so a ward hotline number stays.
 */
export function writeFaqDraft(knowledgeDir: string, draft: FaqDraft, now = new Date()): string {
  const folder = path.join(knowledgeDir, 'faq');
  fs.mkdirSync(folder, { recursive: true });
  const title = draft.title.replace(/\s+/g, ' ').trim();
  const base = faqSlug(title);
  const meta = {
    id: `faq-${base}`,
    title,
    kind: 'faq',
    keywords: draft.keywords.map((k) => k.trim()).filter(Boolean),
    draft: true,
    created: now.toISOString().slice(0, 10),
    ...(draft.askedCount ? { asked: draft.askedCount } : {}),
  };
  const body = draft.answer.replace(/\r\n/g, '\n').trim();
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    const id = n === 1 ? meta.id : `${meta.id}-${n}`;
    const content = `---\n${stringify({ ...meta, id }).trimEnd()}\n---\n\n# ${title}\n\n${body}\n`;
    try {
      fs.writeFileSync(path.join(folder, name), content, { flag: 'wx' });
      return `faq/${name}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
