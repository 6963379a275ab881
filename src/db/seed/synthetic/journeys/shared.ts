// Helpers the journey modules share: working-day arithmetic and due dates from the statutory rules in
// src/domain (the same rules the use cases apply), on the generator's whole-day numbers.
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../../../domain/shared/calendar/index.ts';
import { dueDate, type TimescaleRule } from '../../../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../../../domain/shared/time/local-date.ts';
import { dayOf, isoOf } from '../dates.ts';
import type { Phase } from '../stories.ts';
import type { FamilyRecord } from '../module.ts';
import type { Stage } from '../proportions.ts';
import { createRandom, type Random } from '../random.ts';
import { weighted } from '../sampling.ts';

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

/** Primary need at assessment [CIN24, table B1, rounded; CFG]. */
const PRIMARY_NEED = [
  ['N1', 0.55],
  ['N5', 0.15],
  ['N4', 0.09],
  ['N2', 0.05],
  ['N3', 0.04],
  ['N6', 0.03],
  ['N8', 0.03],
  ['N9', 0.05],
  ['N7', 0.01],
] as const;
/** A child's primary need for the story's stage. */
export function primaryNeed(random: Random, stage: Stage): string {
  if (stage === 'disabled') return 'N2';
  if (stage === 'child_protection') return random.chance(0.9) ? 'N1' : 'N5';
  return weighted(random, PRIMARY_NEED);
}

/**
 * The primary need recorded where work starts (at the referral, or on a strategy discussion convened
 * from the child's record; migration 0026), from its own stream seeded by `seed`, so that recording it
 * leaves every other generated value as it was.
 */
export function needAtStart(seed: number, stage: Stage): string {
  return primaryNeed(createRandom(seed), stage);
}
