// Reads for the statutory returns (CIN census, Ofsted Annex A). A return covers every child the
// authority worked with, whatever the record's restriction: the DfE and Ofsted require all of them,
// and the figures leave Hearth only as the return itself. No names are read: the returns carry
// identifiers, dates and codes. A merged record is reported under the record it was merged into.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface ReferralRow {
  readonly childId: string;
  readonly referredOn: string;
  readonly referralSource: string;
  /** The primary need recorded at the MASH decision (migration 0026); null on older referrals. */
  readonly primaryNeed: string | null;
}

/** Every referral to children's social care on or before `upTo`, by child and date. */
export async function referralsUpTo(db: Db, upTo: string): Promise<ReferralRow[]> {
  return db
    .selectFrom('referral as r')
    .innerJoin('person as p', 'p.id', 'r.childId')
    .select([sql<string>`coalesce(p.merged_into_person_id, r.child_id)`.as('childId'), 'r.referredOn', 'r.referralSource', 'r.primaryNeed'])
    .where('r.referredOn', '<=', upTo)
    .orderBy('childId')
    .orderBy('r.referredOn')
    .execute();
}

export interface ChildRow {
  readonly id: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly ethnicity: string | null;
  readonly disabilities: string[];
  readonly upn: string | null;
  /** Why the UPN is not known (migration 0023). */
  readonly upnUnknownReason: string | null;
  /** The LA child identifier (migration 0020). */
  readonly laChildId: string;
}

/** The characteristics of the given children (identifiers, dates of birth, sex, ethnicity, disability). */
export async function childrenByIds(db: Db, ids: readonly string[]): Promise<ChildRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'personType', 'dateOfBirth', 'expectedDateOfDelivery', 'gender', 'ethnicity', 'disabilities', 'upn', 'upnUnknownReason', 'laChildId'])
    .where('id', 'in', ids)
    .execute();
}

export interface ContactChildRow {
  readonly contactId: string;
  readonly reference: string;
  readonly position: number;
  readonly receivedOn: string;
  readonly referralSource: string;
  /** Null when the child named on the contact was never linked to a record. */
  readonly personId: string | null;
  readonly contactDateOfBirth: string | null;
}

/** Every child named on a contact received between `from` and `to` inclusive. */
export async function contactChildrenBetween(db: Db, from: string, to: string): Promise<ContactChildRow[]> {
  return db
    .selectFrom('contact as c')
    .innerJoin('contactPerson as cp', 'cp.contactId', 'c.id')
    .leftJoin('person as p', 'p.id', 'cp.personId')
    .select([
      'c.id as contactId',
      'c.reference',
      'cp.position',
      'c.receivedOn',
      'c.referralSource',
      sql<string | null>`coalesce(p.merged_into_person_id, cp.person_id)`.as('personId'),
      'cp.dateOfBirth as contactDateOfBirth',
    ])
    .where('cp.role', '=', 'child')
    .where('c.receivedOn', '>=', from)
    .where('c.receivedOn', '<=', to)
    .orderBy('c.receivedOn')
    .orderBy('c.reference')
    .orderBy('cp.position')
    .execute();
}

export interface AnnexReferralRow {
  readonly childId: string;
  readonly referredOn: string;
  readonly referralSource: string;
  readonly teamName: string;
  readonly workerName: string | null;
  /** Referrals of the same child in the 12 months before this one. */
  readonly referralsInLast12Months: number;
}

/** Referrals made between `from` and `to`, with the team and worker they went to. */
export async function referralsBetween(db: Db, from: string, to: string): Promise<AnnexReferralRow[]> {
  const rows = await db
    .selectFrom('referral as r')
    .innerJoin('person as p', 'p.id', 'r.childId')
    .innerJoin('team as t', 't.id', 'r.teamId')
    .leftJoin('appUser as u', 'u.id', 'r.allocatedWorkerUserId')
    .select([
      sql<string>`coalesce(p.merged_into_person_id, r.child_id)`.as('childId'),
      'r.referredOn',
      'r.referralSource',
      't.name as teamName',
      'u.displayName as workerName',
      sql<string>`(select count(*) from referral r2 where r2.child_id = r.child_id and r2.referred_on < r.referred_on and r2.referred_on >= r.referred_on - interval '12 months')`.as(
        'earlier',
      ),
    ])
    .where('r.referredOn', '>=', from)
    .where('r.referredOn', '<=', to)
    .orderBy('r.referredOn')
    .orderBy('childId')
    .execute();
  return rows.map(({ earlier, ...r }) => ({ ...r, referralsInLast12Months: Number(earlier) }));
}

// ---- Assessments, children in need, section 47 enquiries, child protection and early help ----
// Census reads take the children's (surviving) record ids and a date; a merged record's rows count
// under the record it was merged into, as referrals do.

/** A record's child id, or the record it was merged into. */
const reportedChild = (column: string) => sql<string>`coalesce(p.merged_into_person_id, ${sql.ref(column)})`;
/** The Europe/London calendar date of an instant, as YYYY-MM-DD. */
const londonDate = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'Europe/London', 'YYYY-MM-DD')`;

export interface CinEpisodeReturnRow {
  readonly childId: string;
  readonly startedOn: string;
  /** Null while the episode is open. */
  readonly closedOn: string | null;
  readonly closureReason: string | null;
  /** The primary need of the child's latest assessment authorised on or before the closure (null while open). */
  readonly primaryNeed: string | null;
  /** The primary need recorded when the episode's first plan was started from the child's record (migration 0026). */
  readonly initialPrimaryNeed: string | null;
}

/** Child-in-need episodes of the given children started on or before `upTo`, open or closed. */
export async function cinEpisodesOf(db: Db, childIds: readonly string[], upTo: string): Promise<CinEpisodeReturnRow[]> {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('cinEpisode as e')
    .innerJoin('person as p', 'p.id', 'e.childId')
    .select((eb) => [
      reportedChild('e.child_id').as('childId'),
      'e.startedOn',
      'e.closedOn',
      'e.closureReason',
      eb
        .selectFrom('assessment as a')
        .select('a.primaryNeed')
        .whereRef('a.childId', '=', 'e.childId')
        .where('a.status', '=', 'authorised')
        .whereRef('a.authorisedOn', '<=', 'e.closedOn')
        .orderBy('a.authorisedOn', 'desc')
        .orderBy('a.authorisedAt', 'desc')
        .limit(1)
        .as('primaryNeed'),
      eb
        .selectFrom('cinPlan as pl')
        .select('pl.initialPrimaryNeed')
        .whereRef('pl.episodeId', '=', 'e.id')
        .where('pl.initialPrimaryNeed', 'is not', null)
        .orderBy('pl.openedOn')
        .limit(1)
        .as('initialPrimaryNeed'),
    ])
    .where(reportedChild('e.child_id'), 'in', childIds)
    .where('e.startedOn', '<=', upTo)
    .orderBy('childId')
    .orderBy('e.startedOn')
    .execute();
}

/**
 * The (surviving) records of every child with a referral, a child-in-need episode, a section 47
 * enquiry or a child protection plan on or before `upTo`: the children the census may report.
 */
export async function censusChildIdsUpTo(db: Db, upTo: string): Promise<string[]> {
  const rows = await sql<{ childId: string }>`
    select distinct coalesce(p.merged_into_person_id, x.child_id) as "childId"
    from (
      select child_id from referral where referred_on <= ${upTo}
      union select child_id from cin_episode where started_on <= ${upTo}
      union select child_id from section47_enquiry where started_on <= ${upTo}
      union select child_id from cp_plan where started_on <= ${upTo}
    ) x
    join person p on p.id = x.child_id
    order by 1`.execute(db);
  return rows.rows.map((r) => r.childId);
}

export interface AssessmentReturnRow {
  readonly childId: string;
  /** The London date the assessment was started in Hearth. */
  readonly startedOn: string;
  readonly childSeenOn: string | null;
  readonly authorisedOn: string | null;
  readonly factors: string[];
  readonly primaryNeed: string | null;
  readonly outcome: string | null;
  readonly teamName: string;
  readonly workerName: string;
}

function assessmentsQuery(db: Db) {
  return db
    .selectFrom('assessment as a')
    .innerJoin('person as p', 'p.id', 'a.childId')
    .innerJoin('team as t', 't.id', 'a.teamId')
    .innerJoin('appUser as u', 'u.id', 'a.workerUserId')
    .select([
      reportedChild('a.child_id').as('childId'),
      londonDate('a.started_at').as('startedOn'),
      'a.childSeenOn',
      'a.authorisedOn',
      'a.factors',
      'a.primaryNeed',
      'a.outcome',
      't.name as teamName',
      'u.displayName as workerName',
    ]);
}

/** Child and family assessments of the given children started on or before `upTo`. */
export async function assessmentsOf(db: Db, childIds: readonly string[], upTo: string): Promise<AssessmentReturnRow[]> {
  if (childIds.length === 0) return [];
  return assessmentsQuery(db)
    .where(reportedChild('a.child_id'), 'in', childIds)
    .where(londonDate('a.started_at'), '<=', upTo)
    .orderBy('childId')
    .orderBy('a.startedAt')
    .execute();
}

/** Assessments open at any time between `from` and `to` (started by `to`, not authorised before `from`). */
export async function assessmentsBetween(db: Db, from: string, to: string): Promise<AssessmentReturnRow[]> {
  return assessmentsQuery(db)
    .where(londonDate('a.started_at'), '<=', to)
    .where((eb) => eb.or([eb('a.authorisedOn', 'is', null), eb('a.authorisedOn', '>=', from)]))
    .orderBy('a.startedAt')
    .orderBy('childId')
    .execute();
}

export interface Section47ReturnRow {
  readonly childId: string;
  readonly startedOn: string;
  /** The date of the strategy discussion that started the enquiry. */
  readonly strategyHeldOn: string | null;
  readonly status: string;
  readonly outcome: string | null;
  /** The date the enquiry's outcome was recorded (it ended then unless it called a conference). */
  readonly outcomeOn: string | null;
  readonly icpcDueOn: string | null;
  /** The initial child protection conference the enquiry led to, once held. */
  readonly icpcHeldOn: string | null;
  readonly icpcDecision: string | null;
  readonly teamName: string;
  /** The primary need recorded when the strategy discussion was convened from the child's record (migration 0026). */
  readonly initialPrimaryNeed: string | null;
}

function section47Query(db: Db) {
  return db
    .selectFrom('section47Enquiry as e')
    .innerJoin('person as p', 'p.id', 'e.childId')
    .innerJoin('team as t', 't.id', 'e.teamId')
    .innerJoin('strategyDiscussion as sd', 'sd.id', 'e.strategyDiscussionId')
    .leftJoin('cpConference as c', (join) => join.onRef('c.section47Id', '=', 'e.id').on('c.kind', '=', 'initial').on('c.status', '=', 'held'))
    .leftJoin('strategyDiscussionChild as sdc', (join) => join.onRef('sdc.strategyDiscussionId', '=', 'sd.id').onRef('sdc.childId', '=', 'e.childId'))
    .select([
      reportedChild('e.child_id').as('childId'),
      'e.startedOn',
      'sd.heldOn as strategyHeldOn',
      'e.status',
      'e.outcome',
      'e.outcomeOn',
      'e.icpcDueOn',
      'c.heldOn as icpcHeldOn',
      'c.decision as icpcDecision',
      't.name as teamName',
      'sdc.initialPrimaryNeed',
    ]);
}

/** Section 47 enquiries of the given children started on or before `upTo`, with their ICPC. */
export async function section47sOf(db: Db, childIds: readonly string[], upTo: string): Promise<Section47ReturnRow[]> {
  if (childIds.length === 0) return [];
  return section47Query(db)
    .where(reportedChild('e.child_id'), 'in', childIds)
    .where('e.startedOn', '<=', upTo)
    .orderBy('childId')
    .orderBy('e.startedOn')
    .execute();
}

export interface AnnexSection47ReturnRow extends Section47ReturnRow {
  readonly section47sInLast12Months: number;
  readonly icpcsInLast12Months: number;
}

/** Section 47 enquiries whose strategy discussion was held between `from` and `to`, with the child's earlier enquiries and ICPCs. */
export async function section47sBetween(db: Db, from: string, to: string): Promise<AnnexSection47ReturnRow[]> {
  const rows = await section47Query(db)
    .select([
      sql<string>`(select count(*) from section47_enquiry x where x.child_id = e.child_id and x.id <> e.id and x.started_on <= e.started_on and x.started_on > e.started_on - interval '12 months')`.as(
        'earlierS47',
      ),
      sql<string>`(select count(*) from cp_conference y where y.child_id = e.child_id and y.kind = 'initial' and y.status = 'held' and y.held_on < e.started_on and y.held_on > e.started_on - interval '12 months')`.as(
        'earlierIcpc',
      ),
    ])
    .where(sql<string>`coalesce(sd.held_on, e.started_on)`, '>=', from)
    .where(sql<string>`coalesce(sd.held_on, e.started_on)`, '<=', to)
    .orderBy('e.startedOn')
    .orderBy('childId')
    .execute();
  return rows.map(({ earlierS47, earlierIcpc, ...r }) => ({ ...r, section47sInLast12Months: Number(earlierS47), icpcsInLast12Months: Number(earlierIcpc) }));
}

export interface CpPlanReturnRow {
  readonly planId: string;
  readonly childId: string;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly initialCategory: string;
  readonly latestCategory: string;
  /** 1 for the child's first plan (cp_plan.plan_number). */
  readonly planNumber: number;
  /** Review conferences held, in date order. */
  readonly reviewDates: string[];
  /** The date the initial conference that made the plan was held, and whether a section 47 enquiry called it. */
  readonly initialConferenceOn: string | null;
  readonly initialConferenceFromSection47: boolean;
  /** The primary need recorded when that conference was convened from the child's record (migration 0026). */
  readonly initialConferencePrimaryNeed: string | null;
  readonly teamName: string;
  readonly workerName: string | null;
}

function cpPlanQuery(db: Db) {
  return db
    .selectFrom('cpPlan as cp')
    .innerJoin('person as p', 'p.id', 'cp.childId')
    .innerJoin('team as t', 't.id', 'cp.teamId')
    .leftJoin('appUser as u', 'u.id', 'cp.leadWorkerUserId')
    .leftJoin('cpConference as ic', 'ic.id', 'cp.initialConferenceId')
    .select([
      'cp.id as planId',
      reportedChild('cp.child_id').as('childId'),
      'cp.startedOn',
      'cp.endedOn',
      'cp.initialCategory',
      'cp.latestCategory',
      'cp.planNumber',
      sql<
        string[]
      >`array(select to_char(r.held_on, 'YYYY-MM-DD') from cp_conference r where r.plan_id = cp.id and r.kind = 'review' and r.status = 'held' order by r.held_on)`.as(
        'reviewDates',
      ),
      'ic.heldOn as initialConferenceOn',
      sql<boolean>`ic.section47_id is not null`.as('initialConferenceFromSection47'),
      'ic.initialPrimaryNeed as initialConferencePrimaryNeed',
      't.name as teamName',
      'u.displayName as workerName',
    ]);
}

/** Child protection plans of the given children started on or before `upTo`. */
export async function cpPlansOf(db: Db, childIds: readonly string[], upTo: string): Promise<CpPlanReturnRow[]> {
  if (childIds.length === 0) return [];
  return cpPlanQuery(db)
    .where(reportedChild('cp.child_id'), 'in', childIds)
    .where('cp.startedOn', '<=', upTo)
    .orderBy('childId')
    .orderBy('cp.startedOn')
    .execute();
}

export interface AnnexCpPlanReturnRow extends CpPlanReturnRow {
  readonly lastVisitOn: string | null;
  readonly lastVisitSeenAlone: boolean | null;
}

/** Child protection plans open at any time between `from` and `to`, with the last visit by `to`. */
export async function cpPlansBetween(db: Db, from: string, to: string): Promise<AnnexCpPlanReturnRow[]> {
  return cpPlanQuery(db)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('cpVisit as v')
          .select(['v.visitedOn', 'v.seenAlone'])
          .whereRef('v.planId', '=', 'cp.id')
          .where('v.childSeen', '=', true)
          .where('v.visitedOn', '<=', to)
          .orderBy('v.visitedOn', 'desc')
          .limit(1)
          .as('lv'),
      (join) => join.onTrue(),
    )
    .select(['lv.visitedOn as lastVisitOn', 'lv.seenAlone as lastVisitSeenAlone'])
    .where('cp.startedOn', '<=', to)
    .where((eb) => eb.or([eb('cp.endedOn', 'is', null), eb('cp.endedOn', '>=', from)]))
    .orderBy('cp.startedOn')
    .orderBy('childId')
    .execute();
}

export interface CinPlanReturnRow {
  readonly childId: string;
  readonly agreedOn: string;
  readonly endedOn: string | null;
}

/** Child in need plans of the given children agreed on or before `upTo` (a draft never agreed is not a plan). */
export async function cinPlansOf(db: Db, childIds: readonly string[], upTo: string): Promise<CinPlanReturnRow[]> {
  if (childIds.length === 0) return [];
  const rows = await db
    .selectFrom('cinPlan as cp')
    .innerJoin('person as p', 'p.id', 'cp.childId')
    .select([reportedChild('cp.child_id').as('childId'), 'cp.agreedOn', 'cp.endedOn'])
    .where(reportedChild('cp.child_id'), 'in', childIds)
    .where('cp.agreedOn', 'is not', null)
    .where('cp.agreedOn', '<=', upTo)
    .orderBy('childId')
    .orderBy('cp.agreedOn')
    .execute();
  return rows.flatMap((r) => (r.agreedOn === null ? [] : [{ ...r, agreedOn: r.agreedOn }]));
}

export interface AnnexCinEpisodeRow {
  readonly childId: string;
  readonly startedOn: string;
  readonly closedOn: string | null;
  readonly closureReason: string | null;
  /** Primary need of the child's latest assessment authorised by `to`. */
  readonly primaryNeed: string | null;
  /** The latest date the child was seen (assessment or child protection visit) by `to`. */
  readonly lastSeenOn: string | null;
  readonly hasActiveCpPlan: boolean;
  readonly hasActiveCinPlan: boolean;
  readonly hasOpenAssessment: boolean;
  readonly teamName: string | null;
  readonly workerName: string | null;
}

/** Child-in-need episodes open at any time between `from` and `to`, with the case's status on `to`. */
export async function cinEpisodesBetween(db: Db, from: string, to: string): Promise<AnnexCinEpisodeRow[]> {
  const rows = await db
    .selectFrom('cinEpisode as e')
    .innerJoin('person as p', 'p.id', 'e.childId')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('cinPlan as pl')
          .innerJoin('team as pt', 'pt.id', 'pl.teamId')
          .leftJoin('appUser as pu', 'pu.id', 'pl.workerUserId')
          .select(['pt.name as teamName', 'pu.displayName as workerName'])
          .whereRef('pl.episodeId', '=', 'e.id')
          .orderBy('pl.openedOn', 'desc')
          .limit(1)
          .as('lp'),
      (join) => join.onTrue(),
    )
    .leftJoin('assessment as ea', 'ea.id', 'e.assessmentId')
    .leftJoin('team as at', 'at.id', 'ea.teamId')
    .leftJoin('appUser as au', 'au.id', 'ea.workerUserId')
    .select((eb) => [
      reportedChild('e.child_id').as('childId'),
      'e.startedOn',
      'e.closedOn',
      'e.closureReason',
      eb
        .selectFrom('assessment as a')
        .select('a.primaryNeed')
        .whereRef('a.childId', '=', 'e.childId')
        .where('a.status', '=', 'authorised')
        .where('a.authorisedOn', '<=', to)
        .orderBy('a.authorisedOn', 'desc')
        .limit(1)
        .as('primaryNeed'),
      sql<
        string | null
      >`(select to_char(max(d), 'YYYY-MM-DD') from (select a2.child_seen_on as d from assessment a2 where a2.child_id = e.child_id and a2.child_seen_on <= ${to} union all select v.visited_on from cp_visit v where v.child_id = e.child_id and v.child_seen and v.visited_on <= ${to}) seen)`.as(
        'lastSeenOn',
      ),
      sql<boolean>`exists (select 1 from cp_plan x where x.child_id = e.child_id and x.started_on <= ${to} and (x.ended_on is null or x.ended_on > ${to}))`.as(
        'hasActiveCpPlan',
      ),
      sql<boolean>`exists (select 1 from cin_plan x where x.episode_id = e.id and x.agreed_on <= ${to} and (x.ended_on is null or x.ended_on > ${to}))`.as(
        'hasActiveCinPlan',
      ),
      sql<boolean>`exists (select 1 from assessment x where x.child_id = e.child_id and to_char(x.started_at at time zone 'Europe/London', 'YYYY-MM-DD') <= ${to} and (x.authorised_on is null or x.authorised_on > ${to}))`.as(
        'hasOpenAssessment',
      ),
      sql<string | null>`coalesce(lp.team_name, at.name)`.as('teamName'),
      sql<string | null>`coalesce(lp.worker_name, au.display_name)`.as('workerName'),
    ])
    .where('e.startedOn', '<=', to)
    .where((eb) => eb.or([eb('e.closedOn', 'is', null), eb('e.closedOn', '>=', from)]))
    .orderBy('e.startedOn')
    .orderBy('childId')
    .execute();
  return rows;
}

export interface EarlyHelpReturnRow {
  readonly childId: string;
  readonly startedOn: string;
  /** The date the episode's wellbeing assessment was completed. */
  readonly completedOn: string | null;
  readonly teamName: string;
}

/** Early help episodes whose wellbeing assessment was in progress or completed between `from` and `to`. */
export async function earlyHelpAssessmentsBetween(db: Db, from: string, to: string): Promise<EarlyHelpReturnRow[]> {
  return db
    .selectFrom('earlyHelpEpisode as e')
    .innerJoin('person as p', 'p.id', 'e.childId')
    .innerJoin('team as t', 't.id', 'e.teamId')
    .leftJoin('wellbeingAssessment as w', 'w.episodeId', 'e.id')
    .select([reportedChild('e.child_id').as('childId'), 'e.startedOn', 'w.completedOn', 't.name as teamName'])
    .where('e.startedOn', '<=', to)
    .where((eb) =>
      eb.or([
        eb('w.completedOn', '>=', from),
        // Not completed: the assessment was under way in the window unless the episode closed before it.
        eb.and([eb('w.completedOn', 'is', null), eb.or([eb('e.closedOn', 'is', null), eb('e.closedOn', '>=', from)])]),
      ]),
    )
    .orderBy('e.startedOn')
    .orderBy('childId')
    .execute();
}
