import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReferenceNumber, normaliseReferenceNumber, referenceCheckCharacter, referenceNumberFrom } from '../../../../src/domain/shared/identifiers/reference-number.ts';

describe('reference numbers', () => {
  it('are two groups of four from the Crockford alphabet, the last a check character', () => {
    const ref = referenceNumberFrom([20, 7, 23, 13, 9, 3, 30]);
    expect(ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(ref.slice(0, 8).replace('-', '')).toBe('M7QD93Y');
    expect(ref.at(-1)).toBe(referenceCheckCharacter('M7QD93Y'));
    expect(isReferenceNumber(ref)).toBe(true);
  });

  it('read back what people type: any case, spaces, O for 0, I or L for 1', () => {
    const ref = referenceNumberFrom([0, 1, 2, 3, 4, 5, 6]);
    expect(normaliseReferenceNumber(ref.toLowerCase())).toBe(ref);
    expect(normaliseReferenceNumber(ref.replace('-', ' '))).toBe(ref);
    expect(normaliseReferenceNumber(ref.replace('0', 'O').replace('1', 'l'))).toBe(ref);
    expect(normaliseReferenceNumber('not a ref')).toBeNull();
  });

  it('catch every single mistyped character, and every swap of neighbours but 0 and Z (property)', () => {
    const digit = fc.integer({ min: 0, max: 31 });
    fc.assert(
      fc.property(fc.array(digit, { minLength: 7, maxLength: 7 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 31 }), (values, at, delta) => {
        const ref = referenceNumberFrom(values);
        const typo = [...values];
        typo[at] = ((values[at] ?? 0) + delta) % 32;
        const wrong = `${referenceNumberFrom(typo).slice(0, 8)}${ref.slice(-1)}`;
        return normaliseReferenceNumber(wrong) === null;
      }),
    );
    fc.assert(
      fc.property(fc.array(digit, { minLength: 7, maxLength: 7 }), fc.integer({ min: 0, max: 5 }), (values, at) => {
        fc.pre(values[at] !== values[at + 1] && !(Math.min(values[at] ?? 0, values[at + 1] ?? 0) === 0 && Math.max(values[at] ?? 0, values[at + 1] ?? 0) === 31));
        const ref = referenceNumberFrom(values);
        const swapped = [...values];
        [swapped[at], swapped[at + 1]] = [values[at + 1] ?? 0, values[at] ?? 0];
        return normaliseReferenceNumber(`${referenceNumberFrom(swapped).slice(0, 8)}${ref.slice(-1)}`) === null;
      }),
    );
  });

  it('refuse values out of range', () => {
    expect(() => referenceNumberFrom([32, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => referenceNumberFrom([0, 0])).toThrow(RangeError);
  });
});
