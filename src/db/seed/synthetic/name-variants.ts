// How the same person gets recorded twice: a mistyped name, a familiar form of a given name, given
// and family names the wrong way round, day and month of birth transposed, a new surname. Used to
// build duplicates with a known answer for the matching benchmark.
import { NICKNAMES } from './names.ts';
import type { Random } from './random.ts';

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sqz',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};
const VOWELS = 'aeiou';

function withCase(original: string, changed: string): string {
  if (changed === '') return original;
  const first = original[0] ?? '';
  return first === first.toUpperCase() ? changed.charAt(0).toUpperCase() + changed.slice(1) : changed;
}

/** One realistic slip of the keyboard or the ear; always returns a different, non-empty name. */
export function typo(name: string, random: Random): string {
  const lower = name.toLowerCase();
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const kind = random.int(0, 4);
    const i = random.int(name.length > 2 ? 1 : 0, Math.max(0, lower.length - 1));
    const c = lower[i] ?? '';
    let out = lower;
    if (kind === 0) {
      const near = KEYBOARD_NEIGHBOURS[c];
      if (near !== undefined) out = lower.slice(0, i) + (near[random.int(0, near.length - 1)] ?? c) + lower.slice(i + 1);
    } else if (kind === 1 && lower.length > 3) out = lower.slice(0, i) + lower.slice(i + 1);
    else if (kind === 2) out = lower.slice(0, i) + c + lower.slice(i);
    else if (kind === 3 && i + 1 < lower.length) out = lower.slice(0, i) + (lower[i + 1] ?? '') + c + lower.slice(i + 2);
    else if (kind === 4 && VOWELS.includes(c)) out = lower.slice(0, i) + (VOWELS[(VOWELS.indexOf(c) + random.int(1, 4)) % 5] ?? c) + lower.slice(i + 1);
    if (out !== lower && out.length > 0) return withCase(name, out);
  }
  return withCase(name, `${lower}${lower.at(-1) ?? 'e'}`);
}

export function nickname(given: string, random: Random): string | null {
  const forms = NICKNAMES[given];
  return forms === undefined || forms.length === 0 ? null : random.pick(forms);
}

const DAY_MS = 86_400_000;

/** The date with day and month transposed (only when that is a different real date). */
export function swapDayMonth(day: number): number | null {
  const d = new Date(day * DAY_MS);
  const dd = d.getUTCDate();
  const mm = d.getUTCMonth() + 1;
  if (dd > 12 || dd === mm) return null;
  return Math.floor(Date.UTC(d.getUTCFullYear(), dd - 1, mm) / DAY_MS);
}

/** A date of birth mistyped by a day or two, or a year. */
export function nearbyDate(day: number, random: Random): number {
  if (random.chance(0.3)) {
    const d = new Date(day * DAY_MS);
    return Math.floor(Date.UTC(d.getUTCFullYear() + (random.chance(0.5) ? 1 : -1), d.getUTCMonth(), Math.min(d.getUTCDate(), 28)) / DAY_MS);
  }
  return day + (random.chance(0.5) ? 1 : -1) * random.int(1, 2);
}
