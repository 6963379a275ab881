// The demo authority's young carers' needs assessments (seed 004 §17), so the Young carers pages, My
// work and the manager's authorisation have something to show on first start: one in progress for the
// demo social worker's allocated child (DEMO_CHILD_IDS.allocated), caring for a parent on their record;
// one awaiting the FST North team manager's authorisation and one authorised with a support plan to
// review, for two more children on the same worker's caseload. All text and people are synthetic.
import { LocalDate } from '@js-joda/core';
import type { Transaction } from 'kysely';
import { STATUTORY_WORKING_DAY_CALENDAR as CALENDAR } from '../../domain/shared/calendar/index.ts';
import { supportPlanReviewDueOn, youngCarerAssessmentDueOn, youngCarerAssessmentTimeliness } from '../../domain/young-carers/timescales.ts';
import type { Database } from '../schema.ts';
import { DEMO_USER_IDS } from './users.ts';

const yid = (n: number): string => `00000000-0000-4000-8c4e-${n.toString().padStart(12, '0')}`;

/** Young carers' assessments the tests and docs can name. */
export const DEMO_YOUNG_CARER_IDS = {
  /** In progress for DEMO_CHILD_IDS.allocated, written in part. */
  inProgress: yid(1),
  /** Submitted, awaiting the FST North team manager's authorisation. */
  awaitingAuthorisation: yid(2),
  /** Authorised with a support plan whose review is due. */
  authorised: yid(3),
} as const;

const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const at = (date: LocalDate, hour: number): Date => new Date(`${date.toString()}T${String(hour).padStart(2, '0')}:00:00Z`);

const WRITTEN = {
  caringRole: 'Helps mum get up and dressed most mornings and reminds her to take her tablets; cooks tea three nights a week.',
  appropriateness: 'Reminding about medication is appropriate with support; helping with bathing is not appropriate at this age.',
  wellbeingImpact: 'Tired in the mornings, worries about mum when at school. Says they feel proud to help but sometimes cross.',
  educationEmployment: 'Late to school twice a week this term; homework often unfinished. Hopes to do an apprenticeship in catering.',
  leisure: 'Stopped going to football practice in the autumn because of evenings at home.',
  youngCarerViews: '“I want to keep helping mum but I want to go back to football.”',
  familyViews: 'Mum wants more help from adult services so her child can do less; agrees with a referral to the Access Team.',
  servicesForCaredFor: 'A care package in the mornings from adult social care would remove the personal care tasks.',
  needsIdentified: 'Time for football and friends; help in school with lateness; someone to talk to about worries.',
};

export async function seedDemoYoungCarers(
  trx: Transaction<Database>,
  options: { now: Date; allocatedChildId: string; teamId: (code: string) => string },
): Promise<void> {
  const { now } = options;
  const today = LocalDate.parse(london.format(now));
  const teamId = options.teamId('FST_NORTH');
  const others = await trx
    .selectFrom('allocation')
    .select('childId')
    .where('workerUserId', '=', DEMO_USER_IDS.socialWorker)
    .where('teamId', '=', teamId)
    .where('endedOn', 'is', null)
    .where('childId', '<>', options.allocatedChildId)
    .orderBy('childId', 'desc')
    .limit(2)
    .execute();
  const parentOf = async (childId: string) =>
    trx
      .selectFrom('personRelationship as r')
      .innerJoin('person as p', 'p.id', 'r.relatedPersonId')
      .select(['p.id', 'p.givenName', 'p.familyName', 'p.personType'])
      .where('r.personId', '=', childId)
      .where('r.relationship', '=', 'parent')
      .where('p.personType', '=', 'adult')
      .orderBy('p.id')
      .executeTakeFirst();

  const demo = [
    { id: DEMO_YOUNG_CARER_IDS.inProgress, childId: options.allocatedChildId, requestedDaysAgo: 8, status: 'in_progress' as const },
    { id: DEMO_YOUNG_CARER_IDS.awaitingAuthorisation, childId: others[0]?.childId, requestedDaysAgo: 30, status: 'awaiting_authorisation' as const },
    { id: DEMO_YOUNG_CARER_IDS.authorised, childId: others[1]?.childId, requestedDaysAgo: 70, status: 'authorised' as const },
  ];
  for (const d of demo) {
    if (d.childId === undefined) continue;
    const parent = await parentOf(d.childId);
    const requestedOn = CALENDAR.addWorkingDays(today, -d.requestedDaysAgo);
    const startedAt = at(requestedOn, 10);
    const complete = d.status !== 'in_progress';
    const seenOn = CALENDAR.addWorkingDays(requestedOn, 3);
    const authorisedOn = CALENDAR.addWorkingDays(requestedOn, 40);
    const timeliness = youngCarerAssessmentTimeliness(requestedOn, authorisedOn);
    await trx
      .insertInto('youngCarerAssessment')
      .values({
        id: d.id,
        childId: d.childId,
        teamId,
        workerUserId: DEMO_USER_IDS.socialWorker,
        caredForPersonId: parent?.id ?? null,
        caredForName: parent === undefined ? 'Dana Whitlow' : `${parent.givenName} ${parent.familyName}`,
        caredForRelationship: 'parent',
        caredForIsAdult: true,
        caredForNeeds: ['mental_health', 'physical_disability'],
        caringTasks: ['personal_care', 'medication', 'household', 'emotional_support'],
        caringTasksDetail: 'Mornings before school and most evenings.',
        hoursPerWeek: 15,
        requestedOn: requestedOn.toString(),
        requestedBy: d.status === 'in_progress' ? 'school' : 'parent',
        requestedByDetail: d.status === 'in_progress' ? 'Pastoral lead' : '',
        dueOn: youngCarerAssessmentDueOn(requestedOn).toString(),
        status: d.status,
        youngCarerSeenOn: seenOn.toString(),
        caringRole: WRITTEN.caringRole,
        appropriateness: complete ? WRITTEN.appropriateness : '',
        careAppropriate: complete ? 'excessive_or_inappropriate' : null,
        wishesToContinueCaring: complete ? 'with_less' : null,
        wellbeingImpact: WRITTEN.wellbeingImpact,
        educationEmployment: complete ? WRITTEN.educationEmployment : '',
        leisure: complete ? WRITTEN.leisure : '',
        youngCarerViews: complete ? WRITTEN.youngCarerViews : '',
        familyViews: complete ? WRITTEN.familyViews : '',
        servicesForCaredFor: complete ? WRITTEN.servicesForCaredFor : '',
        needsIdentified: complete ? WRITTEN.needsIdentified : '',
        outcomes: complete ? ['support_plan', 'signpost_young_carers_service', 'adult_care_assessment_referral'] : [],
        startedByUserId: DEMO_USER_IDS.socialWorker,
        startedAt,
        updatedAt: startedAt,
        submittedByUserId: complete ? DEMO_USER_IDS.socialWorker : null,
        submittedAt: complete ? at(CALENDAR.addWorkingDays(d.status === 'authorised' ? authorisedOn : today, -1), 15) : null,
        authorisedByUserId: d.status === 'authorised' ? DEMO_USER_IDS.teamManager : null,
        authorisedAt: d.status === 'authorised' ? at(authorisedOn, 11) : null,
        authorisedOn: d.status === 'authorised' ? authorisedOn.toString() : null,
        managementComments: d.status === 'authorised' ? 'Agree: support plan with Young Carers MK; Access Team referral made for mum.' : null,
        workingDaysTaken: d.status === 'authorised' ? timeliness.workingDaysTaken : null,
        authorisedWithinTimescale: d.status === 'authorised' ? timeliness.met : null,
        supportPlanReviewFrom: d.status === 'authorised' ? authorisedOn.toString() : null,
        supportPlanReviewDueOn: d.status === 'authorised' ? supportPlanReviewDueOn(authorisedOn).toString() : null,
      })
      .execute();
  }
}
