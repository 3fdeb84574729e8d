import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteUsageRecorder } from '../usage/recorder.ts';
import { question, tempStateDatabase } from '../usage/testing.ts';
import { dashboardApp, STAFF } from './testing.ts';

/** Debian's Chromium; `.ci/run` installs it, and without it these tests are reported as skipped. */
const CHROMIUM = '/usr/bin/chromium';
const XSS = '<script>document.title="hacked"</script><img src=x onerror=alert(1)> sao không mở được VNeID';
const { db, dir, cleanup } = tempStateDatabase();
let app: FastifyInstance;
let browser: Browser;
let origin: string;

describe.skipIf(!fs.existsSync(CHROMIUM))('dashboard in Chromium', () => {
  beforeAll(async () => {
    const recorder = new SqliteUsageRecorder(db);
    for (let i = 0; i < 12; i++)
      recorder.record(question({ at: new Date(Date.UTC(2026, 2, 1 + i, 3)), userKey: `u${i % 4}` }));
    recorder.record(question({ answered: false, intent: 'no_match', text: XSS }));
    app = await dashboardApp(db, { knowledgeDir: path.join(dir, 'knowledge') });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup();
  });

  /** A PNG's width and height, read from its IHDR chunk, after checking the signature. */
  function pngSize(file: string): { width: number; height: number; bytes: number } {
    const png = fs.readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length };
  }

  it('logs in, shows a chart and shows an XSS attempt as plain text, in Chromium', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const range = 'from=2026-03-01&to=2026-03-31';

    await page.goto(`${origin}/admin/?${range}`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.getByLabel('Tên đăng nhập').fill(STAFF.username);
    await page.getByLabel('Mật khẩu').fill(STAFF.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${origin}/admin/`);

    await page.goto(`${origin}/admin/?${range}`);
    const chart = page.locator('svg[role="img"]').first();
    await expect(chart.isVisible()).resolves.toBe(true);
    expect(await chart.locator('path').count()).toBeGreaterThan(3);
    const overview = path.join(dir, 'overview.png');
    await page.screenshot({ path: overview, fullPage: true });

    await page.getByRole('link', { name: 'Câu hỏi chưa trả lời' }).click();
    await page.waitForURL(/\/admin\/unanswered/);
    const item = page.locator('li.question');
    await expect(item.first().textContent()).resolves.toBe(XSS);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('hacked');
    const unanswered = path.join(dir, 'unanswered.png');
    await page.screenshot({ path: unanswered, fullPage: true });
    expect(dialogs).toEqual([]);

    for (const file of [overview, unanswered]) {
      const { width, height, bytes } = pngSize(file);
      expect(width).toBe(1200);
      expect(height).toBeGreaterThanOrEqual(500);
      expect(bytes).toBeGreaterThan(10_000);
      expect(bytes).toBeLessThan(5_000_000);
    }
    await page.close();
  });
});
