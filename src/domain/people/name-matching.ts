// Comparing two names the way a person reading them would: the same letters once accents, case and
// punctuation are set aside; one slip of the keyboard; the same sound; the same name by the
// nickname list. Pure and symmetric: compare(a, b) is always compare(b, a).
import { areNicknames } from './nicknames.ts';

/** Lower case, accents removed, apostrophes dropped, other punctuation to spaces, spaces squeezed. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function nameTokens(value: string): string[] {
  const n = normaliseName(value);
  return n === '' ? [] : n.split(' ');
}

// A B C D E F G H I J K L M N O P Q R S T U V W X Y Z, as PostgreSQL's fuzzystrmatch soundex() codes
// them (vowels, H, W and Y are 0 and separate repeated codes), so the database and this function agree.
const SOUNDEX_CODES = '01230120022455012623010202';

/** Soundex, exactly as PostgreSQL's fuzzystrmatch computes it (for ASCII letters). */
export function soundex(value: string): string {
  const letters = normaliseName(value).replace(/[^a-z]/g, '').toUpperCase();
  if (letters === '') return '';
  const code = (ch: string) => SOUNDEX_CODES.charAt(ch.charCodeAt(0) - 65);
  let out = letters.charAt(0);
  for (let i = 1; i < letters.length && out.length < 4; i += 1) {
    const c = code(letters.charAt(i));
    if (c !== code(letters.charAt(i - 1)) && c !== '0') out += c;
  }
  return out.padEnd(4, '0');
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
 * two neighbouring letters each count one ("Smtih" is one from "Smith").
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i += 1) {
    const row = [i];
    for (let j = 1; j <= n; j += 1) {
      const cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[n] ?? Math.max(m, n);
}

/**
 * One slip for names of 3 to 7 letters (a three-letter name keeping its first letter), two for
 * longer ones; names of one or two letters must match otherwise.
 */
export function isTypo(a: string, b: string): boolean {
  if (a === b) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return false;
  if (shorter === 3) return a.charAt(0) === b.charAt(0) && editDistance(a, b) === 1;
  return editDistance(a, b) <= (Math.max(a.length, b.length) >= 8 ? 2 : 1);
}

export type NamePartMatch = 'exact' | 'nickname' | 'typo' | 'phonetic' | 'initial' | 'partial' | 'none';

const RANK: Readonly<Record<NamePartMatch, number>> = { exact: 6, nickname: 5, typo: 4, phonetic: 3, partial: 2, initial: 1, none: 0 };

export function betterMatch(a: NamePartMatch, b: NamePartMatch): NamePartMatch {
  return RANK[a] >= RANK[b] ? a : b;
}

function compareTokens(a: string, b: string, allowNickname: boolean): NamePartMatch {
  if (a === b) return 'exact';
  if (allowNickname && areNicknames(a, b)) return 'nickname';
  if (isTypo(a, b)) return 'typo';
  // Soundex keeps only four sounds, so long and short names can share one ("Turner", "Thornworth"):
  // a phonetic match also needs lengths within two letters.
  if (a.length > 1 && b.length > 1 && Math.abs(a.length - b.length) <= 2 && soundex(a) === soundex(b)) return 'phonetic';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'initial';
  return 'none';
}

/**
 * How two name parts match: the whole part first, then the best pair of its words ("Mary Jane" and
 * "Jane"; "Smith-Jones" and "Smith"), a word-level exact match counting as partial. Given names may
 * match by the nickname list; family names may not.
 */
export function compareNamePart(a: string, b: string, kind: 'given' | 'family'): NamePartMatch {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return 'none';
  const whole = compareTokens(ta.join(''), tb.join(''), kind === 'given');
  if (whole === 'exact' || (ta.length === 1 && tb.length === 1)) return whole;
  let best: NamePartMatch = whole;
  for (const x of ta) {
    for (const y of tb) {
      const m = compareTokens(x, y, kind === 'given');
      best = betterMatch(best, m === 'exact' ? 'partial' : m);
    }
  }
  return best;
}
