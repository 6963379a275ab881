import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../../../src/domain/shared/calendar/easter.ts';

// Expected dates from python-dateutil's easter() (EASTER_WESTERN, Tondering's method), an
// independent implementation, spot-checked against published tables.
const KNOWN_EASTERS: readonly (readonly [number, string])[] = [
  [1583, '1583-04-10'],
  [1700, '1700-04-11'],
  [1818, '1818-03-22'],
  [1900, '1900-04-15'],
  [1943, '1943-04-25'],
  [1961, '1961-04-02'],
  [1978, '1978-03-26'],
  [1981, '1981-04-19'],
  [1995, '1995-04-16'],
  [2000, '2000-04-23'],
  [2002, '2002-03-31'],
  [2008, '2008-03-23'],
  [2011, '2011-04-24'],
  [2012, '2012-04-08'],
  [2016, '2016-03-27'],
  [2019, '2019-04-21'],
  [2020, '2020-04-12'],
  [2022, '2022-04-17'],
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2028, '2028-04-16'],
  [2029, '2029-04-01'],
  [2030, '2030-04-21'],
  [2035, '2035-03-25'],
  [2038, '2038-04-25'],
  [2045, '2045-04-09'],
  [2049, '2049-04-18'],
  [2050, '2050-04-10'],
  [2060, '2060-04-18'],
  [2076, '2076-04-19'],
  [2100, '2100-03-28'],
  [2160, '2160-03-23'],
  [2200, '2200-04-06'],
  [2285, '2285-03-22'],
  [2400, '2400-04-16'],
  [3000, '3000-04-13'],
  [4099, '4099-04-19'],
];

/** Tondering's Gregorian Easter (a different formulation from Meeus/Jones/Butcher), as a cross-check. */
function tonderingEaster(y: number): string {
  const g = y % 19;
  const c = Math.floor(y / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(h / 28) * Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (y + Math.floor(y / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const p = i - j;
  const day = 1 + ((p + 27 + Math.floor((p + 6) / 40)) % 31);
  const month = 3 + Math.floor((p + 26) / 30);
  return `${String(y)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('easterSunday (anonymous Gregorian computus)', () => {
  it.each(KNOWN_EASTERS)('%i: %s', (year, iso) => {
    expect(easterSunday(year).toString()).toBe(iso);
  });

  it('gives the earliest possible date, 22 March, in 1818 and 2285, and the latest, 25 April, in 1943 and 2038', () => {
    expect([1818, 2285].map((y) => easterSunday(y).toString())).toEqual(['1818-03-22', '2285-03-22']);
    expect([1943, 2038].map((y) => easterSunday(y).toString())).toEqual(['1943-04-25', '2038-04-25']);
  });

  it('agrees with an independent formulation for every year 1583–4099', () => {
    for (let year = 1583; year <= 4099; year += 1) {
      if (easterSunday(year).toString() !== tonderingEaster(year)) expect.fail(`Easter ${String(year)}`);
    }
  });

  it('is always a Sunday from 22 March to 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        const monthDay = easter.monthValue() * 100 + easter.dayOfMonth();
        return easter.dayOfWeek().value() === 7 && monthDay >= 322 && monthDay <= 425;
      }),
    );
  });

  it('refuses years before the Gregorian reform and fractional years', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});
