// Record that the next step an assessment left open has been done (the plan agreed, the strategy
// discussion held, the child accommodated, the referral made), so it leaves My work. Idempotent: once
// done, a repeat records the request and changes nothing.
import { markNextStepDone, nextStepOfAssessment } from '../../db/assessments/next-step-repository.ts';
import { toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openAssessment } from './assessment-access.ts';
import type { NextStepDoneInput } from './assessment-input.ts';

export async function recordNextStepDone(deps: AppDeps, ctx: RequestContext, childId: string, assessmentId: string, input: NextStepDoneInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openAssessment(trx, ctx, 'assessments:record', 'change', childId, assessmentId, now);
    const step = await nextStepOfAssessment(trx, assessmentId);
    // An assessment with no next step (in progress, or an outcome that opens none) has nothing to record: a conflict with its state.
    if (step === undefined) throw new StaleVersionError('assessment-next-step', assessmentId, { status: 'none' });
    if (step.status === 'done') {
      // Recording it done again (a second click, or two people at once) changes nothing: the first record stands.
      await audit({
        action: 'assessments.next-step.done',
        subjectType: 'assessment-next-step',
        subjectId: step.id,
        childId,
        changes: { assessmentId, alreadyDone: true, doneOn: step.doneOn },
      });
      return;
    }
    const doneOn = toIsoDate(londonToday(now));
    const note = input.note === null || input.note === '' ? null : input.note;
    if (!(await markNextStepDone(trx, step.id, step.version, { doneOn, doneByUserId: actor.userId, doneNote: note })))
      throw new StaleVersionError('assessment-next-step', step.id, { version: step.version });
    await audit({
      action: 'assessments.next-step.done',
      subjectType: 'assessment-next-step',
      subjectId: step.id,
      childId,
      changes: { assessmentId, kind: step.kind, doneOn, dueOn: step.dueOn },
    });
  });
}
