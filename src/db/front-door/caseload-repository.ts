// What a team manager sees when allocating: the team's workers, the children allocated to each (with
// their parents and carers, so sibling groups count as one family) and the team's caseload target.
import type { Kysely, Transaction } from 'kysely';
import { REFERRAL_TEAM_CODES, type ChildForCaseload } from '../../domain/front-door/caseload.ts';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface TeamWorker {
  readonly userId: string;
  readonly displayName: string;
  readonly children: readonly ChildForCaseload[];
}

const PARENTAL = ['parent', 'step_parent', 'carer'];

export async function teamWorkersWithCaseloads(db: Db, teamId: string): Promise<TeamWorker[]> {
  const workers = await db
    .selectFrom('teamMembership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.displayName'])
    .where('m.teamId', '=', teamId)
    .where('m.isManager', '=', false)
    .where('u.active', '=', true)
    .orderBy('u.displayName')
    .execute();
  if (workers.length === 0) return [];
  const allocations = await db
    .selectFrom('allocation as a')
    .leftJoin('personRelationship as r', (join) =>
      join
        .onRef('r.personId', '=', 'a.childId')
        .on('r.relationship', 'in', PARENTAL)
        .on((eb) => eb.or([eb('r.parentalResponsibility', '=', true), eb('r.livesWith', '=', true)])),
    )
    .select(['a.workerUserId', 'a.childId', 'r.relatedPersonId'])
    .where('a.endedOn', 'is', null)
    .where(
      'a.workerUserId',
      'in',
      workers.map((w) => w.id),
    )
    .execute();
  return workers.map((w) => {
    const byChild = new Map<string, string[]>();
    for (const a of allocations) {
      if (a.workerUserId !== w.id) continue;
      const parents = byChild.get(a.childId) ?? [];
      if (a.relatedPersonId !== null) parents.push(a.relatedPersonId);
      byChild.set(a.childId, parents);
    }
    return { userId: w.id, displayName: w.displayName, children: [...byChild].map(([childId, parentIds]) => ({ childId, parentIds })) };
  });
}

export async function teamById(db: Db, teamId: string): Promise<{ id: string; code: string; name: string } | undefined> {
  return db.selectFrom('team').select(['id', 'code', 'name']).where('id', '=', teamId).executeTakeFirst();
}

export async function configuredCaseloadTarget(db: Db, teamId: string): Promise<{ familiesPerWorker: number; source: string } | undefined> {
  return db.selectFrom('teamCaseloadTarget').select(['familiesPerWorker', 'source']).where('teamId', '=', teamId).executeTakeFirst();
}

/** Teams a MASH decision can refer a child to: those that hold social care cases. */
export async function referralTeams(db: Db): Promise<{ id: string; code: string; name: string }[]> {
  return db.selectFrom('team').select(['id', 'code', 'name']).where('code', 'in', [...REFERRAL_TEAM_CODES]).orderBy('name').execute();
}

export async function isMemberOf(db: Db, userId: string, teamId: string): Promise<boolean> {
  const row = await db
    .selectFrom('teamMembership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .select('m.userId')
    .where('m.userId', '=', userId)
    .where('m.teamId', '=', teamId)
    .where('m.isManager', '=', false)
    .where('u.active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
