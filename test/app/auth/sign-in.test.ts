import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '../../../src/app/auth/resolve-session.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../src/app/auth/session-policy.ts';
import { signIn } from '../../../src/app/auth/sign-in.ts';
import { signOut } from '../../../src/app/auth/sign-out.ts';
import { updateUserAccess } from '../../../src/app/admin/update-user-access.ts';
import { loadActor } from '../../../src/db/admin/user-repository.ts';
import { DEMO_PASSWORD } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

const attempt = (username: string, password: string, ip = '10.0.0.1') => signIn(database.deps, { username, password, ip, requestId: null });

describe('signing in', () => {
  it('starts a session for the right password, and audits it', async () => {
    const result = await attempt('social.worker', DEMO_PASSWORD);
    expect(result.outcome).toBe('signed-in');
    if (result.outcome !== 'signed-in') return;
    const session = await resolveSession(database.deps, result.token);
    expect(session.state).toBe('active');
    if (session.state === 'active') expect(session.actor.roles).toEqual(['social_worker']);
    const started = await auditRows(database, 'auth.session.started');
    expect(started.at(-1)?.actorUserId).toBe(DEMO_USER_IDS.socialWorker);
  });

  it('treats usernames case-insensitively', async () => {
    expect((await attempt('  Social.Worker ', DEMO_PASSWORD)).outcome).toBe('signed-in');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    expect(await attempt('nobody.here', 'whatever-password')).toEqual({ outcome: 'wrong-credentials' });
    expect(await attempt('iro', 'wrong-password')).toEqual({ outcome: 'wrong-credentials' });
    const failures = await auditRows(database, 'auth.sign-in.failed');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.every((f) => f.outcome === 'refused')).toBe(true);
  });

  it('throttles a username after five failures, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1) expect((await attempt('cp.chair', 'not-the-password', `10.1.0.${String(i)}`)).outcome).toBe('wrong-credentials');
    expect((await attempt('cp.chair', DEMO_PASSWORD, '10.1.1.1')).outcome).toBe('throttled');
    database.clock.advance(16 * 60 * 1000);
    expect((await attempt('cp.chair', DEMO_PASSWORD, '10.1.1.1')).outcome).toBe('signed-in');
  });

  it('throttles an address that guesses across many usernames', async () => {
    for (let i = 0; i < 20; i += 1) await attempt(`guess.${String(i)}`, 'not-the-password', '10.9.9.9');
    expect((await attempt('personal.adviser', DEMO_PASSWORD, '10.9.9.9')).outcome).toBe('throttled');
    expect((await attempt('personal.adviser', DEMO_PASSWORD, '10.9.9.10')).outcome).toBe('signed-in');
  });
});

describe('sessions', () => {
  it('expire after 30 minutes idle, and say whose session it was', async () => {
    const result = await attempt('iro', DEMO_PASSWORD, '10.2.0.1');
    if (result.outcome !== 'signed-in') throw new Error('expected sign-in');
    database.clock.advance(SESSION_IDLE_MS - 1000);
    expect((await resolveSession(database.deps, result.token)).state).toBe('active');
    database.clock.advance(SESSION_IDLE_MS + 1000);
    expect(await resolveSession(database.deps, result.token)).toEqual({ state: 'expired', userId: DEMO_USER_IDS.iro });
  });

  it('expire after 10 hours however active', async () => {
    const result = await attempt('mash.manager', DEMO_PASSWORD, '10.2.0.2');
    if (result.outcome !== 'signed-in') throw new Error('expected sign-in');
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - 20 * 60 * 1000; elapsed += 20 * 60 * 1000) {
      database.clock.advance(20 * 60 * 1000);
      expect((await resolveSession(database.deps, result.token)).state).toBe('active');
    }
    database.clock.advance(40 * 60 * 1000);
    expect((await resolveSession(database.deps, result.token)).state).toBe('expired');
  });

  it('end on sign-out: the old cookie no longer works', async () => {
    const result = await attempt('fostering.worker', DEMO_PASSWORD, '10.2.0.3');
    if (result.outcome !== 'signed-in') throw new Error('expected sign-in');
    await signOut(database.deps, await contextFor(database, DEMO_USER_IDS.fosteringWorker), result.token);
    expect((await resolveSession(database.deps, result.token)).state).toBe('none');
    expect((await auditRows(database, 'auth.session.ended')).length).toBe(1);
  });

  it('sign in the same actor as loadActor: name, roles and teams by name, with the manager flag', async () => {
    const result = await attempt('mash.manager', DEMO_PASSWORD, '10.2.0.6');
    if (result.outcome !== 'signed-in') throw new Error('expected sign-in');
    const session = await resolveSession(database.deps, result.token);
    const expected = await loadActor(database.handle.db, DEMO_USER_IDS.mashManager);
    if (session.state !== 'active' || expected === null) throw new Error('expected an active session');
    expect(session.actor.teams.length).toBeGreaterThan(0);
    expect(session.actor.teams.some((t) => t.isManager)).toBe(true);
    expect({ ...session.actor, roles: [...session.actor.roles].sort() }).toEqual({ ...expected, roles: [...expected.roles].sort() });
  });

  it('end at once when the account is disabled, and a removed role takes effect on the next request', async () => {
    const result = await attempt('adoption.worker', DEMO_PASSWORD, '10.2.0.4');
    if (result.outcome !== 'signed-in') throw new Error('expected sign-in');
    const admin = await contextFor(database, DEMO_USER_IDS.admin);
    const user = await database.handle.db.selectFrom('appUser').select('version').where('id', '=', DEMO_USER_IDS.adoptionWorker).executeTakeFirstOrThrow();
    const teams = await database.handle.db.selectFrom('teamMembership').select('teamId').where('userId', '=', DEMO_USER_IDS.adoptionWorker).execute();
    await updateUserAccess(database.deps, admin, DEMO_USER_IDS.adoptionWorker, { roles: ['social_worker'], teamIds: teams.map((t) => t.teamId), managedTeamIds: [], active: true, version: user.version });
    const changed = await resolveSession(database.deps, result.token);
    expect(changed.state === 'active' ? changed.actor.roles : []).toEqual(['social_worker']);
    await updateUserAccess(database.deps, admin, DEMO_USER_IDS.adoptionWorker, { roles: ['social_worker'], teamIds: [], managedTeamIds: [], active: false, version: user.version + 1 });
    expect((await resolveSession(database.deps, result.token)).state).toBe('none');
    expect((await attempt('adoption.worker', DEMO_PASSWORD, '10.2.0.5')).outcome).toBe('wrong-credentials');
  });
});
