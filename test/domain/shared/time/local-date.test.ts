import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthdayIn,
  formatDayDate,
  formatLongDate,
  isValidIsoDate,
  parseLocalDate as d,
  toIsoDate,
} from '../../../../src/domain/shared/time/local-date.ts';

describe('parseLocalDate and isValidIsoDate', () => {
  it.each(['2026-11-23', '2024-02-29', '2000-02-29', '1990-01-01', '2100-12-31'])('accepts %s', (iso) => {
    expect(toIsoDate(d(iso))).toBe(iso);
    expect(isValidIsoDate(iso)).toBe(true);
  });

  it.each(['2026-02-30', '2025-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00'])('rejects %s, which is not a real date', (iso) => {
    expect(() => d(iso)).toThrow(`Invalid date "${iso}": not a real calendar date`);
    expect(isValidIsoDate(iso)).toBe(false);
  });

  it.each(['', '2026-2-3', '26-02-03', '2026/02/03', '03/02/2026', ' 2026-02-03', '2026-02-03 ', '2026-02-03T00:00', '+2026-02-03', '20260203', 'today'])(
    'rejects %j, which is not YYYY-MM-DD',
    (s) => {
      expect(() => d(s)).toThrow('expected YYYY-MM-DD');
      expect(isValidIsoDate(s)).toBe(false);
    },
  );

  it('round-trips every date from 1990 to 2100', () => {
    const base = d('1990-01-01');
    fc.assert(fc.property(fc.integer({ min: 0, max: 40541 }), (offset) => d(toIsoDate(base.plusDays(offset))).equals(base.plusDays(offset))));
  });
});

describe('GOV.UK date formats', () => {
  it('formats a date as "23 November 2026", from a LocalDate or an ISO string', () => {
    expect(formatLongDate(d('2026-11-23'))).toBe('23 November 2026');
    expect(formatLongDate('2026-01-01')).toBe('1 January 2026');
  });

  it('formats a date with its day as "Monday 23 November 2026"', () => {
    expect(formatDayDate(d('2026-11-23'))).toBe('Monday 23 November 2026');
    expect(formatDayDate('2026-12-27')).toBe('Sunday 27 December 2026');
    expect(formatDayDate('2024-02-29')).toBe('Thursday 29 February 2024');
  });

  it('refuses to format an invalid date string', () => {
    expect(() => formatLongDate('2026-02-30')).toThrow('Invalid date');
  });
});

describe('ageOn (Family Law Reform Act 1969 s9; domain-spec §2.2)', () => {
  it('attains an age at the start of the birthday', () => {
    const dob = d('2008-06-15');
    expect(ageOn(dob, d('2026-06-14'))).toBe(17);
    expect(ageOn(dob, d('2026-06-15'))).toBe(18);
    expect(ageOn(dob, dob)).toBe(0);
    expect(ageOn(dob, d('2009-06-14'))).toBe(0);
  });

  it('gives a 29 February birthday on 1 March in a non-leap year', () => {
    const dob = d('2008-02-29');
    expect(birthdayIn(dob, 2026).toString()).toBe('2026-03-01');
    expect(birthdayIn(dob, 2028).toString()).toBe('2028-02-29');
    expect(ageOn(dob, d('2009-02-28'))).toBe(0);
    expect(ageOn(dob, d('2009-03-01'))).toBe(1);
    expect(ageOn(dob, d('2012-02-28'))).toBe(3);
    expect(ageOn(dob, d('2012-02-29'))).toBe(4);
    expect(ageOn(dob, d('2026-02-28'))).toBe(17);
    expect(ageOn(dob, d('2026-03-01'))).toBe(18);
  });

  it('refuses a date before the date of birth', () => {
    expect(() => ageOn(d('2020-05-01'), d('2020-04-30'))).toThrow(RangeError);
  });

  it('is k on the kth birthday and k - 1 the day before', () => {
    const base = d('1990-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), fc.integer({ min: 1, max: 100 }), (offset, k) => {
        const dob = base.plusDays(offset);
        const birthday = birthdayIn(dob, dob.year() + k);
        return ageOn(dob, birthday) === k && ageOn(dob, birthday.minusDays(1)) === k - 1;
      }),
    );
  });
});
