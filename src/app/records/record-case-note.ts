// Records a case note on a child's record: access-checked for change, the event must already have
// happened, recording more than 5 working days after it is flagged late, and the note, the people
// it is about, the removal of the author's draft and the audit event are one transaction.
import { deleteDraft } from '../../db/drafts/draft-repository.ts';
import { insertCaseNote, relatedPersonIds } from '../../db/records/case-note-repository.ts';
import { eventTimingProblem, MANAGER_ONLY_NOTE_TYPES, recordingTimeliness } from '../../domain/records/case-note.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { calendarRangeProblem, STATUTORY_WORKING_DAY_CALENDAR } from '../../domain/shared/calendar/index.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { CASE_NOTE_MESSAGES, type RecordCaseNoteInput } from './case-note-input.ts';
import { openChildRecord } from './child-page.ts';
import { caseNoteDraftJourney } from './case-note-drafts.ts';
import { londonDateTime } from './london-clock.ts';

export async function recordCaseNote(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: RecordCaseNoteInput,
): Promise<{ id: string; recordedLate: boolean; workingDaysToRecord: number }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    const errors: Record<string, string> = {};
    if (MANAGER_ONLY_NOTE_TYPES.includes(input.noteType) && !can(actor, 'records:record-management-oversight')) {
      errors['noteType'] = CASE_NOTE_MESSAGES.managerOnly;
    }
    const recorded = londonDateTime(now);
    const eventDate = parseLocalDate(input.eventDate);
    const timing = eventTimingProblem({ date: eventDate, time: input.eventTime }, { date: parseLocalDate(recorded.date), time: recorded.time });
    if (timing === 'date-in-future') errors['eventDate'] = CASE_NOTE_MESSAGES.eventDateFuture;
    // Lateness is counted in working days, so the event must fall within the calendar's years.
    const outOfRange = calendarRangeProblem(eventDate, CASE_NOTE_MESSAGES.eventDateNamed);
    if (outOfRange !== null) errors['eventDate'] = outOfRange;
    if (timing === 'time-in-future') errors['eventTime'] = CASE_NOTE_MESSAGES.eventTimeFuture;
    const related = new Set(await relatedPersonIds(trx, childId));
    const linked = [...new Set(input.linkedPersonIds)].filter((id) => id !== childId);
    if (linked.some((id) => !related.has(id))) errors['linkedPersonIds'] = CASE_NOTE_MESSAGES.linkedPersonInvalid;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const timeliness = recordingTimeliness(eventDate, parseLocalDate(recorded.date), STATUTORY_WORKING_DAY_CALENDAR);
    const id = await insertCaseNote(trx, {
      childId,
      noteType: input.noteType,
      eventDate: input.eventDate,
      eventTime: input.eventTime,
      summary: input.summary,
      body: input.body,
      significant: input.significant,
      writtenToChild: input.writtenToChild,
      authorUserId: actor.userId,
      recordedAt: now,
      recordedOn: recorded.date,
      workingDaysToRecord: timeliness.workingDays,
      recordedLate: timeliness.late,
      personIds: [childId, ...linked],
    });
    const draft = await deleteDraft(trx, actor.userId, caseNoteDraftJourney(childId));
    await audit({
      action: 'records.case-note.recorded',
      subjectType: 'case-note',
      subjectId: id,
      childId,
      // What kind of note and when: never its words (audit-event.ts).
      changes: {
        noteType: input.noteType,
        eventDate: input.eventDate,
        eventTime: input.eventTime,
        significant: input.significant,
        writtenToChild: input.writtenToChild,
        linkedPeople: linked.length,
        recordedLate: timeliness.late,
        workingDaysToRecord: timeliness.workingDays,
        draftRemoved: draft !== undefined,
      },
    });
    return { id, recordedLate: timeliness.late, workingDaysToRecord: timeliness.workingDays };
  });
}
