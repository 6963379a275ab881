// Child protection conferences (initial and review) and their invitations.
import type { Kysely, Transaction } from 'kysely';
import type { CpCategory, CpEndReason, Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface ConferenceRow {
  readonly id: string;
  readonly childId: string;
  readonly kind: 'initial' | 'review';
  readonly section47Id: string | null;
  readonly strategyDiscussionId: string | null;
  readonly strategyHeldOn: string | null;
  readonly convenedFrom: 'section_47' | 'child_record' | 'plan';
  readonly teamId: string;
  readonly teamName: string;
  readonly preBirth: boolean;
  readonly dueOn: string;
  readonly dueRuleId: string;
  readonly status: 'to_be_held' | 'held';
  readonly plannedOn: string | null;
  readonly heldOn: string | null;
  readonly chairName: string | null;
  readonly decision: 'plan' | 'no_plan' | 'continue' | 'end' | null;
  readonly category: CpCategory | null;
  readonly endReason: CpEndReason | null;
  readonly rationale: string | null;
  readonly summaryForChild: string | null;
  readonly withinTimescale: boolean | null;
  readonly planId: string | null;
  readonly convenedAt: Date;
  readonly version: number;
}

export interface InvitationRow {
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  readonly role: string | null;
  readonly invitedOn: string;
  readonly attendance: 'attended' | 'apologies' | 'did_not_attend' | null;
  readonly reportReceived: boolean;
}

function conferenceQuery(db: Db) {
  return db
    .selectFrom('cpConference as c')
    .innerJoin('team', 'team.id', 'c.teamId')
    .leftJoin('appUser as chair', 'chair.id', 'c.chairUserId')
    .select([
      'c.id',
      'c.childId',
      'c.kind',
      'c.section47Id',
      'c.strategyDiscussionId',
      'c.strategyHeldOn',
      'c.convenedFrom',
      'c.teamId',
      'team.name as teamName',
      'c.preBirth',
      'c.dueOn',
      'c.dueRuleId',
      'c.status',
      'c.plannedOn',
      'c.heldOn',
      'chair.displayName as chairName',
      'c.decision',
      'c.category',
      'c.endReason',
      'c.rationale',
      'c.summaryForChild',
      'c.withinTimescale',
      'c.planId',
      'c.convenedAt',
      'c.version',
    ]);
}

export async function insertConference(
  trx: Transaction<Database>,
  row: {
    childId: string;
    kind: 'initial' | 'review';
    section47Id: string | null;
    strategyDiscussionId: string | null;
    strategyHeldOn: string | null;
    convenedFrom: 'section_47' | 'child_record' | 'plan';
    teamId: string;
    preBirth: boolean;
    dueOn: string;
    dueRuleId: string;
    planId: string | null;
    convenedByUserId: string | null;
    convenedAt: Date;
    /** The primary need recorded when convened from the child's record (migration 0026). */
    initialPrimaryNeed?: string | null;
  },
): Promise<string> {
  const inserted = await trx.insertInto('cpConference').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findConference(db: Db, childId: string, conferenceId: string): Promise<ConferenceRow | undefined> {
  return conferenceQuery(db).where('c.id', '=', conferenceId).where('c.childId', '=', childId).executeTakeFirst();
}

export async function listConferences(db: Db, childId: string): Promise<ConferenceRow[]> {
  return conferenceQuery(db).where('c.childId', '=', childId).orderBy('c.createdAt', 'desc').execute();
}

export async function findOpenInitialConference(db: Db, childId: string): Promise<ConferenceRow | undefined> {
  return conferenceQuery(db).where('c.childId', '=', childId).where('c.kind', '=', 'initial').where('c.status', '=', 'to_be_held').executeTakeFirst();
}

export async function findOpenReview(db: Db, planId: string): Promise<ConferenceRow | undefined> {
  return conferenceQuery(db).where('c.planId', '=', planId).where('c.kind', '=', 'review').where('c.status', '=', 'to_be_held').executeTakeFirst();
}

export async function listInvitations(db: Db, conferenceId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom('cpConferenceInvitation')
    .select(['id', 'name', 'agency', 'role', 'invitedOn', 'attendance', 'reportReceived'])
    .where('conferenceId', '=', conferenceId)
    .orderBy('createdAt')
    .orderBy('name')
    .execute();
}

export async function insertInvitation(
  trx: Transaction<Database>,
  row: { conferenceId: string; name: string; agency: string; role: string | null; invitedOn: string },
): Promise<string> {
  const inserted = await trx.insertInto('cpConferenceInvitation').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateAttendance(
  trx: Transaction<Database>,
  conferenceId: string,
  rows: readonly { id: string; attendance: 'attended' | 'apologies' | 'did_not_attend'; reportReceived: boolean }[],
): Promise<void> {
  for (const row of rows) {
    await trx
      .updateTable('cpConferenceInvitation')
      .set({ attendance: row.attendance, reportReceived: row.reportReceived })
      .where('id', '=', row.id)
      .where('conferenceId', '=', conferenceId)
      .execute();
  }
}

/** Records the conference as held, if it is still at the version the form was opened at. Returns false when stale. */
export async function recordConferenceHeld(
  trx: Transaction<Database>,
  conferenceId: string,
  version: number,
  values: {
    heldOn: string;
    chairUserId: string;
    decision: 'plan' | 'no_plan' | 'continue' | 'end';
    category: CpCategory | null;
    endReason: CpEndReason | null;
    rationale: string;
    summaryForChild: string | null;
    withinTimescale: boolean;
    dueOn: string;
    dueRuleId: string;
    planId: string | null;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('cpConference')
    .set({ ...values, status: 'held', version: version + 1 })
    .where('id', '=', conferenceId)
    .where('version', '=', version)
    .where('status', '=', 'to_be_held')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function setPlannedDate(trx: Transaction<Database>, conferenceId: string, plannedOn: string | null): Promise<void> {
  await trx.updateTable('cpConference').set({ plannedOn }).where('id', '=', conferenceId).execute();
}
