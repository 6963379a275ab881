// The "add a case note" form and its draft. A worker's half-written note is kept in the `draft`
// table (one per worker and child, never in the session: CONVENTIONS.md 12) when they choose "Save as
// draft", given back whenever they open the form again, and removed when the note is saved.
import { deleteDraft, findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import { CASE_NOTE_TYPES, MANAGER_ONLY_NOTE_TYPES, type CaseNoteType } from '../../domain/records/case-note.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { caseNoteDraftValues, type CaseNoteDraftValues } from './case-note-input.ts';
import { openChildRecord, type ChildHeader } from './child-page.ts';

/** The draft table's journey key for a worker's new note on one child. */
export const caseNoteDraftJourney = (childId: string): string => `records:case-note:new:${childId}`;

export interface CaseNoteForm {
  readonly child: ChildHeader;
  readonly noteTypes: readonly CaseNoteType[];
  readonly draft: CaseNoteDraftValues | null;
}

/**
 * Opens the form. `audit: false` is for showing the same form again with the errors in what was
 * just posted: access is checked again, but no second view is recorded for a request that did nothing.
 */
export async function openCaseNoteForm(deps: AppDeps, ctx: RequestContext, childId: string, options: { readonly audit?: boolean } = {}): Promise<CaseNoteForm> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    const stored = await findDraft(trx, actor.userId, caseNoteDraftJourney(childId));
    const parsed = stored === undefined ? null : caseNoteDraftValues.safeParse(stored);
    const draft = parsed?.success === true ? parsed.data : null;
    const noteTypes = CASE_NOTE_TYPES.filter((t) => !MANAGER_ONLY_NOTE_TYPES.includes(t) || can(actor, 'records:record-management-oversight'));
    if (options.audit !== false) await audit({ action: 'records.case-note-form.viewed', subjectType: 'person', subjectId: childId, childId, changes: { draft: draft !== null } });
    return { child, noteTypes, draft };
  });
}

export async function saveCaseNoteDraft(deps: AppDeps, ctx: RequestContext, childId: string, values: CaseNoteDraftValues): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    await upsertDraft(trx, actor.userId, caseNoteDraftJourney(childId), { ...values }, now);
    await audit({ action: 'records.case-note-draft.saved', subjectType: 'person', subjectId: childId, childId });
  });
}

export async function discardCaseNoteDraft(deps: AppDeps, ctx: RequestContext, childId: string): Promise<boolean> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    const removed = await deleteDraft(trx, actor.userId, caseNoteDraftJourney(childId));
    await audit({ action: 'records.case-note-draft.discarded', subjectType: 'person', subjectId: childId, childId, changes: { existed: removed !== undefined } });
    return removed !== undefined;
  });
}
