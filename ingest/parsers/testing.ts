/** Helpers shared by the parser tests. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The bytes of a file in fixtures/. */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** The normal form every parser promises for its text. */
export function expectNormalized(text: string): void {
  expect(text).toBe(text.normalize('NFC'));
  expect(text).not.toMatch(/\r/);
  expect(text).not.toMatch(/[^\S\n]\n|[^\S\n]$/);
  expect(text).not.toMatch(/\n{3,}/);
}

/** The 2-column, 3-row table every sample fixture holds. */
export const SAMPLE_TABLE = [
  ['Mức độ', 'Yêu cầu'],
  ['Mức 1', 'Số điện thoại chính chủ'],
  ['Mức 2', 'Căn cước gắn chip\nẢnh chân dung'],
];

/** The numbered steps every sample fixture holds, as the text renders them. */
export const SAMPLE_STEPS = [
  '1. Tải ứng dụng VNeID từ cửa hàng ứng dụng.',
  '2. Đăng ký tài khoản bằng số định danh cá nhân.',
  '3. Kích hoạt tài khoản tại công an phường.',
].join('\n');
