import { describe, expect, it } from 'vitest';
import { countPeople, removePerson, union, withPerson } from './activity.ts';

const bitmapOf = (...people: number[]) =>
  people.reduce<Uint8Array>((b, p) => withPerson(b, p) ?? b, new Uint8Array(0));

describe('people bitmaps', () => {
  it('adds a person once, growing the bitmap as needed', () => {
    const one = withPerson(undefined, 3)!;
    expect(countPeople(one)).toBe(1);
    expect(withPerson(one, 3)).toBeNull();
    const two = withPerson(one, 1000)!;
    expect(two.length).toBe(126);
    expect(countPeople(two)).toBe(2);
  });

  it('removes a person and counts unions and intersections', () => {
    const monday = bitmapOf(1, 2, 3, 900);
    const tuesday = bitmapOf(3, 4);
    const elderly = bitmapOf(2, 4, 5);
    const week = union(union(new Uint8Array(0), monday), tuesday);
    expect(countPeople(week)).toBe(5);
    expect(countPeople(week, elderly)).toBe(2);
    expect(removePerson(week, 900)).toBe(true);
    expect(removePerson(week, 900)).toBe(false);
    expect(countPeople(week)).toBe(4);
  });
});
