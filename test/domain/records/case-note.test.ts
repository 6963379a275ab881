import { describe, expect, it } from 'vitest';
import {
  CASE_NOTE_TYPES,
  CASE_NOTE_TYPE_LABELS,
  CHRONOLOGY_CATEGORY_OF_NOTE_TYPE,
  eventTimingProblem,
  LATE_RECORDING_THRESHOLD_WORKING_DAYS,
  parseTimeOfDay,
  recordingTimeliness,
} from '../../../src/domain/records/case-note.ts';
import { isChronologyCategory } from '../../../src/domain/records/chronology-entry.ts';
import { createWorkingDayCalendar, STATUTORY_WORKING_DAY_CALENDAR } from '../../../src/domain/shared/calendar/index.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const calendar = STATUTORY_WORKING_DAY_CALENDAR;

describe('the note types (issue 4)', () => {
  it('are the eight the issue names, each with a label and a chronology category', () => {
    expect(CASE_NOTE_TYPES).toEqual(['home_visit', 'child_seen', 'child_seen_alone', 'phone_call', 'meeting', 'management_oversight', 'supervision', 'other']);
    for (const type of CASE_NOTE_TYPES) {
      expect(CASE_NOTE_TYPE_LABELS[type]).toMatch(/^[A-Z]/);
      expect(isChronologyCategory(CHRONOLOGY_CATEGORY_OF_NOTE_TYPE[type])).toBe(true);
    }
  });
});

describe('recorded late: more than 5 working days after the event (CFG)', () => {
  it('uses 5 working days by default', () => {
    expect(LATE_RECORDING_THRESHOLD_WORKING_DAYS).toBe(5);
  });

  it.each([
    ['the same day', '2026-03-02', '2026-03-02', 0, false],
    ['Monday to the next Monday: 5 working days, on time', '2026-03-02', '2026-03-09', 5, false],
    ['Monday to the next Tuesday: 6 working days, late', '2026-03-02', '2026-03-10', 6, true],
    ['Friday to the next Friday: 5, on time (the weekend does not count)', '2026-03-06', '2026-03-13', 5, false],
    ['Saturday event to the following Saturday: 5', '2026-03-07', '2026-03-14', 5, false],
    ['over Easter 2026 (Good Friday 3 April, Easter Monday 6 April): Thursday 2 to Friday 10 April is 4', '2026-04-02', '2026-04-10', 4, false],
    ['over Christmas 2025: Tuesday 23 December to Friday 2 January is 5 (25, 26 December and 1 January are holidays)', '2025-12-23', '2026-01-02', 5, false],
    ['over Christmas 2025: Tuesday 23 December to Monday 5 January is 6, late', '2025-12-23', '2026-01-05', 6, true],
    ['a month later is late', '2026-01-05', '2026-02-05', 23, true],
  ])('%s', (_what, event, recorded, workingDays, late) => {
    expect(recordingTimeliness(d(event), d(recorded), calendar)).toEqual({ workingDays, late });
  });

  it('takes another threshold when an authority configures one', () => {
    expect(recordingTimeliness(d('2026-03-02'), d('2026-03-05'), calendar, 2)).toEqual({ workingDays: 3, late: true });
  });

  it('counts a local closure only when the calendar is configured with it', () => {
    const withClosure = createWorkingDayCalendar({ extraClosures: [d('2026-03-09')] });
    expect(recordingTimeliness(d('2026-03-02'), d('2026-03-10'), withClosure).late).toBe(false);
  });

  it('never reports negative working days', () => {
    expect(recordingTimeliness(d('2026-03-10'), d('2026-03-02'), calendar)).toEqual({ workingDays: 0, late: false });
  });
});

describe('the event must already have happened (Europe/London)', () => {
  const now = { date: d('2026-03-10'), time: '14:30' };
  it.each([
    ['yesterday', '2026-03-09', null, null],
    ['yesterday late evening', '2026-03-09', '23:59', null],
    ['today, no time given', '2026-03-10', null, null],
    ['today, earlier', '2026-03-10', '09:00', null],
    ['today, this minute', '2026-03-10', '14:30', null],
    ['today, later', '2026-03-10', '14:31', 'time-in-future'],
    ['tomorrow', '2026-03-11', null, 'date-in-future'],
    ['tomorrow at midnight', '2026-03-11', '00:00', 'date-in-future'],
  ])('%s', (_what, date, time, problem) => {
    expect(eventTimingProblem({ date: d(date), time }, now)).toBe(problem);
  });
});

describe('reading a time as people type it', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['09.05', '09:05'],
    ['0905', '09:05'],
    ['2:30pm', '14:30'],
    ['2:30 PM', '14:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['11pm', '23:00'],
    ['23:59', '23:59'],
    ['24:00', null],
    ['9', null],
    ['13pm', null],
    ['9:60', null],
    ['noon', null],
  ])('%j is %j', (input, expected) => {
    expect(parseTimeOfDay(input)).toBe(expected);
  });
});
