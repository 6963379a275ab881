import { describe, expect, it } from 'vitest';
import {
  bankHolidayOn,
  bankHolidaysBetween,
  bankHolidaysEnglandWales,
  isBankHoliday,
  LAST_PUBLISHED_YEAR,
} from '../../../../src/domain/shared/calendar/bank-holidays-england-wales.ts';
import { parseLocalDate } from '../../../../src/domain/shared/time/local-date.ts';

// domain-spec §2.4: the England and Wales list 2018–2030, copied from the spec's YAML
// (2019–2028 matched there against the GOV.UK bank-holidays data; 2029–2030 provisional).
// [date, day of week, name, kind]
const SPEC_2018_2030: readonly (readonly [string, string, string, string])[] = [
  ['2018-01-01', 'Mon', "New Year's Day", 'new_year'],
  ['2018-03-30', 'Fri', 'Good Friday', 'good_friday'],
  ['2018-04-02', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2018-05-07', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2018-05-28', 'Mon', 'Spring bank holiday', 'spring'],
  ['2018-08-27', 'Mon', 'Summer bank holiday', 'summer'],
  ['2018-12-25', 'Tue', 'Christmas Day', 'christmas'],
  ['2018-12-26', 'Wed', 'Boxing Day', 'boxing_day'],
  ['2019-01-01', 'Tue', "New Year's Day", 'new_year'],
  ['2019-04-19', 'Fri', 'Good Friday', 'good_friday'],
  ['2019-04-22', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2019-05-06', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2019-05-27', 'Mon', 'Spring bank holiday', 'spring'],
  ['2019-08-26', 'Mon', 'Summer bank holiday', 'summer'],
  ['2019-12-25', 'Wed', 'Christmas Day', 'christmas'],
  ['2019-12-26', 'Thu', 'Boxing Day', 'boxing_day'],
  ['2020-01-01', 'Wed', "New Year's Day", 'new_year'],
  ['2020-04-10', 'Fri', 'Good Friday', 'good_friday'],
  ['2020-04-13', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2020-05-08', 'Fri', 'Early May bank holiday (moved to VE Day)', 'early_may'],
  ['2020-05-25', 'Mon', 'Spring bank holiday', 'spring'],
  ['2020-08-31', 'Mon', 'Summer bank holiday', 'summer'],
  ['2020-12-25', 'Fri', 'Christmas Day', 'christmas'],
  ['2020-12-28', 'Mon', 'Boxing Day (substitute day)', 'boxing_day'],
  ['2021-01-01', 'Fri', "New Year's Day", 'new_year'],
  ['2021-04-02', 'Fri', 'Good Friday', 'good_friday'],
  ['2021-04-05', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2021-05-03', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2021-05-31', 'Mon', 'Spring bank holiday', 'spring'],
  ['2021-08-30', 'Mon', 'Summer bank holiday', 'summer'],
  ['2021-12-27', 'Mon', 'Christmas Day (substitute day)', 'christmas'],
  ['2021-12-28', 'Tue', 'Boxing Day (substitute day)', 'boxing_day'],
  ['2022-01-03', 'Mon', "New Year's Day (substitute day)", 'new_year'],
  ['2022-04-15', 'Fri', 'Good Friday', 'good_friday'],
  ['2022-04-18', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2022-05-02', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2022-06-02', 'Thu', 'Spring bank holiday (moved for Platinum Jubilee)', 'spring'],
  ['2022-06-03', 'Fri', 'Platinum Jubilee bank holiday', 'one_off'],
  ['2022-08-29', 'Mon', 'Summer bank holiday', 'summer'],
  ['2022-09-19', 'Mon', 'State Funeral of Queen Elizabeth II', 'one_off'],
  ['2022-12-26', 'Mon', 'Boxing Day', 'boxing_day'],
  ['2022-12-27', 'Tue', 'Christmas Day (substitute day)', 'christmas'],
  ['2023-01-02', 'Mon', "New Year's Day (substitute day)", 'new_year'],
  ['2023-04-07', 'Fri', 'Good Friday', 'good_friday'],
  ['2023-04-10', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2023-05-01', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2023-05-08', 'Mon', 'Coronation of King Charles III', 'one_off'],
  ['2023-05-29', 'Mon', 'Spring bank holiday', 'spring'],
  ['2023-08-28', 'Mon', 'Summer bank holiday', 'summer'],
  ['2023-12-25', 'Mon', 'Christmas Day', 'christmas'],
  ['2023-12-26', 'Tue', 'Boxing Day', 'boxing_day'],
  ['2024-01-01', 'Mon', "New Year's Day", 'new_year'],
  ['2024-03-29', 'Fri', 'Good Friday', 'good_friday'],
  ['2024-04-01', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2024-05-06', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2024-05-27', 'Mon', 'Spring bank holiday', 'spring'],
  ['2024-08-26', 'Mon', 'Summer bank holiday', 'summer'],
  ['2024-12-25', 'Wed', 'Christmas Day', 'christmas'],
  ['2024-12-26', 'Thu', 'Boxing Day', 'boxing_day'],
  ['2025-01-01', 'Wed', "New Year's Day", 'new_year'],
  ['2025-04-18', 'Fri', 'Good Friday', 'good_friday'],
  ['2025-04-21', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2025-05-05', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2025-05-26', 'Mon', 'Spring bank holiday', 'spring'],
  ['2025-08-25', 'Mon', 'Summer bank holiday', 'summer'],
  ['2025-12-25', 'Thu', 'Christmas Day', 'christmas'],
  ['2025-12-26', 'Fri', 'Boxing Day', 'boxing_day'],
  ['2026-01-01', 'Thu', "New Year's Day", 'new_year'],
  ['2026-04-03', 'Fri', 'Good Friday', 'good_friday'],
  ['2026-04-06', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2026-05-04', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2026-05-25', 'Mon', 'Spring bank holiday', 'spring'],
  ['2026-08-31', 'Mon', 'Summer bank holiday', 'summer'],
  ['2026-12-25', 'Fri', 'Christmas Day', 'christmas'],
  ['2026-12-28', 'Mon', 'Boxing Day (substitute day)', 'boxing_day'],
  ['2027-01-01', 'Fri', "New Year's Day", 'new_year'],
  ['2027-03-26', 'Fri', 'Good Friday', 'good_friday'],
  ['2027-03-29', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2027-05-03', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2027-05-31', 'Mon', 'Spring bank holiday', 'spring'],
  ['2027-08-30', 'Mon', 'Summer bank holiday', 'summer'],
  ['2027-12-27', 'Mon', 'Christmas Day (substitute day)', 'christmas'],
  ['2027-12-28', 'Tue', 'Boxing Day (substitute day)', 'boxing_day'],
  ['2028-01-03', 'Mon', "New Year's Day (substitute day)", 'new_year'],
  ['2028-04-14', 'Fri', 'Good Friday', 'good_friday'],
  ['2028-04-17', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2028-05-01', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2028-05-29', 'Mon', 'Spring bank holiday', 'spring'],
  ['2028-08-28', 'Mon', 'Summer bank holiday', 'summer'],
  ['2028-12-25', 'Mon', 'Christmas Day', 'christmas'],
  ['2028-12-26', 'Tue', 'Boxing Day', 'boxing_day'],
  ['2029-01-01', 'Mon', "New Year's Day", 'new_year'],
  ['2029-03-30', 'Fri', 'Good Friday', 'good_friday'],
  ['2029-04-02', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2029-05-07', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2029-05-28', 'Mon', 'Spring bank holiday', 'spring'],
  ['2029-08-27', 'Mon', 'Summer bank holiday', 'summer'],
  ['2029-12-25', 'Tue', 'Christmas Day', 'christmas'],
  ['2029-12-26', 'Wed', 'Boxing Day', 'boxing_day'],
  ['2030-01-01', 'Tue', "New Year's Day", 'new_year'],
  ['2030-04-19', 'Fri', 'Good Friday', 'good_friday'],
  ['2030-04-22', 'Mon', 'Easter Monday', 'easter_monday'],
  ['2030-05-06', 'Mon', 'Early May bank holiday', 'early_may'],
  ['2030-05-27', 'Mon', 'Spring bank holiday', 'spring'],
  ['2030-08-26', 'Mon', 'Summer bank holiday', 'summer'],
  ['2030-12-25', 'Wed', 'Christmas Day', 'christmas'],
  ['2030-12-26', 'Thu', 'Boxing Day', 'boxing_day'],
];

const DAY_ABBREVIATIONS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const years = [...new Set(SPEC_2018_2030.map(([date]) => Number(date.slice(0, 4))))];
const generated = (year: number): string[] => bankHolidaysEnglandWales(year).map((h) => `${h.date.toString()} ${h.name} (${h.kind})`);

describe('England and Wales bank holidays 2018–2030 (domain-spec §2.4)', () => {
  it('covers the thirteen years 2018–2030 and its days of the week are right', () => {
    expect(years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    for (const [date, dow] of SPEC_2018_2030) expect(DAY_ABBREVIATIONS[parseLocalDate(date).dayOfWeek().value() - 1], date).toBe(dow);
  });

  it.each(years)('%i: the generator yields exactly the listed dates, names and kinds', (year) => {
    const expected = SPEC_2018_2030.filter(([date]) => date.startsWith(`${String(year)}-`)).map(([date, , name, kind]) => `${date} ${name} (${kind})`);
    expect(generated(year)).toEqual(expected);
  });

  it('marks years after the last published year (2028) provisional, and no others', () => {
    expect(LAST_PUBLISHED_YEAR).toBe(2028);
    for (const year of years) {
      for (const h of bankHolidaysEnglandWales(year)) expect(h.provisional, h.date.toString()).toBe(year > 2028);
    }
  });
});

describe('moved and one-off bank holidays (royal proclamations)', () => {
  const holiday = (iso: string): boolean => isBankHoliday(parseLocalDate(iso));

  it.each([
    ['2020-05-08', 'VE Day 75: early May moved from 4 May'],
    ['2022-06-02', 'spring bank holiday moved for the Platinum Jubilee'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Coronation of King Charles III'],
    ['1981-07-29', 'royal wedding 1981'],
    ['1995-05-08', 'VE Day 50: early May moved from 1 May'],
    ['1999-12-31', 'millennium'],
    ['2002-06-03', 'Golden Jubilee'],
    ['2002-06-04', 'spring bank holiday moved for the Golden Jubilee'],
    ['2011-04-29', 'royal wedding 2011'],
    ['2012-06-04', 'spring bank holiday moved for the Diamond Jubilee'],
    ['2012-06-05', 'Diamond Jubilee'],
  ])('%s is a bank holiday (%s)', (iso) => {
    expect(holiday(iso)).toBe(true);
  });

  it.each([
    ['2020-05-04', 'early May rule date, moved to 8 May'],
    ['2022-05-30', 'spring rule date, moved to 2 June'],
    ['1995-05-01', 'early May rule date, moved to 8 May'],
    ['2002-05-27', 'spring rule date, moved to 4 June'],
    ['2012-05-28', 'spring rule date, moved to 4 June'],
    ['2026-06-15', 'Scotland-only World Cup bank holiday'],
    ['2026-01-02', 'Scotland-only 2 January'],
    ['2026-08-03', 'Scotland-only summer bank holiday'],
    ['2026-11-30', "Scotland-only St Andrew's Day"],
    ['2026-03-17', "Northern Ireland-only St Patrick's Day"],
    ['2026-07-13', 'Northern Ireland-only Battle of the Boyne (substitute)'],
  ])('%s is not a bank holiday in England and Wales (%s)', (iso) => {
    expect(holiday(iso)).toBe(false);
  });

  it('names the moved holidays and one-offs', () => {
    expect(bankHolidayOn(parseLocalDate('2020-05-08'))).toMatchObject({ kind: 'early_may', name: 'Early May bank holiday (moved to VE Day)' });
    expect(bankHolidayOn(parseLocalDate('2023-05-08'))).toMatchObject({ kind: 'one_off', name: 'Coronation of King Charles III' });
    expect(bankHolidayOn(parseLocalDate('2023-05-09'))).toBeUndefined();
  });
});

describe('years computed by the rule (domain-spec §2.5)', () => {
  it('2060', () => {
    expect(generated(2060)).toEqual([
      "2060-01-01 New Year's Day (new_year)",
      '2060-04-16 Good Friday (good_friday)',
      '2060-04-19 Easter Monday (easter_monday)',
      '2060-05-03 Early May bank holiday (early_may)',
      '2060-05-31 Spring bank holiday (spring)',
      '2060-08-30 Summer bank holiday (summer)',
      '2060-12-27 Christmas Day (substitute day) (christmas)',
      '2060-12-28 Boxing Day (substitute day) (boxing_day)',
    ]);
    expect(bankHolidaysEnglandWales(2060).every((h) => h.provisional)).toBe(true);
  });

  it('2100 (not a leap year)', () => {
    expect(generated(2100)).toEqual([
      "2100-01-01 New Year's Day (new_year)",
      '2100-03-26 Good Friday (good_friday)',
      '2100-03-29 Easter Monday (easter_monday)',
      '2100-05-03 Early May bank holiday (early_may)',
      '2100-05-31 Spring bank holiday (spring)',
      '2100-08-30 Summer bank holiday (summer)',
      '2100-12-27 Christmas Day (substitute day) (christmas)',
      '2100-12-28 Boxing Day (substitute day) (boxing_day)',
    ]);
  });

  it.each([
    [2033, '2033-01-03', "New Year's Day (substitute day)", 'New Year on a Saturday: Monday 3 January'],
    [2034, '2034-01-02', "New Year's Day (substitute day)", 'New Year on a Sunday: Monday 2 January'],
    [2033, '2033-12-27', 'Christmas Day (substitute day)', 'Christmas on a Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27'],
    [2037, '2037-12-28', 'Boxing Day (substitute day)', 'Boxing Day on a Saturday: Monday 28'],
  ])('%i: %s is %s (%s)', (year, iso, name) => {
    expect(bankHolidaysEnglandWales(year).find((h) => h.date.toString() === iso)?.name).toBe(name);
  });

  it('refuses years before 1978, when the early May bank holiday began', () => {
    expect(() => bankHolidaysEnglandWales(1977)).toThrow(RangeError);
    expect(() => bankHolidaysEnglandWales(2026.5)).toThrow(RangeError);
  });

  it('returns the same frozen list each time (memoised, never mutable)', () => {
    const first = bankHolidaysEnglandWales(2026);
    expect(bankHolidaysEnglandWales(2026)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('lists the holidays in an inclusive range across a year end', () => {
    const between = bankHolidaysBetween(parseLocalDate('2025-12-25'), parseLocalDate('2026-01-01'));
    expect(between.map((h) => h.name)).toEqual(['Christmas Day', 'Boxing Day', "New Year's Day"]);
    expect(bankHolidaysBetween(parseLocalDate('2026-01-02'), parseLocalDate('2026-01-01'))).toEqual([]);
  });
});
