import fc from 'fast-check';

/**
 * Generators of personal data as residents write it (test support): Vietnamese phone numbers,
 * ID numbers, emails, bank account and card numbers, in their usual formats.
 */
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom(' ', '.', '-');

/** Splits digits into groups joined by one separator: "0912345678" → "0912 345 678". */
function grouped(value: string, sizes: number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(value.slice(at, at + size));
    at += size;
  }
  if (at < value.length) parts.push(value.slice(at));
  return parts.filter(Boolean).join(sep);
}

export const mobile = fc
  .tuple(fc.constantFrom('3', '5', '7', '8', '9'), digits(8), separator, fc.integer({ min: 0, max: 3 }))
  .map(([head, rest, sep, style]) => {
    const national = `0${head}${rest}`;
    if (style === 0) return national;
    if (style === 1) return grouped(national, [4, 3, 3], sep);
    if (style === 2) return `+84 ${grouped(`${head}${rest}`, [3, 3, 3], sep)}`;
    return `+84${head}${rest}`;
  });
export const landline = fc
  .tuple(digits(9), separator, fc.boolean())
  .map(([rest, sep, spaced]) => (spaced ? grouped(`02${rest}`, [3, 4, 4], sep) : `02${rest}`));
export const phone = fc.oneof(mobile, landline);

export const idNumber = fc.oneof(
  fc.tuple(digits(2), digits(9)).map(([province, rest]) => `0${province}${rest}`),
  fc.tuple(digits(11), separator).map(([rest, sep]) => grouped(`0${rest}`, [3, 3, 3, 3], sep)),
  fc.tuple(fc.integer({ min: 1, max: 3 }), digits(8)).map(([head, rest]) => `${head}${rest}`),
);

export const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{1,12}[a-z0-9]$/),
    fc.constantFrom('gmail.com', 'yahoo.com.vn', 'phuong.gov.vn', 'fpt.vn'),
  )
  .map(([local, domain]) => `${local}@${domain}`);

// 13–16 digits (Vietnamese account and card numbers), written together or in groups of four.
export const account = fc
  .tuple(fc.integer({ min: 13, max: 16 }), fc.constantFrom('', ' ', '-'))
  .chain(([length, sep]) =>
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), digits(length - 1))
      .map(([head, rest]) => grouped(`${head}${rest}`, sep ? [4, 4, 4, 4] : [], sep || ' ')),
  );
