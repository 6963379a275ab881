// Save a young carer's assessment in progress ("Save and come back later": the draft is the record
// itself, in the database, never the session) or save and submit it to the team manager. A save
// carries the version the form was opened at: a stale save is refused, never silently merged.
import { saveYoungCarerContent, transitionYoungCarerAssessment, type YoungCarerContentColumns } from '../../db/young-carers/young-carer-repository.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { draftProblems, submissionProblems } from '../../domain/young-carers/young-carer-assessment.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openYoungCarerAssessment } from './young-carer-access.ts';
import type { SaveYoungCarerInput } from './young-carer-input.ts';

function columnsOf(content: SaveYoungCarerInput['content']): YoungCarerContentColumns {
  return {
    ...content.sections,
    youngCarerSeenOn: content.youngCarerSeenOn,
    careAppropriate: content.careAppropriate,
    wishesToContinueCaring: content.wishesToContinueCaring,
    outcomes: [...new Set(content.outcomes)],
  };
}

const stale = (id: string, childId: string, current: unknown) =>
  new StaleVersionError('young-carer-assessment', id, current, { module: 'young-carers', childId });

export async function saveYoungCarerAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  id: string,
  input: SaveYoungCarerInput,
  options: { readonly submit: boolean },
): Promise<{ version: number; submitted: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, assessment } = await openYoungCarerAssessment(trx, ctx, 'young-carers:record', 'change', childId, id, now);
    if (assessment.version !== input.version || assessment.status !== 'in_progress')
      throw stale(id, childId, { version: assessment.version, status: assessment.status });
    const context = { requestedOn: parseLocalDate(assessment.requestedOn), today: londonToday(now), caredForIsAdult: assessment.caredForIsAdult };
    const content = { ...input.content, outcomes: [...new Set(input.content.outcomes)] };
    const problems = options.submit ? submissionProblems(content, context, parseLocalDate) : draftProblems(content, context, parseLocalDate);
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    const columns = columnsOf(content);
    if (!(await saveYoungCarerContent(trx, id, input.version, columns, now))) throw stale(id, childId, { version: assessment.version });
    const changedSections = Object.entries(input.content.sections)
      .filter(([key, text]) => assessment[key as keyof typeof input.content.sections] !== text)
      .map(([key]) => key);
    await audit({
      action: 'young-carers.assessment.saved',
      subjectType: 'young-carer-assessment',
      subjectId: id,
      childId,
      changes: {
        changedSections,
        youngCarerSeenOn: columns.youngCarerSeenOn,
        careAppropriate: columns.careAppropriate,
        wishesToContinueCaring: columns.wishesToContinueCaring,
        outcomes: columns.outcomes,
        version: input.version + 1,
      },
    });
    if (!options.submit) return { version: input.version + 1, submitted: false };
    const moved = await transitionYoungCarerAssessment(
      trx,
      id,
      input.version + 1,
      'in_progress',
      'awaiting_authorisation',
      { submittedByUserId: actor.userId, submittedAt: now },
      now,
    );
    if (!moved) throw stale(id, childId, { version: input.version + 1 });
    await audit({
      action: 'young-carers.assessment.submitted',
      subjectType: 'young-carer-assessment',
      subjectId: id,
      childId,
      changes: { teamId: assessment.teamId },
    });
    return { version: input.version + 2, submitted: true };
  });
}
