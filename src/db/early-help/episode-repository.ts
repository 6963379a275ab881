// Targeted early help: the queue of early help referrals waiting for a worker, the episode each
// allocation starts, its wellbeing assessment, plan, reviews and closure.
import { expressionBuilder, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { ClosureOutcome } from '../../domain/early-help/early-help.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface QueueReferral {
  readonly id: string;
  /** The MASH contact the referral came from; null for a step down after a child and family assessment. */
  readonly contactId: string | null;
  readonly reference: string | null;
  readonly childId: string;
  readonly childName: string;
  readonly childDateOfBirth: string | null;
  readonly referredOn: string;
  readonly needLevel: number;
}

function referralQuery(db: Db) {
  return db
    .selectFrom('earlyHelpReferral as e')
    .leftJoin('contact as c', 'c.id', 'e.contactId')
    .innerJoin('person', 'person.id', 'e.childId')
    .leftJoin('earlyHelpEpisode as ep', 'ep.earlyHelpReferralId', 'e.id')
    .select([
      'e.id',
      'e.contactId',
      'c.reference',
      'e.childId',
      sql<string>`person.given_name || ' ' || person.family_name`.as('childName'),
      'person.dateOfBirth as childDateOfBirth',
      'e.referredOn',
      'e.needLevel',
    ]);
}

/** Early help referrals no worker has yet taken, visible to the actor, oldest first. */
export async function listUnallocatedReferrals(db: Db, actor: Actor, now: Date, limit = 300): Promise<QueueReferral[]> {
  return referralQuery(db).where('ep.id', 'is', null).where(visibleChildren(actor, now)).orderBy('e.referredOn').orderBy('e.createdAt').limit(limit).execute();
}

export async function loadReferral(db: Db, referralId: string): Promise<(QueueReferral & { allocated: boolean }) | undefined> {
  const row = await referralQuery(db).select('ep.id as episodeId').where('e.id', '=', referralId).executeTakeFirst();
  if (row === undefined) return undefined;
  const { episodeId, ...rest } = row;
  return { ...rest, allocated: episodeId !== null };
}

export async function teamByCode(db: Db, code: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('team').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
}

export interface TeamWorker {
  readonly userId: string;
  readonly displayName: string;
  readonly openEpisodes: number;
}

/** The team's workers (not its managers), with how many open early help episodes each holds. */
export async function teamWorkers(db: Db, teamId: string): Promise<TeamWorker[]> {
  return db
    .selectFrom('teamMembership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .select([
      'u.id as userId',
      'u.displayName',
      sql<number>`(select count(*)::int from early_help_episode ep where ep.worker_user_id = u.id and ep.status = 'open')`.as('openEpisodes'),
    ])
    .where('m.teamId', '=', teamId)
    .where('m.isManager', '=', false)
    .where('u.active', '=', true)
    .orderBy('u.displayName')
    .execute();
}

/** Puts the child with the early help worker: ends the open allocation and starts a new one. */
export async function allocateChild(trx: Transaction<Database>, childId: string, teamId: string, workerUserId: string, today: string): Promise<string> {
  const open = await trx.selectFrom('allocation').select(['id']).where('childId', '=', childId).where('endedOn', 'is', null).forUpdate().executeTakeFirst();
  if (open !== undefined) await trx.updateTable('allocation').set({ endedOn: today }).where('id', '=', open.id).execute();
  const row = await trx.insertInto('allocation').values({ childId, teamId, workerUserId, startedOn: today }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Puts an unallocated child, or one only with the MASH, with the team (no worker yet). A child with a
 * worker, or allocated to another team, keeps that allocation until an early help worker is allocated.
 */
export async function placeChildWithTeam(trx: Transaction<Database>, childId: string, teamId: string, today: string): Promise<void> {
  const open = await trx
    .selectFrom('allocation as a')
    .innerJoin('team as t', 't.id', 'a.teamId')
    .select(['a.id', 'a.teamId', 'a.workerUserId', 't.code'])
    .where('a.childId', '=', childId)
    .where('a.endedOn', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (open !== undefined && (open.teamId === teamId || open.workerUserId !== null || open.code !== 'MASH')) return;
  if (open !== undefined) await trx.updateTable('allocation').set({ endedOn: today }).where('id', '=', open.id).execute();
  await trx.insertInto('allocation').values({ childId, teamId, workerUserId: null, startedOn: today }).execute();
}

/** Undefined when the referral already has an episode (a concurrent allocation won). */
export async function insertEpisode(
  trx: Transaction<Database>,
  values: {
    id?: string;
    earlyHelpReferralId: string;
    childId: string;
    teamId: string;
    workerUserId: string;
    allocatedByUserId: string;
    allocatedAt: Date;
    startedOn: string;
    assessmentDueOn: string;
  },
): Promise<{ id: string } | undefined> {
  return trx
    .insertInto('earlyHelpEpisode')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export interface EpisodeRow {
  readonly id: string;
  readonly earlyHelpReferralId: string;
  readonly childId: string;
  readonly teamName: string;
  readonly workerName: string;
  readonly workerUserId: string;
  readonly referredOn: string;
  readonly needLevel: number;
  /** Null for a step down after a child and family assessment (no MASH contact). */
  readonly contactId: string | null;
  readonly contactReference: string | null;
  readonly startedOn: string;
  readonly assessmentDueOn: string;
  readonly status: 'open' | 'closed';
  readonly closedOn: string | null;
  readonly closureOutcome: ClosureOutcome | null;
  readonly closureSummary: string | null;
  readonly stepUpContactId: string | null;
  readonly stepUpReference: string | null;
  readonly version: number;
}

function episodeQuery(db: Db) {
  return db
    .selectFrom('earlyHelpEpisode as ep')
    .innerJoin('earlyHelpReferral as r', 'r.id', 'ep.earlyHelpReferralId')
    .leftJoin('contact as c', 'c.id', 'r.contactId')
    .innerJoin('team as t', 't.id', 'ep.teamId')
    .innerJoin('appUser as w', 'w.id', 'ep.workerUserId')
    .leftJoin('contact as up', 'up.id', 'ep.stepUpContactId')
    .select([
      'ep.id',
      'ep.earlyHelpReferralId',
      'ep.childId',
      't.name as teamName',
      'w.displayName as workerName',
      'ep.workerUserId',
      'r.referredOn',
      'r.needLevel',
      'r.contactId',
      'c.reference as contactReference',
      'ep.startedOn',
      'ep.assessmentDueOn',
      'ep.status',
      'ep.closedOn',
      'ep.closureOutcome',
      'ep.closureSummary',
      'ep.stepUpContactId',
      'up.reference as stepUpReference',
      'ep.version',
    ]);
}

export async function episodesOfChild(db: Db, childId: string): Promise<EpisodeRow[]> {
  return episodeQuery(db).where('ep.childId', '=', childId).orderBy('ep.startedOn', 'desc').orderBy('ep.allocatedAt', 'desc').execute();
}

/** One episode by id. */
export async function episodeById(db: Db, episodeId: string): Promise<EpisodeRow | undefined> {
  return episodeQuery(db).where('ep.id', '=', episodeId).executeTakeFirst();
}

/** Locks the episode for the rest of the transaction: concurrent changes take turns. */
export async function lockEpisode(trx: Transaction<Database>, episodeId: string): Promise<void> {
  await trx.selectFrom('earlyHelpEpisode').select('id').where('id', '=', episodeId).forUpdate().executeTakeFirst();
}

/** The child's open episode, if any. */
export async function openEpisodeOf(db: Db, childId: string): Promise<EpisodeRow | undefined> {
  return episodeQuery(db).where('ep.childId', '=', childId).where('ep.status', '=', 'open').executeTakeFirst();
}

/** Locks the child's open episode for the rest of the transaction: concurrent changes take turns. */
export async function lockOpenEpisode(trx: Transaction<Database>, childId: string): Promise<void> {
  await trx.selectFrom('earlyHelpEpisode').select('id').where('childId', '=', childId).where('status', '=', 'open').forUpdate().executeTakeFirst();
}

export interface AssessmentRow {
  readonly id: string;
  readonly episodeId: string;
  readonly worries: string;
  readonly workingWell: string;
  readonly needsToHappen: string;
  readonly scaling: number;
  readonly childsVoice: string;
  readonly completedOn: string;
  readonly dueOn: string;
  readonly withinTimescale: boolean;
  readonly completedByName: string;
}

export async function assessmentsOf(db: Db, episodeIds: readonly string[]): Promise<AssessmentRow[]> {
  if (episodeIds.length === 0) return [];
  return db
    .selectFrom('wellbeingAssessment as a')
    .innerJoin('appUser as u', 'u.id', 'a.completedByUserId')
    .select([
      'a.id',
      'a.episodeId',
      'a.worries',
      'a.workingWell',
      'a.needsToHappen',
      'a.scaling',
      'a.childsVoice',
      'a.completedOn',
      'a.dueOn',
      'a.withinTimescale',
      'u.displayName as completedByName',
    ])
    .where('a.episodeId', 'in', episodeIds)
    .execute();
}

export async function insertAssessment(
  trx: Transaction<Database>,
  values: {
    episodeId: string;
    childId: string;
    worries: string;
    workingWell: string;
    needsToHappen: string;
    scaling: number;
    childsVoice: string;
    completedOn: string;
    dueOn: string;
    withinTimescale: boolean;
    completedByUserId: string;
    completedAt: Date;
  },
): Promise<{ id: string } | undefined> {
  return trx
    .insertInto('wellbeingAssessment')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export interface PlanRow {
  readonly id: string;
  readonly episodeId: string;
  readonly consentGivenBy: string;
  readonly consentGivenOn: string;
  readonly outcomes: string;
  readonly agreedOn: string;
  readonly firstReviewDueOn: string;
  readonly actions: readonly { readonly position: number; readonly action: string; readonly owner: string; readonly dueOn: string }[];
  readonly reviews: readonly ReviewRow[];
}

export interface ReviewRow {
  readonly id: string;
  readonly reviewedOn: string;
  readonly dueOn: string;
  readonly withinTimescale: boolean;
  readonly scaling: number;
  readonly progress: string;
  readonly nextReviewDueOn: string;
  readonly recordedByName: string;
}

export async function plansOf(db: Db, episodeIds: readonly string[]): Promise<PlanRow[]> {
  if (episodeIds.length === 0) return [];
  const plans = await db
    .selectFrom('earlyHelpPlan')
    .select(['id', 'episodeId', 'consentGivenBy', 'consentGivenOn', 'outcomes', 'agreedOn', 'firstReviewDueOn'])
    .where('episodeId', 'in', episodeIds)
    .execute();
  if (plans.length === 0) return [];
  const planIds = plans.map((p) => p.id);
  const [actions, reviews] = await Promise.all([
    db
      .selectFrom('earlyHelpPlanAction')
      .select(['planId', 'position', 'action', 'owner', 'dueOn'])
      .where('planId', 'in', planIds)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('earlyHelpReview as r')
      .innerJoin('appUser as u', 'u.id', 'r.recordedByUserId')
      .select([
        'r.id',
        'r.planId',
        'r.reviewedOn',
        'r.dueOn',
        'r.withinTimescale',
        'r.scaling',
        'r.progress',
        'r.nextReviewDueOn',
        'u.displayName as recordedByName',
      ])
      .where('r.planId', 'in', planIds)
      .orderBy('r.reviewedOn')
      .orderBy('r.recordedAt')
      .execute(),
  ]);
  return plans.map((p) => ({
    ...p,
    actions: actions.filter((a) => a.planId === p.id).map((a) => ({ position: a.position, action: a.action, owner: a.owner, dueOn: a.dueOn })),
    reviews: reviews
      .filter((r) => r.planId === p.id)
      .map((r) => ({
        id: r.id,
        reviewedOn: r.reviewedOn,
        dueOn: r.dueOn,
        withinTimescale: r.withinTimescale,
        scaling: r.scaling,
        progress: r.progress,
        nextReviewDueOn: r.nextReviewDueOn,
        recordedByName: r.recordedByName,
      })),
  }));
}

export async function insertPlan(
  trx: Transaction<Database>,
  values: {
    episodeId: string;
    childId: string;
    consentGivenBy: string;
    consentGivenOn: string;
    outcomes: string;
    agreedOn: string;
    firstReviewDueOn: string;
    recordedByUserId: string;
    recordedAt: Date;
  },
  actions: readonly { action: string; owner: string; dueOn: string }[],
): Promise<{ id: string } | undefined> {
  const row = await trx
    .insertInto('earlyHelpPlan')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  await trx
    .insertInto('earlyHelpPlanAction')
    .values(actions.map((a, i) => ({ planId: row.id, position: i + 1, ...a })))
    .execute();
  return row;
}

export async function insertReview(
  trx: Transaction<Database>,
  values: {
    planId: string;
    childId: string;
    reviewedOn: string;
    dueOn: string;
    withinTimescale: boolean;
    scaling: number;
    progress: string;
    nextReviewDueOn: string;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<{ id: string }> {
  return trx.insertInto('earlyHelpReview').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Bumps the episode's version: every change to an episode's record goes through here, so a stale form is refused. */
export async function touchEpisode(trx: Transaction<Database>, episodeId: string, expectedVersion: number): Promise<boolean> {
  const result = await trx
    .updateTable('earlyHelpEpisode')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', episodeId)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function closeEpisode(
  trx: Transaction<Database>,
  episodeId: string,
  expectedVersion: number,
  values: { closedOn: string; closureOutcome: ClosureOutcome; closureSummary: string; closedByUserId: string; closedAt: Date; stepUpContactId: string | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('earlyHelpEpisode')
    .set({ ...values, status: 'closed', version: sql<number>`version + 1` })
    .where('id', '=', episodeId)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface OpenEpisodeDue {
  readonly episodeId: string;
  readonly childId: string;
  readonly childName: string;
  readonly teamName: string;
  readonly workerName: string;
  readonly referredOn: string;
  readonly assessed: boolean;
  readonly planAgreedOn: string | null;
  readonly lastReviewedOn: string | null;
}

/**
 * Open episodes in scope (the episode's worker, or its team, as the scope asks), visible to the actor,
 * with what is next due: a json array for "My work"'s one statement per scope (src/db/work/children-in-scope-repository.ts).
 */
export function openEpisodesRead(actor: Actor, now: Date, scope: { workerId?: string; teamIds?: readonly string[] }): RawBuilder<unknown> {
  let query = expressionBuilder<Database>()
    .selectFrom('earlyHelpEpisode as ep')
    .innerJoin('earlyHelpReferral as r', 'r.id', 'ep.earlyHelpReferralId')
    .innerJoin('person', 'person.id', 'ep.childId')
    .innerJoin('team as t', 't.id', 'ep.teamId')
    .innerJoin('appUser as w', 'w.id', 'ep.workerUserId')
    .leftJoin('wellbeingAssessment as a', 'a.episodeId', 'ep.id')
    .leftJoin('earlyHelpPlan as p', 'p.episodeId', 'ep.id')
    .select([
      'ep.id as episodeId',
      'ep.childId',
      sql<string>`person.given_name || ' ' || person.family_name`.as('childName'),
      't.name as teamName',
      'w.displayName as workerName',
      'r.referredOn',
      sql<boolean>`a.id is not null`.as('assessed'),
      'p.agreedOn as planAgreedOn',
      sql<string | null>`(select max(rv.reviewed_on)::text from early_help_review rv where rv.plan_id = p.id)`.as('lastReviewedOn'),
    ])
    .where('ep.status', '=', 'open')
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('ep.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) {
    if (scope.teamIds.length === 0) return sql`'[]'::json`;
    query = query.where('ep.teamId', 'in', scope.teamIds);
  }
  return sql`(select coalesce(json_agg(json_build_object('episodeId', e.episode_id, 'childId', e.child_id, 'childName', e.child_name,
    'teamName', e.team_name, 'workerName', e.worker_name, 'referredOn', e.referred_on, 'assessed', e.assessed,
    'planAgreedOn', e.plan_agreed_on, 'lastReviewedOn', e.last_reviewed_on)), '[]'::json) from ${query} e)`;
}
