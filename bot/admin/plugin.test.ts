import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateDatabase } from '../state/database.ts';
import { SqliteUsageRecorder } from '../usage/recorder.ts';
import { question, tempStateDatabase } from '../usage/testing.ts';
import { cookiesOf, csrfOf, dashboardApp, logIn, STAFF } from './testing.ts';

let db: StateDatabase;
let dir: string;
let cleanup: () => void;
let app: FastifyInstance;
const XSS = '<script>alert("xss")</script> làm sao cài VNeID';
const range = 'from=2026-03-01&to=2026-03-31';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

beforeEach(async () => {
  ({ db, dir, cleanup } = tempStateDatabase());
  const recorder = new SqliteUsageRecorder(db);
  recorder.record({
    type: 'profile',
    at: new Date('2026-03-02T03:00:00Z'),
    channel: 'zalo',
    userKey: 'u1',
    consented: true,
    group: 'nguoi-cao-tuoi',
    level: 1,
    neighbourhood: 'Tổ <b>7</b>',
  });
  recorder.record(question({ userKey: 'u1' }));
  recorder.record(question({ userKey: 'u1', answered: false, intent: 'no_match', text: XSS }));
  recorder.record(
    question({ userKey: 'u2', answered: false, intent: 'no_match', text: '=HYPERLINK("x") giá vàng' }),
  );
  app = await dashboardApp(db, {
    knowledgeDir: path.join(dir, 'knowledge'),
    loginLimit: { max: 3, timeWindow: 60_000 },
  });
});
afterEach(async () => {
  await app.close();
  cleanup();
});

const get = (url: string, cookie: string) =>
  app.inject({ method: 'GET', url, cookies: { bdhvs_admin: cookie } });

describe('admin dashboard', () => {
  it('logs a staff member in with a secure session cookie', async () => {
    const form = await app.inject({ method: 'GET', url: '/admin/login' });
    expect(form.body).toContain('Đăng nhập');
    const response = await app.inject({
      method: 'POST',
      url: '/admin/login',
      cookies: cookiesOf(form.headers['set-cookie']),
      payload: new URLSearchParams({ ...STAFF, csrf: csrfOf(form.body) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(303);
    const setCookie = [response.headers['set-cookie']].flat().find((c) => c!.startsWith('bdhvs_admin='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/admin/);
    const { cookie } = await logIn(app);
    const home = await get(`/admin/?${range}`, cookie);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Tổng quan');
    expect(home.body).toMatch(/<svg[^>]*role="img"/);
    expect(home.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('marks the cookie Secure when served over https', async () => {
    await app.close();
    app = await dashboardApp(db, { knowledgeDir: dir, secureCookies: true });
    const form = await app.inject({ method: 'GET', url: '/admin/login' });
    expect(String(form.headers['set-cookie'])).toMatch(/Secure/);
  });

  it('refuses a wrong password and rate-limits repeated attempts', async () => {
    const bad = await logIn(app, { username: STAFF.username, password: 'sai-mat-khau-roi' });
    expect(bad.status).toBe(401);
    expect((await logIn(app, { username: 'khong-co', password: 'sai-mat-khau-roi' })).status).toBe(401);
    expect((await logIn(app)).cookie).not.toBe('');
    // Three attempts per window were allowed: the fourth is refused even with the right password.
    const blocked = await logIn(app);
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBe('');
  });

  it('requires a session on every route', async () => {
    for (const url of [
      '/admin',
      '/admin/',
      '/admin/breakdown',
      '/admin/topics',
      '/admin/lessons',
      '/admin/unanswered',
      '/admin/faq/new',
      '/admin/report.xlsx',
      '/admin/report.csv',
      '/admin/khong-co',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe('/admin/login');
      const forged = await get(url, 'not-a-session');
      expect(forged.statusCode, url).toBe(303);
    }
    for (const url of ['/admin/faq', '/admin/logout']) {
      const response = await app.inject({ method: 'POST', url, payload: 'csrf=x', headers: form });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('rejects a POST without the session’s CSRF token', async () => {
    const { cookie, csrf } = await logIn(app);
    const post = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/admin/faq',
        cookies: { bdhvs_admin: cookie },
        payload: new URLSearchParams({ csrf: token, title: 'Câu hỏi', answer: 'Trả lời' }).toString(),
        headers: form,
      });
    expect((await post('')).statusCode).toBe(403);
    expect((await post(`${csrf}x`)).statusCode).toBe(403);
    expect(fs.existsSync(path.join(dir, 'knowledge', 'faq'))).toBe(false);
    expect((await post(csrf)).statusCode).toBe(303);
    // The login form is protected too (its token lives in a SameSite=Strict cookie).
    const login = await app.inject({
      method: 'POST',
      url: '/admin/login',
      payload: new URLSearchParams(STAFF).toString(),
      headers: form,
    });
    expect(login.statusCode).toBe(403);
  });

  it('shows residents’ text as text, never as markup', async () => {
    const { cookie } = await logIn(app);
    const page = await get(`/admin/unanswered?${range}`, cookie);
    expect(page.body).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; làm sao cài VNeID');
    expect(page.body).not.toContain('<script>');
    const breakdown = await get(`/admin/breakdown?${range}`, cookie);
    expect(breakdown.body).toContain('Tổ &lt;b&gt;7&lt;/b&gt;');
    expect(breakdown.body).not.toContain('<b>7</b>');
  });

  it('turns a group of unanswered questions into an FAQ draft for the next ingest', async () => {
    const { cookie, csrf } = await logIn(app);
    const list = await get(`/admin/unanswered?${range}`, cookie);
    const link = /href="(\/admin\/faq\/new\?[^"]+)"/.exec(list.body)![1]!.replace(/&amp;/g, '&');
    const draftForm = await get(link, cookie);
    expect(draftForm.body).toContain('Soạn bản nháp hỏi đáp');
    const saved = await app.inject({
      method: 'POST',
      url: '/admin/faq',
      cookies: { bdhvs_admin: cookie },
      payload: new URLSearchParams({
        csrf,
        from: '2026-03-01',
        to: '2026-03-31',
        title: 'Giá vàng hôm nay là bao nhiêu?',
        answer:
          'Trợ lý không cung cấp giá vàng. Bạn xem trên trang của ngân hàng.\n\nCần hỗ trợ, gọi UBND phường: 028 3822 1234.',
        keywords: 'giá vàng, ngoài phạm vi',
      }).toString(),
      headers: form,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toContain('saved=faq%2Fgia-vang-hom-nay-la-bao-nhieu.md');
    const file = fs.readFileSync(
      path.join(dir, 'knowledge', 'faq', 'gia-vang-hom-nay-la-bao-nhieu.md'),
      'utf8',
    );
    expect(file).toMatch(
      /^---\nid: faq-gia-vang-hom-nay-la-bao-nhieu\ntitle: Giá vàng hôm nay là bao nhiêu\?\nkind: faq\n/,
    );
    expect(file).toContain('keywords:\n  - giá vàng\n  - ngoài phạm vi\n');
    expect(file).toContain('\n# Giá vàng hôm nay là bao nhiêu?\n\nTrợ lý không cung cấp giá vàng.');
    expect(file).toContain('gọi UBND phường: 028 3822 1234.');
  });

  it('downloads the report as XLSX with the government heading and as CSV with a BOM', async () => {
    const { cookie } = await logIn(app);
    const xlsx = await get(`/admin/report.xlsx?${range}`, cookie);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('2026-03-01_2026-03-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Tổng quan',
        'Theo kênh',
        'Theo nhóm đối tượng',
        'Theo tổ dân phố',
        'Câu hỏi chưa trả lời',
      ]),
    );
    const overview = book.getWorksheet('Tổng quan')!;
    expect(overview.getCell('A1').value).toBe('UBND PHƯỜNG PHÚ LỢI');
    expect(String(overview.getCell(1, 3).value)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(overview.getCell('A6').value).toBe('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(overview.getRow(9).values).toEqual([undefined, 'Số lượt hỏi', 3]);

    const csv = await get(`/admin/report.csv?${range}`, cookie);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.rawPayload.subarray(3).toString('utf8');
    expect(text).toContain('Người cao tuổi,1,2,1,50.0%');
    expect(text).toContain(`"'=HYPERLINK(""x"") giá vàng"`);
  });
});
