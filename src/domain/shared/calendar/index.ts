// The working-day calendar for England and Wales (domain-spec §2): public API.

export {
  bankHolidayOn,
  bankHolidaysBetween,
  bankHolidaysEnglandWales,
  isBankHoliday,
  FIRST_MODELLED_YEAR,
  LAST_MODELLED_YEAR,
  LAST_PUBLISHED_YEAR,
  type BankHoliday,
  type BankHolidayKind,
  type RuleHolidayKind,
} from './bank-holidays-england-wales.ts';
export { BANK_HOLIDAY_PROCLAMATIONS_ENGLAND_WALES, type BankHolidayProclamation } from './bank-holiday-proclamations-england-wales.ts';
export { easterSunday } from './easter.ts';
export {
  createWorkingDayCalendar,
  STATUTORY_WORKING_DAY_CALENDAR,
  type NonWorkingReason,
  type RollForwardExplanation,
  type SkippedHoliday,
  type WorkingDayCalendar,
  type WorkingDayCalendarOptions,
  type WorkingDayExplanation,
} from './working-days.ts';
export { CALENDAR_RANGE, calendarRangeProblem, isWithinCalendar } from './calendar-range.ts';
