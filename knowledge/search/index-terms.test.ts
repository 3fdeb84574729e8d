import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeStore } from '../store/knowledge-store.ts';
import type { DocumentRecord } from '../types.ts';
import { indexTerms, LEAD_SYLLABLES } from './index-terms.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** How many times each term of each column is in the FTS5 row the store writes for `text`. */
function writtenCounts(text: string): Map<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-terms-'));
  dirs.push(dir);
  const store = new KnowledgeStore(path.join(dir, 'knowledge.db'));
  try {
    const doc: DocumentRecord = { id: 'd', source: 'd.md', title: '', kind: 'doc', audience: [], level: null, hash: 'h', meta: {} };
    store.putDocument(doc, [{ ref: null, heading: '', text, terms: indexTerms(text) }]);
    store.db.exec("CREATE VIRTUAL TABLE temp.instances USING fts5vocab(main, 'chunks_fts', 'instance')");
    const rows = store.db.prepare('SELECT col, term, count(*) AS n FROM temp.instances GROUP BY col, term').all() as {
      col: string;
      term: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [`${r.col}:${r.term}`, r.n]));
  } finally {
    store.close();
  }
}

describe('indexTerms', () => {
  it('splits syllables and neighbour pairs, accented and folded, into the four columns', () => {
    const terms = indexTerms('Đăng ký tài khoản. Mở VNeID');
    expect(terms.acc).toBe('đăng ký tài khoản mở vneid');
    expect(terms.accPair).toBe('đăng_ký ký_tài tài_khoản mở_vneid');
    expect(terms.fold).toBe('dang ky tai khoan mo vneid');
    expect(terms.foldPair).toBe('dang_ky ky_tai tai_khoan mo_vneid');
    expect(terms.opening).toEqual({ syllables: 6, pairs: 4 });
  });

  it('opens with the first syllables and the pairs between them, across punctuation', () => {
    const syllables = Array.from({ length: LEAD_SYLLABLES + 5 }, (_, i) => `s${i}`);
    const text = `${syllables.slice(0, 3).join(' ')}, ${syllables.slice(3).join(' ')}`;
    // 3 + 12 syllables open the text: 2 + 11 pairs between them (none across the comma).
    expect(indexTerms(text).opening).toEqual({ syllables: LEAD_SYLLABLES, pairs: LEAD_SYLLABLES - 2 });
  });

  it('is written with the opening counted twice and the rest once', () => {
    const syllables = Array.from({ length: LEAD_SYLLABLES + 5 }, (_, i) => `s${i}`);
    const counts = writtenCounts(syllables.join(' '));
    const last = LEAD_SYLLABLES - 1;
    expect(counts.get('acc:s0')).toBe(2);
    expect(counts.get('fold:s0')).toBe(2);
    expect(counts.get(`acc:s${last}`)).toBe(2);
    expect(counts.get(`acc:s${last + 1}`)).toBe(1);
    expect(counts.get(`acc_pair:s${last - 1}_s${last}`)).toBe(2);
    expect(counts.get(`fold_pair:s${last - 1}_s${last}`)).toBe(2);
    // The pair that crosses the end of the opening is counted once.
    expect(counts.get(`acc_pair:s${last}_s${last + 1}`)).toBe(1);
  });

  it('writes a short text twice over, accented and folded', () => {
    const counts = writtenCounts('Mã OTP');
    expect(counts.get('acc:mã')).toBe(2);
    expect(counts.get('fold:ma')).toBe(2);
    expect(counts.get('acc_pair:mã_otp')).toBe(2);
    expect(counts.get('fold_pair:ma_otp')).toBe(2);
  });
});
