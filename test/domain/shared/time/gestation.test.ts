import { describe, expect, it } from 'vitest';
import { eddFromLmp, gestationalAgeDays, gestationWeekDate } from '../../../../src/domain/shared/time/gestation.ts';
import { parseLocalDate as d } from '../../../../src/domain/shared/time/local-date.ts';

describe('gestation arithmetic (domain-spec §2.6)', () => {
  const edd = d('2026-09-01');

  it.each([
    [12, '2026-02-17'],
    [19, '2026-04-07'],
    [23, '2026-05-05'],
    [25, '2026-05-19'],
    [30, '2026-06-23'],
    [34, '2026-07-21'],
    [35, '2026-07-28'],
    [40, '2026-09-01'],
  ])('EDD 2026-09-01: GW%i is %s', (week, expected) => {
    expect(gestationWeekDate(edd, week).toString()).toBe(expected);
  });

  it('EDD from LMP is LMP + 280 days', () => {
    expect(eddFromLmp(d('2025-11-25')).toString()).toBe('2026-09-01');
    expect(eddFromLmp(d('2023-05-25')).toString()).toBe('2024-02-29');
  });

  it('gestational age in days is 280 − (EDD − d)', () => {
    expect(gestationalAgeDays(edd, edd)).toBe(280);
    expect(gestationalAgeDays(edd, d('2026-02-17'))).toBe(84);
    expect(gestationalAgeDays(edd, d('2025-11-25'))).toBe(0);
    expect(gestationalAgeDays(edd, d('2026-09-08'))).toBe(287);
  });

  it('refuses weeks that are not whole numbers from 0 to 42', () => {
    expect(() => gestationWeekDate(edd, 12.5)).toThrow(RangeError);
    expect(() => gestationWeekDate(edd, -1)).toThrow(RangeError);
    expect(() => gestationWeekDate(edd, 43)).toThrow(RangeError);
  });
});
