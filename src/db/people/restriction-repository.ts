// Restricting a record to named people, and lifting it. The access policy reads `restriction` and
// `restriction_contact_user_id` on every request, so a change here applies from the next one.
import type { Transaction } from 'kysely';
import type { Role } from '../../domain/shared/access/roles.ts';
import type { Database } from '../schema.ts';

type Trx = Transaction<Database>;

export interface ManagerChoice {
  readonly id: string;
  readonly displayName: string;
  readonly teams: string;
}

/** Active users holding one of `roles`, to be named as the person to ask about a restricted record. */
export async function listManagers(trx: Trx, roles: readonly Role[]): Promise<ManagerChoice[]> {
  const rows = await trx
    .selectFrom('appUser')
    .innerJoin('userRole', 'userRole.userId', 'appUser.id')
    .leftJoin('teamMembership', 'teamMembership.userId', 'appUser.id')
    .leftJoin('team', 'team.id', 'teamMembership.teamId')
    .select(['appUser.id', 'appUser.displayName', 'team.name as teamName'])
    .where('appUser.active', '=', true)
    .where('userRole.role', 'in', [...roles])
    .orderBy('appUser.displayName')
    .execute();
  const byId = new Map<string, { id: string; displayName: string; teams: string[] }>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, displayName: r.displayName, teams: [] };
    if (r.teamName !== null && !entry.teams.includes(r.teamName)) entry.teams.push(r.teamName);
    byId.set(r.id, entry);
  }
  return [...byId.values()].map((m) => ({ id: m.id, displayName: m.displayName, teams: m.teams.join(', ') }));
}

export async function setRestriction(
  trx: Trx,
  personId: string,
  expectedVersion: number,
  values: { restriction: 'none' | 'restricted'; contactUserId: string | null; reason: string | null; at: Date | null },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('person')
    .set((eb) => ({
      restriction: values.restriction,
      restrictionContactUserId: values.contactUserId,
      restrictionReason: values.reason,
      restrictedAt: values.at,
      version: eb('version', '+', 1),
      updatedAt: now,
    }))
    .where('id', '=', personId)
    .where('version', '=', expectedVersion)
    .where('restriction', '!=', 'sealed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
