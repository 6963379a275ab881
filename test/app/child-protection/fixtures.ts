// A fresh synthetic child in Family Support Team North, allocated to the demo social worker, for
// child protection tests that must not depend on the demo authority's own plans.
import { randomUUID } from 'node:crypto';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import type { TestDatabase } from '../../support/database.ts';

export async function addChild(
  database: TestDatabase,
  options: { unbornDue?: string; dateOfBirth?: string } = {},
): Promise<{ childId: string; teamId: string }> {
  const db = database.handle.db;
  const team = await db.selectFrom('team').select('id').where('code', '=', 'FST_NORTH').executeTakeFirstOrThrow();
  const childId = randomUUID();
  const now = database.clock.now();
  await db
    .insertInto('person')
    .values({
      id: childId,
      personType: options.unbornDue === undefined ? 'child' : 'unborn',
      givenName: 'Test',
      familyName: `Child${childId.slice(0, 6)}`,
      dateOfBirth: options.unbornDue === undefined ? (options.dateOfBirth ?? '2019-05-01') : null,
      expectedDateOfDelivery: options.unbornDue ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db.insertInto('allocation').values({ childId, teamId: team.id, workerUserId: DEMO_USER_IDS.socialWorker, startedOn: '2026-01-05' }).execute();
  return { childId, teamId: team.id };
}
