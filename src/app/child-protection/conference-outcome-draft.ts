// The chair's half-written conference outcome, kept in the draft table ("Save and come back later";
// CONVENTIONS.md 12), given back when they open the form again and removed when the outcome is saved.
import { findConference } from '../../db/child-protection/conference-repository.ts';
import { deleteDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openForChildProtection } from './cp-access.ts';
import { icpcDraftJourney } from './record-initial-conference.ts';

export async function saveConferenceOutcomeDraft(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  conferenceId: string,
  values: Record<string, unknown>,
): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:chair', 'change', childId, now);
    const conference = await findConference(trx, childId, conferenceId);
    if (conference?.status !== 'to_be_held') throw new NotFoundError('Conference waiting to be held');
    await upsertDraft(trx, actor.userId, icpcDraftJourney(conferenceId), values, now);
    await audit({ action: 'child-protection.conference-outcome-draft.saved', subjectType: 'cp-conference', subjectId: conferenceId, childId });
  });
}

export async function discardConferenceOutcomeDraft(deps: AppDeps, ctx: RequestContext, childId: string, conferenceId: string): Promise<boolean> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:chair', 'change', childId, now);
    if ((await findConference(trx, childId, conferenceId)) === undefined) throw new NotFoundError('Conference');
    const removed = await deleteDraft(trx, actor.userId, icpcDraftJourney(conferenceId));
    await audit({
      action: 'child-protection.conference-outcome-draft.discarded',
      subjectType: 'cp-conference',
      subjectId: conferenceId,
      childId,
      changes: { existed: removed !== undefined },
    });
    return removed !== undefined;
  });
}
