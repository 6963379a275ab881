import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../src/app/admin/create-user.ts';
import { updateUserAccess } from '../../../src/app/admin/update-user-access.ts';
import { createUserInput } from '../../../src/app/admin/user-input.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { systemContext } from '../../../src/app/shared/request-context.ts';
import { fieldErrorsOf } from '../../../src/app/shared/safe-text.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { verifyAuditChain } from '../../../src/db/shared/audit-repository.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
let mashTeamId: string;
beforeAll(async () => {
  database = await createTestAuthority();
  mashTeamId = (await database.handle.db.selectFrom('team').select('id').where('code', '=', 'MASH').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await database.close();
});

const valid = () =>
  createUserInput.parse({ username: 'jo.tester', displayName: 'Jo Tester', password: 'a-long-enough-password', roles: ['mash_practitioner'], teamIds: [mashTeamId], managedTeamIds: [] });

describe('creating a user', () => {
  it('creates the account with its roles and teams, audited in the same transaction', async () => {
    const admin = await contextFor(database, DEMO_USER_IDS.admin);
    const { id } = await createUser(database.deps, admin, valid());
    const actor = await contextFor(database, id);
    expect(actor.actor?.roles).toEqual(['mash_practitioner']);
    expect(actor.actor?.teams.map((t) => t.teamId)).toEqual([mashTeamId]);
    const [event] = await auditRows(database, 'admin.user.created');
    expect(event?.subjectId).toBe(id);
    expect(event?.actorUserId).toBe(DEMO_USER_IDS.admin);
    expect(JSON.stringify(event?.changes)).not.toContain('a-long-enough-password');
    expect((await verifyAuditChain(database.handle.db)).ok).toBe(true);
  });

  it('refuses a username that is taken, writing nothing', async () => {
    const before = (await auditRows(database)).length;
    await expect(createUser(database.deps, systemContext('test'), valid())).rejects.toBeInstanceOf(ValidationError);
    expect((await auditRows(database)).length).toBe(before);
  });

  it('refuses anyone but an administrator, and audits the refusal', async () => {
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    await expect(createUser(database.deps, manager, { ...valid(), username: 'not.created' })).rejects.toBeInstanceOf(AccessRefusedError);
    expect(await database.handle.db.selectFrom('appUser').select('id').where('username', '=', 'not.created').executeTakeFirst()).toBeUndefined();
    const refusals = await auditRows(database, 'access.record.refused');
    expect(refusals.at(-1)?.actorUserId).toBe(DEMO_USER_IDS.teamManager);
  });

  it('explains every bad field at once, in plain words', () => {
    const result = createUserInput.safeParse({ username: 'X Y', displayName: '', password: 'short', roles: ['wizard'], teamIds: ['nope'] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toMatchObject({
      username: expect.stringContaining('lower-case') as unknown,
      displayName: 'Enter the person’s full name',
      password: 'Password must be 12 characters or more',
      'roles.0': 'Select a role from the list',
      'teamIds.0': 'Select a team from the list',
    });
  });

  it('refuses text that cannot be stored faithfully (NUL, lone surrogates)', () => {
    expect(createUserInput.safeParse({ ...valid(), displayName: 'Jo\u0000' }).success).toBe(false);
    expect(createUserInput.safeParse({ ...valid(), displayName: 'Jo \uD800' }).success).toBe(false);
    expect(createUserInput.safeParse({ ...valid(), displayName: 'Jo 👍🏽 Ōkafor' }).success).toBe(true);
  });
});

describe('changing a user’s access', () => {
  it('refuses a save based on a stale version', async () => {
    const admin = await contextFor(database, DEMO_USER_IDS.admin);
    const user = await database.handle.db.selectFrom('appUser').select(['id', 'version']).where('username', '=', 'iro').executeTakeFirstOrThrow();
    const change = { roles: ['iro' as const], teamIds: [], managedTeamIds: [], active: true, version: user.version };
    await updateUserAccess(database.deps, admin, user.id, change);
    await expect(updateUserAccess(database.deps, admin, user.id, { ...change, roles: ['cp_chair'] })).rejects.toBeInstanceOf(StaleVersionError);
    const roles = await database.handle.db.selectFrom('userRole').select('role').where('userId', '=', user.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['iro']);
  });

  it('will not let an administrator remove their own access', async () => {
    const admin = await contextFor(database, DEMO_USER_IDS.admin);
    const me = await database.handle.db.selectFrom('appUser').select('version').where('id', '=', DEMO_USER_IDS.admin).executeTakeFirstOrThrow();
    await expect(updateUserAccess(database.deps, admin, DEMO_USER_IDS.admin, { roles: ['social_worker'], teamIds: [], managedTeamIds: [], active: true, version: me.version })).rejects.toBeInstanceOf(ValidationError);
  });
});
