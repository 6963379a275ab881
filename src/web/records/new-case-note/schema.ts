// The "add a case note" form: the posted fields as typed (kept on errors and in drafts), and the
// note they describe once every field is valid. All errors are reported at once.
import { CASE_NOTE_MESSAGES, caseNoteDraftValues, recordCaseNoteInput, type CaseNoteDraftValues, type RecordCaseNoteInput } from '../../../app/records/case-note-input.ts';
import type { FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { parseTimeOfDay } from '../../../domain/records/case-note.ts';
import { asArray, asString, type FormBody } from '../../shared/forms.ts';
import { isoFromDateParts } from '../shared.ts';

export const FIELDS = ['noteType', 'eventDate', 'eventTime', 'summary', 'body', 'linkedPersonIds', 'significant', 'writtenToChild'];

export type CaseNoteFormValues = CaseNoteDraftValues;

export const EMPTY_VALUES: CaseNoteFormValues = {
  noteType: '',
  eventDateDay: '',
  eventDateMonth: '',
  eventDateYear: '',
  eventTime: '',
  summary: '',
  body: '',
  significant: false,
  writtenToChild: false,
  linkedPersonIds: [],
};

export function formValues(body: FormBody): CaseNoteFormValues {
  return {
    noteType: asString(body['noteType']) ?? '',
    eventDateDay: asString(body['eventDate-day']) ?? asString(body['eventDateDay']) ?? '',
    eventDateMonth: asString(body['eventDate-month']) ?? asString(body['eventDateMonth']) ?? '',
    eventDateYear: asString(body['eventDate-year']) ?? asString(body['eventDateYear']) ?? '',
    eventTime: asString(body['eventTime']) ?? '',
    summary: asString(body['summary']) ?? '',
    body: asString(body['body']) ?? '',
    significant: body['significant'] === 'yes' || body['significant'] === true,
    writtenToChild: body['writtenToChild'] === 'yes' || body['writtenToChild'] === true,
    linkedPersonIds: asArray(body['linkedPersonIds']),
  };
}

/** Values restored from a draft or a rescued form (either shape), with anything unexpected dropped. */
export function restoredValues(data: Record<string, unknown>): CaseNoteFormValues {
  const parsed = caseNoteDraftValues.safeParse(formValues(data));
  return parsed.success ? parsed.data : EMPTY_VALUES;
}

export function draftOf(values: CaseNoteFormValues): { draft: CaseNoteDraftValues } | { errors: FieldErrors } {
  const parsed = caseNoteDraftValues.safeParse(values);
  if (parsed.success) return { draft: parsed.data };
  const errors = fieldErrorsOf(parsed.error);
  const named: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    named[key.startsWith('eventDate') ? 'eventDate' : key] ??= message;
  }
  return { errors: named };
}

export function noteInputOf(values: CaseNoteFormValues): { input: RecordCaseNoteInput } | { errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const date = isoFromDateParts({ day: values.eventDateDay, month: values.eventDateMonth, year: values.eventDateYear }, 'Date of the event', CASE_NOTE_MESSAGES.eventDateRequired);
  if ('error' in date) errors['eventDate'] = date.error;
  let eventTime: string | null = null;
  if (values.eventTime.trim() !== '') {
    eventTime = parseTimeOfDay(values.eventTime);
    if (eventTime === null) errors['eventTime'] = CASE_NOTE_MESSAGES.eventTimeFormat;
  }
  const parsed = recordCaseNoteInput.safeParse({
    noteType: values.noteType === '' ? undefined : values.noteType,
    eventDate: 'iso' in date ? date.iso : '2000-01-01',
    eventTime,
    summary: values.summary,
    body: values.body,
    significant: values.significant,
    writtenToChild: values.writtenToChild,
    linkedPersonIds: values.linkedPersonIds,
  });
  if (!parsed.success) {
    for (const [key, message] of Object.entries(fieldErrorsOf(parsed.error))) errors[key.split('.')[0] ?? key] ??= message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { input: parsed.data };
}
