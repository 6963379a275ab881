// Opens an initial child protection conference "to be held", with its due date (S47-03: 15 working
// days from the strategy discussion that started the section 47 enquiry; CP-08 for an unborn baby:
// by week 23 of the pregnancy) and its audit event, inside the CALLER's transaction. The section 47
// module calls it when a strategy discussion decides to convene an ICPC; conveneInitialConference
// (./convene-initial-conference.ts) calls it when a team manager convenes one from the child's record.
// The caller has already checked access to the child's record.
import { findOpenInitialConference, insertConference } from '../../db/child-protection/conference-repository.ts';
import { findActivePlan } from '../../db/child-protection/cp-plan-repository.ts';
import { explainInitialConferenceDue } from '../../domain/child-protection/timescales.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { ValidationError } from '../shared/errors.ts';
import type { Work } from '../shared/unit-of-work.ts';

export const OPEN_CONFERENCE_MESSAGES = {
  strategyDate: 'Enter the date of the strategy discussion as a real date',
  alreadyOpen: 'An initial child protection conference is already waiting to be held for this child',
  onPlan: 'This child already has a child protection plan: a review conference, not an initial one, is next',
  noChild: 'Choose a child or an unborn child',
} as const;

export interface OpenInitialConferenceInput {
  readonly childId: string;
  readonly section47Id: string | null;
  readonly strategyDiscussionId: string | null;
  /** ISO date of the strategy discussion at which the section 47 enquiry started. */
  readonly strategyHeldOn: string;
  readonly teamId: string;
}

/**
 * Throws ValidationError (field `strategyHeldOn`) if the date is not a date, the child already has an
 * initial conference waiting or an active plan, or the person is not a child or unborn child.
 */
export async function openInitialConference(
  work: Work,
  input: OpenInitialConferenceInput,
  options: {
    readonly convenedByUserId?: string | null;
    readonly convenedFrom?: 'section_47' | 'child_record';
    /** The child's primary need, recorded when convened from the child's record (migration 0026). */
    readonly initialPrimaryNeed?: string | null;
  } = {},
): Promise<{ conferenceId: string }> {
  const { trx, now, audit } = work;
  if (!isValidIsoDate(input.strategyHeldOn)) throw new ValidationError({ strategyHeldOn: OPEN_CONFERENCE_MESSAGES.strategyDate });
  const person = await trx.selectFrom('person').select(['personType', 'expectedDateOfDelivery']).where('id', '=', input.childId).executeTakeFirst();
  if (person === undefined || person.personType === 'adult') throw new ValidationError({ childId: OPEN_CONFERENCE_MESSAGES.noChild });
  if ((await findOpenInitialConference(trx, input.childId)) !== undefined) throw new ValidationError({ strategyHeldOn: OPEN_CONFERENCE_MESSAGES.alreadyOpen });
  if ((await findActivePlan(trx, input.childId)) !== undefined) throw new ValidationError({ strategyHeldOn: OPEN_CONFERENCE_MESSAGES.onPlan });

  const preBirth = person.personType === 'unborn' && person.expectedDateOfDelivery !== null;
  const due = explainInitialConferenceDue(
    parseLocalDate(input.strategyHeldOn),
    preBirth && person.expectedDateOfDelivery !== null ? { expectedDateOfDelivery: parseLocalDate(person.expectedDateOfDelivery) } : null,
  );
  const convenedFrom = options.convenedFrom ?? (input.section47Id === null && input.strategyDiscussionId === null ? 'child_record' : 'section_47');
  const conferenceId = await insertConference(trx, {
    childId: input.childId,
    kind: 'initial',
    section47Id: input.section47Id,
    strategyDiscussionId: input.strategyDiscussionId,
    strategyHeldOn: input.strategyHeldOn,
    convenedFrom,
    teamId: input.teamId,
    preBirth,
    dueOn: toIsoDate(due.due),
    dueRuleId: due.rule.id,
    planId: null,
    convenedByUserId: options.convenedByUserId ?? null,
    convenedAt: now,
    initialPrimaryNeed: options.initialPrimaryNeed ?? null,
  });
  await audit({
    action: 'child-protection.initial-conference.opened',
    subjectType: 'cp-conference',
    subjectId: conferenceId,
    childId: input.childId,
    changes: {
      strategyHeldOn: input.strategyHeldOn,
      section47Id: input.section47Id,
      strategyDiscussionId: input.strategyDiscussionId,
      teamId: input.teamId,
      dueOn: toIsoDate(due.due),
      dueRuleId: due.rule.id,
      preBirth,
      convenedFrom,
      ...(options.initialPrimaryNeed === undefined || options.initialPrimaryNeed === null ? {} : { initialPrimaryNeed: options.initialPrimaryNeed }),
    },
  });
  return { conferenceId };
}
