// Start a child and family assessment from an allocated referral for an assessment (domain-spec §4.2
// T8: allocation, then assessment planning with the team manager). The worker of record is the one the
// referral was allocated to (seed 004 §8: a qualified social worker); ASS-01's clock runs from the
// referral date. Starting again from the same referral opens the assessment already started.
import { assessmentIdForReferral, insertAssessment, loadStartableReferral } from '../../db/assessments/assessment-repository.ts';
import { assessmentDueOn } from '../../domain/assessments/timescales.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { signedIn } from './assessment-access.ts';
import { ASSESSMENT_MESSAGES } from './assessment-input.ts';

export async function startAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: { referralId: string },
): Promise<{ assessmentId: string; started: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = signedIn(ctx, 'assessments:record');
    await guardChildRecord(trx, actor, 'change', childId, now);
    const referral = await loadStartableReferral(trx, childId, input.referralId);
    if (referral === undefined) throw new NotFoundError('Referral');
    if (referral.assessmentId !== null) {
      // Already started (a second click, or someone else first): the request is recorded and opens it.
      await audit({
        action: 'assessments.assessment.started',
        subjectType: 'assessment',
        subjectId: referral.assessmentId,
        childId,
        changes: { referralId: referral.id, alreadyStarted: true },
      });
      return { assessmentId: referral.assessmentId, started: false };
    }
    if (referral.purpose !== 'assessment' || referral.status !== 'allocated' || referral.allocatedWorkerUserId === null) {
      throw new ValidationError({ referralId: ASSESSMENT_MESSAGES.referralNotReady });
    }
    const dueOn = toIsoDate(assessmentDueOn(parseLocalDate(referral.referredOn)));
    const id = await insertAssessment(trx, {
      childId,
      referralId: referral.id,
      teamId: referral.teamId,
      workerUserId: referral.allocatedWorkerUserId,
      referredOn: referral.referredOn,
      dueOn,
      startedByUserId: actor.userId,
      startedAt: now,
    });
    if (id === undefined) {
      // Started by someone else a moment ago: open theirs.
      const existing = await assessmentIdForReferral(trx, referral.id);
      if (existing === undefined) throw new NotFoundError('Assessment');
      await audit({
        action: 'assessments.assessment.started',
        subjectType: 'assessment',
        subjectId: existing,
        childId,
        changes: { referralId: referral.id, alreadyStarted: true },
      });
      return { assessmentId: existing, started: false };
    }
    await audit({
      action: 'assessments.assessment.started',
      subjectType: 'assessment',
      subjectId: id,
      childId,
      changes: { referralId: referral.id, teamId: referral.teamId, workerUserId: referral.allocatedWorkerUserId, referredOn: referral.referredOn, dueOn },
    });
    return { assessmentId: id, started: true };
  });
}
