// Case notes on a child's record (procedure manual 2: case recording): what kind of contact or work
// a note records, when recording counts as late, and the rules for the event's date and time.
//
// The types are the ones the people-and-records issue names (home visit, child seen, child seen
// alone, phone call, meeting, management oversight, supervision) plus "other". Seed 001 ¶19 (Ofsted,
// 2024) praises records "written to children using child-friendly language": a note can be marked as
// written to the child and is then shown addressed to them.
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/index.ts';
import type { ChronologyCategory } from './chronology-entry.ts';

export const CASE_NOTE_TYPES = [
  'home_visit',
  'child_seen',
  'child_seen_alone',
  'phone_call',
  'meeting',
  'management_oversight',
  'supervision',
  'other',
] as const;

export type CaseNoteType = (typeof CASE_NOTE_TYPES)[number];

export const CASE_NOTE_TYPE_LABELS: Readonly<Record<CaseNoteType, string>> = {
  home_visit: 'Home visit',
  child_seen: 'Child seen',
  child_seen_alone: 'Child seen alone',
  phone_call: 'Phone call',
  meeting: 'Meeting',
  management_oversight: 'Management oversight',
  supervision: 'Supervision',
  other: 'Other',
};

export function isCaseNoteType(value: string): value is CaseNoteType {
  return (CASE_NOTE_TYPES as readonly string[]).includes(value);
}

/**
 * Management oversight is a manager's record of their direction on a case; only someone whose role
 * carries `records:record-management-oversight` may write one (the app layer checks the permission).
 */
export const MANAGER_ONLY_NOTE_TYPES: readonly CaseNoteType[] = ['management_oversight'];

/** Where a significant note of each type sits in the chronology. */
export const CHRONOLOGY_CATEGORY_OF_NOTE_TYPE: Readonly<Record<CaseNoteType, ChronologyCategory>> = {
  home_visit: 'visit',
  child_seen: 'visit',
  child_seen_alone: 'visit',
  phone_call: 'communication',
  meeting: 'meeting',
  management_oversight: 'management',
  supervision: 'management',
  other: 'other',
};

/**
 * CFG (no figure in the seeds or national rules; proposed default, configurable): a note recorded
 * more than 5 working days after the event it records is flagged as recorded late.
 */
export const LATE_RECORDING_THRESHOLD_WORKING_DAYS = 5;

export interface RecordingTimeliness {
  /** Working days from the event to the day it was recorded (the event day is day 0). */
  readonly workingDays: number;
  readonly late: boolean;
}

/**
 * How promptly a note was recorded, counted in working days (weekends and England and Wales bank
 * holidays excluded, domain-spec §2.1-2.2) from the event's date to the recording date.
 */
export function recordingTimeliness(
  eventDate: LocalDate,
  recordedOn: LocalDate,
  calendar: WorkingDayCalendar,
  thresholdWorkingDays: number = LATE_RECORDING_THRESHOLD_WORKING_DAYS,
): RecordingTimeliness {
  const workingDays = Math.max(0, calendar.workingDaysBetween(eventDate, recordedOn));
  return { workingDays, late: workingDays > thresholdWorkingDays };
}

/** A time of day on the 24-hour clock, 'HH:MM'. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Reads what people type for a time: '9:05', '09.05', '0905', '14:30', '2:30pm', '12am'. */
export function parseTimeOfDay(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?(am|pm)?$/.exec(text);
  if (match === null) return null;
  const [, h, m, meridiem] = match;
  let hours = Number(h);
  const minutes = m === undefined ? 0 : Number(m);
  if (m === undefined && meridiem === undefined) return null;
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export type EventTimingProblem = 'date-in-future' | 'time-in-future';

/**
 * An event a note records must already have happened: its date may not be after today and, when it
 * is today, its time (if given) may not be after the current time. Dates and times are Europe/London.
 */
export function eventTimingProblem(
  event: { readonly date: LocalDate; readonly time: string | null },
  now: { readonly date: LocalDate; readonly time: string },
): EventTimingProblem | null {
  if (event.date.isAfter(now.date)) return 'date-in-future';
  if (event.date.isEqual(now.date) && event.time !== null && event.time > now.time) return 'time-in-future';
  return null;
}

export const CASE_NOTE_LIMITS = {
  summary: 200,
  body: 50_000,
  amendmentReason: 500,
} as const;
