// The one schema for a case note, its draft and its amendments, used by the pages (and any later API).
import { z } from 'zod';
import { CASE_NOTE_LIMITS, CASE_NOTE_TYPES, TIME_OF_DAY } from '../../domain/records/case-note.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { isStorableText, safeText } from '../shared/safe-text.ts';

export const CASE_NOTE_MESSAGES = {
  noteTypeRequired: 'Select the type of case note',
  eventDateRequired: 'Enter the date of the event',
  eventDateReal: 'Date of the event must be a real date',
  eventDateFuture: 'Date of the event must be today or in the past',
  /** The prefix of the calendar-range message (the calendar adds "must be on or after …"). */
  eventDateNamed: 'Date of the event',
  eventTimeFormat: 'Enter the time of the event like 9:30 or 14:30, or leave it blank',
  eventTimeFuture: 'Time of the event must be now or in the past',
  summaryRequired: 'Enter a summary of the case note',
  summaryTooLong: `Summary must be ${String(CASE_NOTE_LIMITS.summary)} characters or fewer`,
  bodyRequired: 'Enter the case note',
  bodyTooLong: 'Case note must be 50,000 characters or fewer',
  linkedPersonInvalid: 'Select people from the list',
  managerOnly: 'Only a manager can record management oversight: choose another type',
  amendmentReasonRequired: 'Enter why the note needs correcting',
  amendmentReasonTooLong: `Reason must be ${String(CASE_NOTE_LIMITS.amendmentReason)} characters or fewer`,
  amendmentBodyRequired: 'Enter the correction',
  unstorable: 'Remove the characters that cannot be stored (control or broken characters)',
} as const;

export const recordCaseNoteInput = z.object({
  noteType: z.enum(CASE_NOTE_TYPES, { error: CASE_NOTE_MESSAGES.noteTypeRequired }),
  eventDate: z.string({ error: CASE_NOTE_MESSAGES.eventDateRequired }).refine(isValidIsoDate, { error: CASE_NOTE_MESSAGES.eventDateReal }),
  eventTime: z.string().regex(TIME_OF_DAY, { error: CASE_NOTE_MESSAGES.eventTimeFormat }).nullable(),
  summary: safeText({ required: CASE_NOTE_MESSAGES.summaryRequired, tooLong: CASE_NOTE_MESSAGES.summaryTooLong }, CASE_NOTE_LIMITS.summary),
  body: safeText({ required: CASE_NOTE_MESSAGES.bodyRequired, tooLong: CASE_NOTE_MESSAGES.bodyTooLong }, CASE_NOTE_LIMITS.body),
  significant: z.boolean(),
  writtenToChild: z.boolean(),
  linkedPersonIds: z.array(z.uuid({ error: CASE_NOTE_MESSAGES.linkedPersonInvalid })).max(100, { error: CASE_NOTE_MESSAGES.linkedPersonInvalid }),
});

export type RecordCaseNoteInput = z.infer<typeof recordCaseNoteInput>;

const draftText = (max: number) =>
  z
    .string()
    .max(max, { error: `Must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .refine(isStorableText, { error: CASE_NOTE_MESSAGES.unstorable })
    .default('');

/** What a half-written note keeps: whatever was typed, as typed (only what cannot be stored is refused). */
export const caseNoteDraftValues = z.object({
  noteType: draftText(40),
  eventDateDay: draftText(10),
  eventDateMonth: draftText(10),
  eventDateYear: draftText(10),
  eventTime: draftText(20),
  summary: draftText(CASE_NOTE_LIMITS.summary * 2),
  body: draftText(CASE_NOTE_LIMITS.body),
  significant: z.boolean().default(false),
  writtenToChild: z.boolean().default(false),
  linkedPersonIds: z.array(z.string().max(40)).max(100).default([]),
});

export type CaseNoteDraftValues = z.infer<typeof caseNoteDraftValues>;

export const amendCaseNoteInput = z.object({
  reason: safeText({ required: CASE_NOTE_MESSAGES.amendmentReasonRequired, tooLong: CASE_NOTE_MESSAGES.amendmentReasonTooLong }, CASE_NOTE_LIMITS.amendmentReason),
  body: safeText({ required: CASE_NOTE_MESSAGES.amendmentBodyRequired, tooLong: CASE_NOTE_MESSAGES.bodyTooLong }, CASE_NOTE_LIMITS.body),
});

export type AmendCaseNoteInput = z.infer<typeof amendCaseNoteInput>;
