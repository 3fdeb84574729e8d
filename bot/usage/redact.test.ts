import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { account, email, idNumber, phone } from './pii-generators.ts';
import { PLACEHOLDERS, redact, type PersonalDataKind } from './redact.ts';

const sentences = fc.constantFrom(
  ['Số điện thoại của tôi là ', ', nhờ cán bộ gọi lại giúp.'],
  ['Cho tôi hỏi, ', ' có đăng ký VNeID được không?'],
  ['Tài khoản ', ' bị trừ tiền mà tôi không chuyển, làm sao ạ?'],
  ['Con tôi dùng ', ' để nhận mã OTP.'],
  ['', ' là của bà nội tôi, bà 78 tuổi năm 2026.'],
);

function check(kind: PersonalDataKind, value: fc.Arbitrary<string>) {
  fc.assert(
    fc.property(value, sentences, (pii, [before, after]) => {
      const out = redact(`${before}${pii}${after}`);
      expect(out).toBe(`${before}${PLACEHOLDERS[kind]}${after}`);
    }),
    { numRuns: 300 },
  );
}

describe('redact', () => {
  it('masks phone numbers in every common format', () => check('phone', phone));
  it('masks 12-digit and 9-digit ID numbers', () => check('id', idNumber));
  it('masks emails', () => check('email', email));
  it('masks bank account and card numbers', () => check('account', account));

  it('keeps ordinary numbers and Vietnamese text intact', () => {
    const ordinary = fc
      .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom('tuổi', 'đồng', 'người', 'bước'))
      .map(([n, unit]) => `Có ${n} ${unit}, năm 2026 tháng 3 ngày 12.`);
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(redact(text)).toBe(text);
      }),
    );
    expect(redact('Phí 1.200.000 đồng hay 500.000đ ạ?')).toBe('Phí 1.200.000 đồng hay 500.000đ ạ?');
  });

  it('masks several kinds in one message', () => {
    expect(
      redact('Gọi 0912 345 678 hoặc mail an.nguyen@gmail.com, CCCD 079095001234, STK 1903 5566 7788 99'),
    ).toBe('Gọi [số điện thoại] hoặc mail [email], CCCD [số định danh], STK [số tài khoản]');
  });
});
