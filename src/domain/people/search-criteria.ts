// Turning what someone typed into a person search into the keys the database looks up: readings of
// the name (given and family, both ways round, a comma meaning "family, given"), the forms of each
// given name by the nickname list, and the dates of birth a slip of the keyboard would turn the typed
// one into. Pure; the repository turns these into index lookups.
import { LocalDate } from '@js-joda/core';
import { parseLocalDate } from '../shared/time/local-date.ts';
import { nicknamesOf } from './nicknames.ts';

export interface NameReading {
  readonly given: string;
  readonly family: string;
}

export interface NameQuery {
  /** The words typed, lower case, punctuation other than apostrophes and hyphens removed. */
  readonly words: readonly string[];
  readonly readings: readonly NameReading[];
  /** Set when only one word was typed. */
  readonly singleWord: string | null;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’\- ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && /[\p{L}\p{N}]/u.test(w));
}

export function parseNameQuery(text: string): NameQuery {
  const comma = text.indexOf(',');
  if (comma > 0) {
    const family = words(text.slice(0, comma));
    const given = words(text.slice(comma + 1));
    if (family.length > 0 && given.length > 0) {
      return { words: [...given, ...family], readings: [{ given: given.join(' '), family: family.join(' ') }], singleWord: null };
    }
  }
  const all = words(text);
  if (all.length === 0) return { words: [], readings: [], singleWord: null };
  if (all.length === 1) return { words: all, readings: [], singleWord: all[0] ?? null };
  const readings: NameReading[] = [{ given: all.slice(0, -1).join(' '), family: all.at(-1) ?? '' }];
  if (all.length >= 3) readings.push({ given: all[0] ?? '', family: all.slice(1).join(' ') });
  return { words: all, readings, singleWord: null };
}

/** A family name with every form of the given name: exact and nickname lookups, both ways round. */
export function exactNameKeys(readings: readonly NameReading[]): { family: string; givens: string[] }[] {
  const keys: { family: string; givens: string[] }[] = [];
  for (const r of readings) {
    keys.push({ family: r.family, givens: [r.given, ...(r.given.includes(' ') ? [] : nicknamesOf(r.given))] });
    keys.push({ family: r.given, givens: [r.family, ...(r.family.includes(' ') ? [] : nicknamesOf(r.family))] });
  }
  return keys;
}

const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

function tryDate(y: number, m: number, d: number): LocalDate | null {
  if (y < EARLIEST_YEAR || y > LATEST_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return null;
  try {
    return LocalDate.of(y, m, d);
  } catch {
    return null;
  }
}

/**
 * The date typed and the dates a slip would have made of it: day and month swapped, a day or two
 * either side, the same day a year either side (the 28th for the 29th to 31st and back), and every
 * date one digit away (YYYYMMDD). Exactly the dates src/domain/people/duplicate-score.ts does not
 * call "different" from the one typed (when neither is estimated), so a search that drops records
 * with a different date of birth can look only at these.
 */
export function dateOfBirthVariants(iso: string): string[] {
  const date = parseLocalDate(iso);
  const out = new Set<string>([date.toString()]);
  const swapped = tryDate(date.year(), date.dayOfMonth(), date.monthValue());
  if (swapped !== null) out.add(swapped.toString());
  for (const days of [-2, -1, 1, 2]) out.add(date.plusDays(days).toString());
  for (const years of [-1, 1]) {
    out.add(date.plusYears(years).toString());
    const day = date.dayOfMonth();
    const days = day === 28 ? [29, 30, 31] : day > 28 ? [28] : [];
    for (const d of days) {
      const slipped = tryDate(date.year() + years, date.monthValue(), d);
      if (slipped !== null) out.add(slipped.toString());
    }
  }
  const digits = iso.replace(/-/g, '');
  for (let i = 0; i < digits.length; i += 1) {
    for (let v = 0; v <= 9; v += 1) {
      const changed = `${digits.slice(0, i)}${String(v)}${digits.slice(i + 1)}`;
      if (changed === digits) continue;
      const d = tryDate(Number(changed.slice(0, 4)), Number(changed.slice(4, 6)), Number(changed.slice(6, 8)));
      if (d !== null) out.add(d.toString());
    }
  }
  return [...out].sort();
}
