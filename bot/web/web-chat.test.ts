import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../channels/testing/harness.ts';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;
let harness: Harness;

describe.skipIf(!fs.existsSync(CHROMIUM))('web chat page', () => {
  beforeAll(async () => {
    harness = await startHarness({});
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('asks by keyboard, shows the reply safely, taps a button and enlarges the text', async () => {
    const page = await browser.newPage();
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${harness.app.address}/`);
    const input = page.getByLabel('Câu hỏi của bạn');
    await input.fill('<img src=x onerror=alert(1)> Cách cài VNeID?');
    await input.press('Enter');
    const log = page.getByRole('log', { name: 'Cuộc trò chuyện' });
    await expect
      .poll(() => log.textContent())
      .toContain('Trả lời cho: <img src=x onerror=alert(1)> Cách cài VNeID?');
    expect(await page.locator('.messages img').count()).toBe(0);

    await page.getByRole('button', { name: 'Học bước tiếp theo' }).click();
    await expect.poll(() => log.textContent()).toContain('Bước 2: Mở ứng dụng VNeID');
    expect(harness.conversation.received.at(-1)).toMatchObject({ channel: 'web', buttonId: 'lesson:next' });
    const userId = harness.conversation.received[0]!.userId;
    expect(userId).toMatch(/^w_[0-9a-f]{32}$/);
    expect(await page.evaluate("localStorage.getItem('bdhvs-user-id')")).toBe(userId);

    const toggle = page.getByRole('button', { name: 'Chữ to' });
    const before = await page.evaluate<number>(
      'parseFloat(getComputedStyle(document.documentElement).fontSize)',
    );
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const after = await page.evaluate<number>(
      'parseFloat(getComputedStyle(document.documentElement).fontSize)',
    );
    expect(after).toBeGreaterThan(before);
    await page.reload();
    expect(await page.getByRole('button', { name: 'Chữ to' }).getAttribute('aria-pressed')).toBe('true');
  });
});
