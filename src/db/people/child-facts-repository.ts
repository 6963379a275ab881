import type { Transaction } from 'kysely';
import type { ChildRecordFacts } from '../../domain/shared/access/child-record-policy.ts';
import type { Database } from '../schema.ts';

export async function loadChildRecordFacts(trx: Transaction<Database>, personId: string, now: Date): Promise<ChildRecordFacts | null> {
  const person = await trx
    .selectFrom('person')
    .leftJoin('appUser as contact', 'contact.id', 'person.restrictionContactUserId')
    .select(['person.id', 'person.restriction', 'person.restrictionContactUserId', 'contact.displayName as contactName'])
    .where('person.id', '=', personId)
    .where('person.personType', 'in', ['child', 'unborn'])
    .executeTakeFirst();
  if (person === undefined) return null;
  const [allocation, grants] = await Promise.all([
    trx
      .selectFrom('allocation')
      .select(['workerUserId', 'teamId'])
      .where('childId', '=', personId)
      .where('endedOn', 'is', null)
      .executeTakeFirst(),
    trx
      .selectFrom('accessGrant')
      .select('userId')
      .where('personId', '=', personId)
      .where('revokedAt', 'is', null)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .execute(),
  ]);
  return {
    childId: person.id,
    restriction: person.restriction,
    allocatedWorkerId: allocation?.workerUserId ?? null,
    allocatedTeamId: allocation?.teamId ?? null,
    restrictionContact:
      person.restrictionContactUserId === null
        ? null
        : { userId: person.restrictionContactUserId, displayName: person.contactName ?? 'the named manager' },
    grantedUserIds: grants.map((g) => g.userId),
  };
}
