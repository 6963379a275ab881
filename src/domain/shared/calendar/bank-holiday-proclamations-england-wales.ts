// Bank holidays in England and Wales that the usual rule does not give: days moved or added by royal
// proclamation under the Banking and Financial Dealings Act 1971, s1(3). Kept as data, overlaid on the
// rule in ./bank-holidays-england-wales.ts (domain-spec §2.5 step 6). Dates from 2018 onwards are as
// published by GOV.UK (https://www.gov.uk/bank-holidays, data: alphagov/frontend
// lib/data/bank-holidays.json); earlier ones are from the proclamations (London Gazette).
//
// Scotland-only and Northern Ireland-only days (e.g. the Scottish "World Cup" bank holiday of
// 15 June 2026) do not belong here: they do not apply in England and Wales (domain-spec §2.1, §2.4).
// When a new proclamation is made, add one line here and add the year to the tests.

export type RuleHolidayKind = 'new_year' | 'good_friday' | 'easter_monday' | 'early_may' | 'spring' | 'summer' | 'christmas' | 'boxing_day';

export type BankHolidayKind = RuleHolidayKind | 'one_off';

/** A rule holiday moved to another date (it keeps its kind; the rule date stops being a holiday). */
export interface MovedBankHoliday {
  readonly type: 'moved';
  readonly kind: RuleHolidayKind;
  readonly from: string;
  readonly to: string;
  readonly name: string;
}

/** An extra, one-off bank holiday. */
export interface AddedBankHoliday {
  readonly type: 'added';
  readonly date: string;
  readonly name: string;
}

export type BankHolidayProclamation = MovedBankHoliday | AddedBankHoliday;

export const BANK_HOLIDAY_PROCLAMATIONS_ENGLAND_WALES: readonly BankHolidayProclamation[] = [
  { type: 'added', date: '1981-07-29', name: 'Wedding of the Prince of Wales and Lady Diana Spencer' },
  { type: 'moved', kind: 'early_may', from: '1995-05-01', to: '1995-05-08', name: 'Early May bank holiday (moved to VE Day)' },
  { type: 'added', date: '1999-12-31', name: 'Millennium bank holiday' },
  { type: 'moved', kind: 'spring', from: '2002-05-27', to: '2002-06-04', name: 'Spring bank holiday (moved for Golden Jubilee)' },
  { type: 'added', date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { type: 'added', date: '2011-04-29', name: 'Wedding of Prince William and Catherine Middleton' },
  { type: 'moved', kind: 'spring', from: '2012-05-28', to: '2012-06-04', name: 'Spring bank holiday (moved for Diamond Jubilee)' },
  { type: 'added', date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  { type: 'moved', kind: 'early_may', from: '2020-05-04', to: '2020-05-08', name: 'Early May bank holiday (moved to VE Day)' },
  { type: 'moved', kind: 'spring', from: '2022-05-30', to: '2022-06-02', name: 'Spring bank holiday (moved for Platinum Jubilee)' },
  { type: 'added', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { type: 'added', date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { type: 'added', date: '2023-05-08', name: 'Coronation of King Charles III' },
];
