/**
 * Who was active, as bitmaps over people: every consenting person gets a small dense number
 * (`usage_profiles.idx`), and each day and channel keeps one bitmap of the people active on it
 * (`usage_day_people`); each group, level and tổ dân phố keeps one of its current members
 * (`usage_attribute_people`). Distinct people over any range are then a few hundred ORs and
 * popcounts, whatever the number of events: the dashboard stays fast over a year of data.
 */

/** The bitmap with person `idx` added, or null when they were in it already. */
export function withPerson(bitmap: Uint8Array | undefined, idx: number): Uint8Array | null {
  const byte = idx >> 3;
  const mask = 1 << (idx & 7);
  if (bitmap && byte < bitmap.length && bitmap[byte]! & mask) return null;
  const out = new Uint8Array(Math.max(bitmap?.length ?? 0, byte + 1));
  if (bitmap) out.set(bitmap);
  out[byte]! |= mask;
  return out;
}

/** Removes person `idx` in place; true when they were in it. */
export function removePerson(bitmap: Uint8Array, idx: number): boolean {
  const byte = idx >> 3;
  const mask = 1 << (idx & 7);
  if (byte >= bitmap.length || !(bitmap[byte]! & mask)) return false;
  bitmap[byte]! &= ~mask;
  return true;
}

/** ORs `source` into `target`, growing it when needed; returns the (possibly new) target. */
export function union(target: Uint8Array, source: Uint8Array): Uint8Array {
  let out = target;
  if (source.length > target.length) {
    out = new Uint8Array(source.length);
    out.set(target);
  }
  for (let i = 0; i < source.length; i++) out[i]! |= source[i]!;
  return out;
}

const BITS = Uint8Array.from({ length: 256 }, (_, n) => {
  let count = 0;
  for (let v = n; v; v >>= 1) count += v & 1;
  return count;
});

/** How many people are in the bitmap, or in both bitmaps when `and` is given. */
export function countPeople(bitmap: Uint8Array, and?: Uint8Array): number {
  let count = 0;
  const length = and ? Math.min(bitmap.length, and.length) : bitmap.length;
  for (let i = 0; i < length; i++) count += BITS[and ? bitmap[i]! & and[i]! : bitmap[i]!]!;
  return count;
}
