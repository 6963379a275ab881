// A migrated test database with the demo authority loaded, and actors for its demo users.
import { loadActor } from '../../src/db/admin/user-repository.ts';
import { seedDemoAuthority } from '../../src/db/seed/demo-authority.ts';
import type { RequestContext } from '../../src/app/shared/request-context.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export async function createTestAuthority(options: { readonly poolSize?: number } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase(options);
  await seedDemoAuthority(database.handle, database.clock.now());
  return database;
}

export async function contextFor(database: TestDatabase, userId: string): Promise<RequestContext> {
  const actor = await loadActor(database.handle.db, userId);
  if (actor === null) throw new Error(`no active user ${userId}`);
  return { actor, requestId: 'test-request', ip: '127.0.0.1' };
}

export async function auditRows(database: TestDatabase, action?: string) {
  let query = database.handle.db.selectFrom('auditEvent').selectAll().orderBy('seq');
  if (action !== undefined) query = query.where('action', '=', action);
  return query.execute();
}
