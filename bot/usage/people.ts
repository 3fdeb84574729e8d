import type { Statement } from 'better-sqlite3';
import type { StateDatabase } from '../state/database.ts';
import { removePerson, withPerson } from './activity.ts';
import type { Profile } from './counters.ts';
import { ensureUsageSchema } from './schema.ts';

const ATTRIBUTES = [
  ['group', 'grp'],
  ['level', 'level'],
  ['neighbourhood', 'neighbourhood'],
] as const;

interface PersonRow extends Profile {
  idx: number;
  last_day: number | null;
}

/**
 * The consenting people known to the usage tables: their number, profile and activity bitmaps
 * (activity.ts). Everything here is written inside the recorder's transaction.
 */
export class People {
  private readonly select: Statement;
  private readonly insert: Statement;
  private readonly selectDay: Statement;
  private readonly saveDay: Statement;
  private readonly selectAttribute: Statement;
  private readonly saveAttribute: Statement;
  private readonly saveProfile: Statement;
  private readonly saveLastDay: Statement;

  constructor(private readonly db: StateDatabase) {
    ensureUsageSchema(db);
    this.select = db.prepare(
      'SELECT idx, grp, level, neighbourhood, last_day FROM usage_profiles WHERE user_key = ?',
    );
    this.insert = db.prepare(`
      INSERT INTO usage_profiles (user_key, idx, updated_at)
      VALUES (?, (SELECT coalesce(max(idx), -1) + 1 FROM usage_profiles), ?)`);
    this.saveProfile = db.prepare(
      'UPDATE usage_profiles SET grp = ?, level = ?, neighbourhood = ?, updated_at = ? WHERE user_key = ?',
    );
    this.saveLastDay = db.prepare('UPDATE usage_profiles SET last_day = ? WHERE user_key = ?');
    this.selectDay = db.prepare('SELECT people FROM usage_day_people WHERE day = ? AND channel = ?').pluck();
    this.saveDay = db.prepare(
      'INSERT OR REPLACE INTO usage_day_people (day, channel, people) VALUES (?, ?, ?)',
    );
    this.selectAttribute = db
      .prepare('SELECT people FROM usage_attribute_people WHERE dimension = ? AND value = ?')
      .pluck();
    this.saveAttribute = db.prepare(
      'INSERT OR REPLACE INTO usage_attribute_people (dimension, value, people) VALUES (?, ?, ?)',
    );
  }

  /** The person's row, created (with the next free number) on their first consented event. */
  find(userKey: string, now: number): PersonRow {
    const row = this.select.get(userKey) as PersonRow | undefined;
    if (row) return row;
    this.insert.run(userKey, now);
    return this.select.get(userKey) as PersonRow;
  }

  /** Applies the given profile fields (absent ones are kept) and moves the person between bitmaps. */
  update(userKey: string, change: Partial<Profile>, now: number): PersonRow {
    const before = this.find(userKey, now);
    const after: PersonRow = {
      ...before,
      grp: change.grp ?? before.grp,
      level: change.level ?? before.level,
      neighbourhood: change.neighbourhood ?? before.neighbourhood,
    };
    this.saveProfile.run(after.grp, after.level, after.neighbourhood, now, userKey);
    for (const [dimension, column] of ATTRIBUTES) {
      if (before[column] === after[column]) continue;
      if (before[column] != null) this.leave(dimension, String(before[column]), before.idx);
      if (after[column] != null) this.join(dimension, String(after[column]), after.idx);
    }
    return after;
  }

  /** Marks the person active on that day and channel. */
  markActive(person: PersonRow, userKey: string, day: number, channel: string): void {
    const stored = this.selectDay.get(day, channel) as Uint8Array | undefined;
    const updated = withPerson(stored, person.idx);
    if (updated) this.saveDay.run(day, channel, updated);
    if (person.last_day === null || person.last_day < day) {
      this.saveLastDay.run(day, userKey);
      person.last_day = day;
    }
  }

  /** Removes the person from every bitmap and deletes their profile; returns rows changed. */
  forget(userKey: string): number {
    const person = this.select.get(userKey) as PersonRow | undefined;
    if (!person) return 0;
    return (
      this.erase([person]) +
      this.db.prepare('DELETE FROM usage_profiles WHERE user_key = ?').run(userKey).changes
    );
  }

  /** Deletes the activity before `cutoffDay` and the people not seen since; returns rows removed. */
  purgeBefore(cutoffDay: number, cutoffMs: number): number {
    let removed = this.db.prepare('DELETE FROM usage_day_people WHERE day < ?').run(cutoffDay).changes;
    const gone = this.db
      .prepare(
        'SELECT idx, grp, level, neighbourhood, last_day FROM usage_profiles WHERE coalesce(last_day, -1) < ? AND updated_at < ?',
      )
      .all(cutoffDay, cutoffMs) as PersonRow[];
    if (!gone.length) return removed;
    this.erase(gone);
    const remove = this.db.prepare('DELETE FROM usage_profiles WHERE idx = ?');
    for (const person of gone) removed += remove.run(person.idx).changes;
    return removed;
  }

  /** Clears these people's bits in every bitmap; returns the number of bitmaps changed. */
  private erase(people: PersonRow[]): number {
    let changed = 0;
    for (const table of ['usage_day_people', 'usage_attribute_people'] as const) {
      const keys = table === 'usage_day_people' ? ['day', 'channel'] : ['dimension', 'value'];
      const rows = this.db
        .prepare(`SELECT ${keys.join(', ')}, people FROM ${table}`)
        .raw()
        .all() as [string | number, string, Uint8Array][];
      const save = this.db.prepare(`UPDATE ${table} SET people = ? WHERE ${keys[0]} = ? AND ${keys[1]} = ?`);
      for (const [a, b, bitmap] of rows) {
        let touched = false;
        for (const person of people) touched = removePerson(bitmap, person.idx) || touched;
        if (touched) {
          save.run(bitmap, a, b);
          changed++;
        }
      }
    }
    return changed;
  }

  private join(dimension: string, value: string, idx: number): void {
    const updated = withPerson(this.selectAttribute.get(dimension, value) as Uint8Array | undefined, idx);
    if (updated) this.saveAttribute.run(dimension, value, updated);
  }

  private leave(dimension: string, value: string, idx: number): void {
    const bitmap = this.selectAttribute.get(dimension, value) as Uint8Array | undefined;
    if (bitmap && removePerson(bitmap, idx)) this.saveAttribute.run(dimension, value, bitmap);
  }
}
