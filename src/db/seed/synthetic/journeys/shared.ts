// Helpers the journey modules share: working-day arithmetic and due dates from the statutory rules in
// src/domain (the same rules the use cases apply), on the generator's whole-day numbers.
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../../../domain/shared/calendar/index.ts';
import { dueDate, type TimescaleRule } from '../../../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../../../domain/shared/time/local-date.ts';
import { dayOf, isoOf } from '../dates.ts';
import type { Phase } from '../stories.ts';
import type { FamilyRecord } from '../module.ts';

const calendar = STATUTORY_WORKING_DAY_CALENDAR;

/** The due day of a statutory rule from an anchor day. */
export const dueDay = (rule: TimescaleRule, anchor: number): number => dayOf(toIsoDate(dueDate(rule, parseLocalDate(isoOf(anchor)), calendar)));

/** The day itself if it is a working day, else the next working day (meetings are held on working days). */
export const workingDayOnOrAfter = (day: number): number => dayOf(toIsoDate(calendar.rollForwardToWorkingDay(parseLocalDate(isoOf(day)))));

/** The day itself if it is a working day, else the working day before it. */
export const workingDayOnOrBefore = (day: number): number => {
  const d = parseLocalDate(isoOf(day));
  return calendar.isWorkingDay(d) ? day : dayOf(toIsoDate(calendar.previousWorkingDay(d)));
};

/** Working days from one day to another (0 on the same day). */
export const workingDaysFrom = (from: number, to: number): number => calendar.workingDaysBetween(parseLocalDate(isoOf(from)), parseLocalDate(isoOf(to)));

/** The text literal of a text[] cell (bulk-insert.ts casts it back). Codes only: no quoting needed. */
export const textArray = (codes: readonly string[]): string => `{${codes.join(',')}}`;

/** The phase that follows the front door for this child in this episode (Family Support, CWD, CFP…). */
export function casePhase(family: FamilyRecord, episode: number, childKey: number): Phase | undefined {
  return family.shape.phases.find((p) => p.childKey === childKey && p.episode === episode && p.team !== 'MASH');
}

export const linkKey = (kind: string, episode: number, childKey: number): string => `${kind}:${String(episode)}:${String(childKey)}`;
