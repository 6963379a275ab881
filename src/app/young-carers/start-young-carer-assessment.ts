// Start a young carer's needs assessment from the child's record (s17ZA Children Act 1989: on the
// young carer's or a parent's request, or where it appears the child may have needs for support; seed
// 004 §17). Records who is cared for (a person already related to the child, or a name and
// relationship), the caring and its hours, and who asked and when; YC-01's clock runs from the request.
// The worker is the one who starts it; the team is the child's allocated team (or the worker's own).
import { listRelatedPeople } from '../../db/people/relationship-repository.ts';
import { currentAllocationTeam, insertYoungCarerAssessment } from '../../db/young-carers/young-carer-repository.ts';
import { FIRST_MODELLED_YEAR } from '../../domain/shared/calendar/bank-holidays-england-wales.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { youngCarerAssessmentDueOn } from '../../domain/young-carers/timescales.ts';
import { CARED_FOR_FROM_PERSON_RELATIONSHIP, requestDateProblem } from '../../domain/young-carers/young-carer-assessment.ts';
import { londonToday } from '../front-door/london-time.ts';
import { openChildRecord } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { signedIn } from './young-carer-access.ts';
import { YOUNG_CARER_INPUT_MESSAGES as M, type StartYoungCarerInput } from './young-carer-input.ts';

export async function startYoungCarerAssessment(deps: AppDeps, ctx: RequestContext, childId: string, input: StartYoungCarerInput): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = signedIn(ctx, 'young-carers:record');
    const { child } = await openChildRecord(trx, actor, 'change', childId, now);
    const problems: Record<string, string> = {};
    if (child.personType !== 'child') problems['caredForPersonId'] = 'A young carer’s assessment is for a child who has been born';
    const today = londonToday(now);
    const requestedOn = parseLocalDate(input.requestedOn);
    const dateProblem = requestDateProblem(requestedOn, today, child.dateOfBirth === null ? null : parseLocalDate(child.dateOfBirth), FIRST_MODELLED_YEAR);
    if (dateProblem !== null) problems['requestedOn'] = dateProblem;

    let caredFor: { personId: string | null; name: string; relationship: string; isAdult: boolean } | null = null;
    if (input.caredForPersonId !== null) {
      const related = (await listRelatedPeople(trx, actor, now, [childId])).find((r) => r.relatedPersonId === input.caredForPersonId && r.visible);
      if (related === undefined) problems['caredForPersonId'] = M.caredForPerson;
      else {
        caredFor = {
          personId: related.relatedPersonId,
          name: `${related.givenName} ${related.familyName}`,
          relationship: input.caredForRelationship ?? CARED_FOR_FROM_PERSON_RELATIONSHIP[related.relationship] ?? 'other',
          isAdult: related.personType === 'adult',
        };
      }
    } else {
      if (input.caredForName === '') problems['caredForName'] = M.caredForName;
      if (input.caredForRelationship === null) problems['caredForRelationship'] = M.caredForRelationship;
      if (input.caredForIsAdult === null) problems['caredForIsAdult'] = M.caredForIsAdult;
      if (input.caredForName !== '' && input.caredForRelationship !== null && input.caredForIsAdult !== null) {
        caredFor = { personId: null, name: input.caredForName, relationship: input.caredForRelationship, isAdult: input.caredForIsAdult };
      }
    }
    const teamId = (await currentAllocationTeam(trx, childId)) ?? actor.teams[0]?.teamId;
    if (teamId === undefined) problems['caredForPersonId'] ??= 'You need to be in a team to start an assessment';
    if (Object.keys(problems).length > 0 || caredFor === null || teamId === undefined) throw new ValidationError(problems);

    const dueOn = toIsoDate(youngCarerAssessmentDueOn(requestedOn));
    const values = {
      childId,
      teamId,
      workerUserId: actor.userId,
      caredForPersonId: caredFor.personId,
      caredForName: caredFor.name,
      caredForRelationship: caredFor.relationship,
      caredForIsAdult: caredFor.isAdult,
      caredForNeeds: [...new Set(input.caredForNeeds)],
      caringTasks: [...new Set(input.caringTasks)],
      caringTasksDetail: input.caringTasksDetail,
      hoursPerWeek: input.hoursPerWeek,
      requestedOn: input.requestedOn,
      requestedBy: input.requestedBy,
      requestedByDetail: input.requestedByDetail,
      dueOn,
    };
    const id = await insertYoungCarerAssessment(trx, { ...values, startedByUserId: actor.userId, startedAt: now });
    await audit({
      action: 'young-carers.assessment.started',
      subjectType: 'young-carer-assessment',
      subjectId: id,
      childId,
      // the cared-for person's name is on the record; the audit names the link, not the person
      changes: {
        teamId,
        workerUserId: actor.userId,
        caredForPersonId: caredFor.personId,
        caredForRelationship: caredFor.relationship,
        caredForIsAdult: caredFor.isAdult,
        caredForNeeds: values.caredForNeeds,
        caringTasks: values.caringTasks,
        hoursPerWeek: values.hoursPerWeek,
        requestedOn: values.requestedOn,
        requestedBy: values.requestedBy,
        dueOn,
      },
    });
    return { id };
  });
}
