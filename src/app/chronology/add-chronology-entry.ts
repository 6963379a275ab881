// Adds an entry to a child's chronology by hand (an event known from elsewhere: a police
// notification, a hospital admission, a move). Access-checked for change, dated today or earlier,
// audited without its words.
import { insertChronologyEntry } from '../../db/records/chronology-repository.ts';
import { manualEntryDateProblem } from '../../domain/records/chronology-entry.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { openChildRecord, type ChildHeader } from '../records/child-page.ts';
import { londonDateTime } from '../records/london-clock.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { CHRONOLOGY_MESSAGES, type AddChronologyEntryInput } from './chronology-entry-input.ts';

export async function addChronologyEntry(deps: AppDeps, ctx: RequestContext, childId: string, input: AddChronologyEntryInput): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    if (manualEntryDateProblem(parseLocalDate(input.entryDate), parseLocalDate(londonDateTime(now).date)) !== null) {
      throw new ValidationError({ entryDate: CHRONOLOGY_MESSAGES.dateFuture });
    }
    const id = await insertChronologyEntry(trx, { childId, ...input, recordedByUserId: actor.userId, recordedAt: now });
    await audit({ action: 'records.chronology-entry.added', subjectType: 'chronology-entry', subjectId: id, childId, changes: { entryDate: input.entryDate, category: input.category } });
    return { id };
  });
}

export async function openChronologyEntryForm(deps: AppDeps, ctx: RequestContext, childId: string, options: { readonly audit?: boolean } = {}): Promise<{ child: ChildHeader }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { child } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    // Not audited again when the form is shown back with errors (see openCaseNoteForm).
    if (options.audit !== false) await audit({ action: 'records.chronology-entry-form.viewed', subjectType: 'person', subjectId: childId, childId });
    return { child };
  });
}
