// Child protection plans: the plan, its outcomes, actions and core group, core group meetings and
// statutory visits.
import type { Kysely, Transaction } from 'kysely';
import type { CpCategory, CpEndReason, Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface PlanRow {
  readonly id: string;
  readonly childId: string;
  readonly initialConferenceId: string;
  readonly teamId: string;
  readonly startedOn: string;
  readonly preBirth: boolean;
  readonly initialCategory: CpCategory;
  readonly latestCategory: CpCategory;
  readonly leadWorkerUserId: string | null;
  readonly leadWorkerName: string | null;
  readonly planNumber: number;
  readonly contingencyPlan: string | null;
  readonly finalisedAt: Date | null;
  readonly status: 'active' | 'ended';
  readonly endedOn: string | null;
  readonly endReason: CpEndReason | null;
  readonly version: number;
}

export interface PlanDetail extends PlanRow {
  readonly outcomes: readonly { readonly description: string }[];
  readonly actions: readonly { readonly action: string; readonly owner: string | null; readonly dueOn: string | null }[];
  readonly coreGroup: readonly { readonly name: string; readonly agency: string }[];
  readonly coreGroupMeetings: readonly {
    readonly id: string;
    readonly heldOn: string;
    readonly dueOn: string;
    readonly withinTimescale: boolean;
    readonly progress: string;
    readonly recordedBy: string;
  }[];
  readonly visits: readonly {
    readonly id: string;
    readonly visitedOn: string;
    readonly dueOn: string;
    readonly childSeen: boolean;
    readonly seenAlone: boolean;
    readonly notSeenReason: string | null;
    readonly summary: string;
    readonly withinTimescale: boolean;
    readonly recordedBy: string;
  }[];
  /** Review conferences held on this plan. */
  readonly reviewsHeldOn: readonly string[];
}

function planQuery(db: Db) {
  return db
    .selectFrom('cpPlan as p')
    .leftJoin('appUser as lead', 'lead.id', 'p.leadWorkerUserId')
    .select([
      'p.id',
      'p.childId',
      'p.initialConferenceId',
      'p.teamId',
      'p.startedOn',
      'p.preBirth',
      'p.initialCategory',
      'p.latestCategory',
      'p.leadWorkerUserId',
      'lead.displayName as leadWorkerName',
      'p.planNumber',
      'p.contingencyPlan',
      'p.finalisedAt',
      'p.status',
      'p.endedOn',
      'p.endReason',
      'p.version',
    ]);
}

export async function countPlans(db: Db, childId: string): Promise<number> {
  const row = await db
    .selectFrom('cpPlan')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('childId', '=', childId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPlan(
  trx: Transaction<Database>,
  row: {
    childId: string;
    initialConferenceId: string;
    teamId: string;
    startedOn: string;
    preBirth: boolean;
    initialCategory: CpCategory;
    latestCategory: CpCategory;
    leadWorkerUserId: string | null;
    planNumber: number;
  },
): Promise<string> {
  const inserted = await trx.insertInto('cpPlan').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function replaceCoreGroup(trx: Transaction<Database>, planId: string, members: readonly { name: string; agency: string }[]): Promise<void> {
  await trx.deleteFrom('cpCoreGroupMember').where('planId', '=', planId).execute();
  if (members.length === 0) return;
  await trx
    .insertInto('cpCoreGroupMember')
    .values(members.map((m, i) => ({ planId, position: i + 1, name: m.name, agency: m.agency })))
    .execute();
}

export async function findActivePlan(db: Db, childId: string): Promise<PlanRow | undefined> {
  return planQuery(db).where('p.childId', '=', childId).where('p.status', '=', 'active').executeTakeFirst();
}

export async function listPlans(db: Db, childId: string): Promise<PlanRow[]> {
  return planQuery(db).where('p.childId', '=', childId).orderBy('p.startedOn', 'desc').execute();
}

export async function loadPlanDetail(db: Db, plan: PlanRow): Promise<PlanDetail> {
  const [outcomes, actions, coreGroup, coreGroupMeetings, visits, reviews] = await Promise.all([
    db.selectFrom('cpPlanOutcome').select(['description']).where('planId', '=', plan.id).orderBy('position').execute(),
    db.selectFrom('cpPlanAction').select(['action', 'owner', 'dueOn']).where('planId', '=', plan.id).orderBy('position').execute(),
    db.selectFrom('cpCoreGroupMember').select(['name', 'agency']).where('planId', '=', plan.id).orderBy('position').execute(),
    db
      .selectFrom('cpCoreGroupMeeting as m')
      .innerJoin('appUser as u', 'u.id', 'm.recordedByUserId')
      .select(['m.id', 'm.heldOn', 'm.dueOn', 'm.withinTimescale', 'm.progress', 'u.displayName as recordedBy'])
      .where('m.planId', '=', plan.id)
      .orderBy('m.heldOn', 'desc')
      .execute(),
    db
      .selectFrom('cpVisit as v')
      .innerJoin('appUser as u', 'u.id', 'v.recordedByUserId')
      .select([
        'v.id',
        'v.visitedOn',
        'v.dueOn',
        'v.childSeen',
        'v.seenAlone',
        'v.notSeenReason',
        'v.summary',
        'v.withinTimescale',
        'u.displayName as recordedBy',
      ])
      .where('v.planId', '=', plan.id)
      .orderBy('v.visitedOn', 'desc')
      .execute(),
    db
      .selectFrom('cpConference')
      .select(['heldOn'])
      .where('planId', '=', plan.id)
      .where('kind', '=', 'review')
      .where('status', '=', 'held')
      .orderBy('heldOn')
      .execute(),
  ]);
  return { ...plan, outcomes, actions, coreGroup, coreGroupMeetings, visits, reviewsHeldOn: reviews.flatMap((r) => (r.heldOn === null ? [] : [r.heldOn])) };
}

/** Replaces the plan's content if the plan is still at `version`. Returns false when stale. */
export async function savePlanContent(
  trx: Transaction<Database>,
  planId: string,
  version: number,
  content: {
    outcomes: readonly string[];
    actions: readonly { action: string; owner: string | null; dueOn: string | null }[];
    contingencyPlan: string | null;
    finalisedAt: Date | null;
    finalisedByUserId: string | null;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('cpPlan')
    .set({ contingencyPlan: content.contingencyPlan, finalisedAt: content.finalisedAt, finalisedByUserId: content.finalisedByUserId, version: version + 1 })
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await trx.deleteFrom('cpPlanOutcome').where('planId', '=', planId).execute();
  await trx.deleteFrom('cpPlanAction').where('planId', '=', planId).execute();
  if (content.outcomes.length > 0) {
    await trx
      .insertInto('cpPlanOutcome')
      .values(content.outcomes.map((description, i) => ({ planId, position: i + 1, description })))
      .execute();
  }
  if (content.actions.length > 0) {
    await trx
      .insertInto('cpPlanAction')
      .values(content.actions.map((a, i) => ({ planId, position: i + 1, action: a.action, owner: a.owner, dueOn: a.dueOn })))
      .execute();
  }
  return true;
}

export async function updateLatestCategory(trx: Transaction<Database>, planId: string, category: CpCategory): Promise<void> {
  await trx.updateTable('cpPlan').set({ latestCategory: category }).where('id', '=', planId).execute();
}

export async function endPlan(
  trx: Transaction<Database>,
  planId: string,
  values: { endedOn: string; endReason: CpEndReason; endConferenceId: string },
): Promise<void> {
  await trx
    .updateTable('cpPlan')
    .set((eb) => ({ ...values, status: 'ended', version: eb('version', '+', 1) }))
    .where('id', '=', planId)
    .where('status', '=', 'active')
    .execute();
}

export async function insertCoreGroupMeeting(
  trx: Transaction<Database>,
  row: {
    planId: string;
    childId: string;
    heldOn: string;
    dueOn: string;
    dueRuleId: string;
    withinTimescale: boolean;
    progress: string;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string> {
  const inserted = await trx.insertInto('cpCoreGroupMeeting').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertVisit(
  trx: Transaction<Database>,
  row: {
    planId: string;
    childId: string;
    visitedOn: string;
    dueOn: string;
    childSeen: boolean;
    seenAlone: boolean;
    notSeenReason: string | null;
    summary: string;
    withinTimescale: boolean;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string> {
  const inserted = await trx.insertInto('cpVisit').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** The team's members, for choosing the plan's lead social worker. */
export async function listTeamWorkers(db: Db, teamId: string): Promise<{ id: string; displayName: string }[]> {
  return db
    .selectFrom('teamMembership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.displayName'])
    .where('m.teamId', '=', teamId)
    .where('u.active', '=', true)
    .orderBy('u.displayName')
    .execute();
}
