// The team manager authorises a submitted assessment with its outcome and rationale (seed 004 §8;
// domain-spec §1.3 ASS-02). Timeliness against ASS-01 is recorded as at the day of authorisation, and
// the outcome opens its next record in the same transaction (src/app/assessments/next-records.ts).
import { transitionAssessment } from '../../db/assessments/assessment-repository.ts';
import { authorisationProblems, isAssessmentOutcome } from '../../domain/assessments/outcome.ts';
import { assessmentTimeliness } from '../../domain/assessments/timescales.ts';
import { isPrimaryNeed } from '../../domain/shared/codes/dfe/primary-need.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openAssessment, requireTeamManager } from './assessment-access.ts';
import type { AuthoriseAssessmentInput } from './assessment-input.ts';
import { openNextRecord, type NextRecord } from './next-records.ts';

export interface Authorised {
  readonly withinTimescale: boolean;
  readonly workingDaysTaken: number;
  readonly next: NextRecord;
}

export async function authoriseAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  assessmentId: string,
  input: AuthoriseAssessmentInput,
): Promise<Authorised> {
  return unitOfWork(deps, ctx, async (work) => {
    const { trx, now, audit } = work;
    const { actor, assessment } = await openAssessment(trx, ctx, 'assessments:authorise', 'change', childId, assessmentId, now);
    requireTeamManager(actor, assessment);
    if (assessment.version !== input.version || assessment.status !== 'awaiting_authorisation')
      throw new StaleVersionError('assessment', assessmentId, { version: assessment.version, status: assessment.status });
    const primaryNeed = assessment.primaryNeed !== null && isPrimaryNeed(assessment.primaryNeed) ? assessment.primaryNeed : null;
    const problems = authorisationProblems(input, primaryNeed);
    if (Object.keys(problems).length > 0 || !isAssessmentOutcome(input.outcome)) throw new ValidationError(problems);
    const outcome = input.outcome;
    const today = londonToday(now);
    const timeliness = assessmentTimeliness(parseLocalDate(assessment.referredOn), today);
    const authorisedOn = toIsoDate(today);
    const specialistService = outcome === 'specialist_service' ? input.specialistService : null;
    const familyConsent = outcome === 'step_down_early_help' ? input.familyConsent : null;
    const moved = await transitionAssessment(
      trx,
      assessmentId,
      input.version,
      'awaiting_authorisation',
      'authorised',
      {
        outcome,
        outcomeRationale: input.rationale,
        specialistService,
        familyConsent,
        authorisedByUserId: actor.userId,
        authorisedAt: now,
        authorisedOn,
        workingDaysTaken: timeliness.workingDaysTaken,
        authorisedWithinTimescale: timeliness.met,
      },
      now,
    );
    if (!moved) throw new StaleVersionError('assessment', assessmentId, { version: assessment.version });
    const next = await openNextRecord(work, {
      assessmentId,
      childId,
      teamId: assessment.teamId,
      workerUserId: assessment.workerUserId,
      openedOn: authorisedOn,
      outcome,
      specialistService,
      familyConsent,
    });
    await audit({
      action: 'assessments.assessment.authorised',
      subjectType: 'assessment',
      subjectId: assessmentId,
      childId,
      changes: {
        outcome,
        specialistService,
        familyConsent,
        authorisedOn,
        dueOn: assessment.dueOn,
        workingDaysTaken: timeliness.workingDaysTaken,
        withinTimescale: timeliness.met,
        nextRecord: next.kind === 'none' ? null : { kind: next.kind, id: next.id },
      },
    });
    return { withinTimescale: timeliness.met, workingDaysTaken: timeliness.workingDaysTaken, next };
  });
}
