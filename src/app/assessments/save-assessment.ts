// Save an assessment in progress ("Save and come back later": the content is kept on the assessment
// itself, in the database, never in the session) or save and submit it to the team manager. A save
// carries the version the form was opened at: a stale save is refused, never silently merged.
import { saveAssessmentContent, transitionAssessment, type AssessmentContentColumns } from '../../db/assessments/assessment-repository.ts';
import { seenDateProblems, submissionProblems, SUBMISSION_MESSAGES } from '../../domain/assessments/child-and-family-assessment.ts';
import { assessmentFactorsProblem } from '../../domain/shared/codes/dfe/assessment-factors.ts';
import { isPrimaryNeed } from '../../domain/shared/codes/dfe/primary-need.ts';
import type { LocalDate } from '@js-joda/core';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openAssessment } from './assessment-access.ts';
import { ASSESSMENT_MESSAGES, type SaveAssessmentInput } from './assessment-input.ts';

function columnsOf(content: SaveAssessmentInput['content']): AssessmentContentColumns {
  const reason = content.notSeenAloneReason === null || content.notSeenAloneReason === '' ? null : content.notSeenAloneReason;
  return {
    ...content.sections,
    planningChecklist: [...new Set(content.planningChecklist)],
    childSeenOn: content.childSeenOn,
    childSeenAloneOn: content.childSeenAloneOn,
    notSeenAloneReason: reason,
    factors: [...new Set(content.factors)],
    primaryNeed: content.primaryNeed === '' ? null : content.primaryNeed,
  };
}

/** What even a draft must respect: real codes, the census rules on factors, dates that make sense. */
function draftProblems(columns: AssessmentContentColumns, referredOn: string, today: LocalDate): Record<string, string> {
  const problems = seenDateProblems(columns, parseLocalDate(referredOn), today, parseLocalDate);
  const factorProblem = columns.factors.length === 0 ? null : assessmentFactorsProblem(columns.factors);
  if (factorProblem !== null) problems['factors'] = SUBMISSION_MESSAGES.factors[factorProblem];
  if (columns.primaryNeed !== null && !isPrimaryNeed(columns.primaryNeed)) problems['primaryNeed'] = ASSESSMENT_MESSAGES.primaryNeed;
  return problems;
}

export async function saveAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  assessmentId: string,
  input: SaveAssessmentInput,
  options: { readonly submit: boolean },
): Promise<{ version: number; submitted: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, assessment } = await openAssessment(trx, ctx, 'assessments:record', 'change', childId, assessmentId, now);
    if (assessment.version !== input.version || assessment.status !== 'in_progress')
      throw new StaleVersionError('assessment', assessmentId, { version: assessment.version, status: assessment.status });
    const columns = columnsOf(input.content);
    const today = londonToday(now);
    const problems = options.submit
      ? submissionProblems({ ...columns, sections: input.content.sections }, parseLocalDate(assessment.referredOn), today, parseLocalDate)
      : draftProblems(columns, assessment.referredOn, today);
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    if (!(await saveAssessmentContent(trx, assessmentId, input.version, columns, now)))
      throw new StaleVersionError('assessment', assessmentId, { version: assessment.version });
    const changedSections = Object.entries(input.content.sections)
      .filter(([key, text]) => assessment[key as keyof typeof input.content.sections] !== text)
      .map(([key]) => key);
    const changes = {
      changedSections,
      planningChecklist: columns.planningChecklist,
      childSeenOn: columns.childSeenOn,
      childSeenAloneOn: columns.childSeenAloneOn,
      notSeenAloneReasonGiven: columns.notSeenAloneReason !== null,
      factors: columns.factors,
      primaryNeed: columns.primaryNeed,
    };
    await audit({ action: 'assessments.assessment.saved', subjectType: 'assessment', subjectId: assessmentId, childId, changes });
    if (!options.submit) return { version: input.version + 1, submitted: false };
    const moved = await transitionAssessment(
      trx,
      assessmentId,
      input.version + 1,
      'in_progress',
      'awaiting_authorisation',
      { submittedByUserId: actor.userId, submittedAt: now },
      now,
    );
    if (!moved) throw new StaleVersionError('assessment', assessmentId, { version: input.version + 1 });
    await audit({
      action: 'assessments.assessment.submitted',
      subjectType: 'assessment',
      subjectId: assessmentId,
      childId,
      changes: { teamId: assessment.teamId },
    });
    return { version: input.version + 2, submitted: true };
  });
}
