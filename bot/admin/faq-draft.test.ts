import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseMarkdown } from '../../ingest/parsers/markdown.ts';
import { describeDocument } from '../../ingest/prepare.ts';
import { faqSlug, writeFaqDraft } from './faq-draft.ts';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-faq-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('writes a draft that ingest reads as an FAQ entry, never overwriting an earlier one', async () => {
  const draft = {
    title: 'Đổi mật khẩu iCloud thế nào?',
    answer: '1. Mở Cài đặt.\n2. Chọn tên của bạn.',
    keywords: ['icloud', ' mật khẩu '],
  };
  expect(writeFaqDraft(dir, draft)).toBe('faq/doi-mat-khau-icloud-the-nao.md');
  expect(writeFaqDraft(dir, draft)).toBe('faq/doi-mat-khau-icloud-the-nao-2.md');
  const source = 'faq/doi-mat-khau-icloud-the-nao.md';
  const bytes = fs.readFileSync(path.join(dir, source));
  const { doc, drafts } = describeDocument({ source, hash: 'x', parsed: await parseMarkdown(bytes, source) });
  expect(doc).toMatchObject({
    id: 'faq-doi-mat-khau-icloud-the-nao',
    kind: 'faq',
    title: 'Đổi mật khẩu iCloud thế nào?',
  });
  expect(doc.meta.keywords).toEqual(['icloud', 'mật khẩu']);
  expect(drafts.map((d) => d.text).join('\n')).toContain('2. Chọn tên của bạn.');
  expect(faqSlug('???')).toBe('hoi-dap');
});
