// Adds a correction to a saved case note. The note itself is never changed (the database refuses):
// the amendment is linked to it, shown with it, and audited.
import { caseNoteBelongsToChild, insertCaseNoteAmendment } from '../../db/records/case-note-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import type { AmendCaseNoteInput } from './case-note-input.ts';
import { openChildRecord } from './child-page.ts';

export async function amendCaseNote(deps: AppDeps, ctx: RequestContext, childId: string, noteId: string, input: AmendCaseNoteInput): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    if ((await caseNoteBelongsToChild(trx, childId, noteId)) === undefined) throw new NotFoundError('Case note');
    const id = await insertCaseNoteAmendment(trx, { caseNoteId: noteId, childId, reason: input.reason, body: input.body, authorUserId: actor.userId, recordedAt: now });
    await audit({ action: 'records.case-note.amended', subjectType: 'case-note', subjectId: noteId, childId, changes: { amendmentId: id } });
    return { id };
  });
}
