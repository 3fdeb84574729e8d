/**
 * Calendar days in Vietnam time (UTC+7, no daylight saving): usage is counted per ward day, so a
 * question asked at 6:30 in Hà Nội counts for that day whatever the server's time zone.
 */
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Days since 1970-01-01 in Vietnam time. */
export function dayOf(at: Date | number): number {
  return Math.floor((Number(at) + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** "2026-03-31" for a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "31/03/2026", as dates are written in Vietnamese documents. */
export function vietnameseDate(day: number): string {
  const [y, m, d] = isoOfDay(day).split('-');
  return `${d}/${m}/${y}`;
}

/** The day number of "YYYY-MM-DD", or null when the text is not a real date. */
export function parseIsoDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return null;
  return ms / DAY_MS;
}

/** An inclusive range of days. */
export interface DayRange {
  from: number;
  to: number;
}
