// Weighted and Zipf-like picks over the deterministic generator in random.ts.
import type { Random } from './random.ts';

/** Picks a key from [key, weight] pairs (weights need not add up to 1). */
export function weighted<K>(random: Random, pairs: readonly (readonly [K, number])[]): K {
  let total = 0;
  for (const [, w] of pairs) total += w;
  let x = random.next() * total;
  for (const [key, w] of pairs) {
    x -= w;
    if (x < 0) return key;
  }
  const last = pairs[pairs.length - 1];
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last[0];
}

/** Index 0..weights.length-1 with the given weights. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = random.next() * total;
  for (let i = 0; i < weights.length; i += 1) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** A picker that favours the first items of a list, with weight 1/(rank+1)^exponent. */
export function zipfPicker<T>(items: readonly T[], exponent: number): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i += 1) {
    total += 1 / (i + 1) ** exponent;
    cumulative.push(total);
  }
  return (random) => {
    const x = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) <= x) lo = mid + 1;
      else hi = mid;
    }
    const item = items[lo];
    if (item === undefined) throw new Error('zipf pick from an empty list');
    return item;
  };
}
