// Calendar dates as whole days since 1970-01-01 (UTC), which makes history arithmetic cheap for
// millions of rows; converted to ISO 'YYYY-MM-DD' text only when a row is written.
const DAY_MS = 86_400_000;

export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A moment on that day (09:00 plus `minutes`), as an ISO timestamp for timestamptz columns. */
export const timestampOf = (day: number, minutes = 0): string => new Date(day * DAY_MS + (9 * 60 + minutes) * 60_000).toISOString();

export const YEAR_DAYS = 365.25;

/** Whole years between two days, as a birthday counts them. */
export function ageInYears(birthDay: number, onDay: number): number {
  const b = new Date(birthDay * DAY_MS);
  const o = new Date(onDay * DAY_MS);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) age -= 1;
  return age;
}

/** The day a child reaches `years` of age. */
export function birthdayAt(birthDay: number, years: number): number {
  const b = new Date(birthDay * DAY_MS);
  return Math.floor(Date.UTC(b.getUTCFullYear() + years, b.getUTCMonth(), b.getUTCDate()) / DAY_MS);
}
