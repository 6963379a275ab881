// No lost updates and no duplicate submissions (RELIABILITY.md §4.4 C1, C3, C4, C7): a form posted
// twice (double click, retry) writes once and answers both times alike; two people saving the same
// record at once cannot overwrite each other. On PostgreSQL the two saves really run in parallel
// transactions (held at the same row lock, then released together); PGlite serialises them.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_REUSED } from '../../src/app/shared/idempotency.ts';
import { DEMO_USER_IDS } from '../../src/db/seed/users.ts';
import { auditRows } from '../support/authority.ts';
import { engineUnderTest } from '../support/database.ts';
import { createTestWeb, textOf, type TestWeb } from '../support/web.ts';
import { HttpClient, type FormBody } from '../security/http-client.ts';

let web: TestWeb;
let admin: HttpClient;
beforeAll(async () => {
  web = await createTestWeb();
  admin = new HttpClient(web.app, '10.1.0.1');
  await admin.signIn('admin');
});
afterAll(async () => {
  await web.close();
});

const db = () => web.database.handle.db;
const hidden = (html: string, name: string): string => {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no hidden ${name} field`);
  return value;
};

/** Opens a form page and returns its tokens, as a browser holding the page has them. */
async function openForm(client: HttpClient, url: string) {
  const page = await client.get(url);
  expect(page.statusCode).toBe(200);
  return { _csrf: hidden(page.body, '_csrf'), _submission: hidden(page.body, '_submission'), version: /name="version"/.test(page.body) ? hidden(page.body, 'version') : undefined };
}

const submit = (client: HttpClient, url: string, form: FormBody) => client.request('POST', url, { form });
const usersNamed = async (username: string) => db().selectFrom('appUser').select('id').where('username', '=', username).execute();
const createdAudits = async (userId: string) => (await auditRows(web.database, 'admin.user.created')).filter((r) => r.subjectId === userId);

function newUser(username: string): FormBody {
  return { displayName: 'Double Clicker', username, password: 'a-long-enough-password', roles: 'social_worker' };
}

describe('idempotent submissions (RELIABILITY.md §4.4 C3, C4)', () => {
  it('issues a fresh, random submission token with every form', async () => {
    const first = await openForm(admin, '/admin/users/new');
    const second = await openForm(admin, '/admin/users/new');
    expect(first._submission).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first._submission).not.toBe(second._submission);
  });

  it('creates one user when the same form is sent twice, and answers both alike', async () => {
    const tokens = await openForm(admin, '/admin/users/new');
    const form = { ...newUser('double.click'), _csrf: tokens._csrf, _submission: tokens._submission };
    const first = await submit(admin, '/admin/users/new', form);
    const again = await submit(admin, '/admin/users/new', form);
    expect([first.statusCode, again.statusCode]).toEqual([303, 303]);
    expect(again.headers.location).toBe(first.headers.location);
    const users = await usersNamed('double.click');
    expect(users).toHaveLength(1);
    expect(await createdAudits(users[0]!.id)).toHaveLength(1);
    const recorded = await db().selectFrom('formSubmission').selectAll().where('token', '=', tokens._submission).execute();
    expect(recorded).toMatchObject([{ userId: DEMO_USER_IDS.admin, purpose: 'admin.user.created', result: { id: users[0]!.id }, resultLocation: '/admin/users?created=1' }]);
  });

  it('creates one user when the same form arrives several times at once', async () => {
    const tokens = await openForm(admin, '/admin/users/new');
    const form = { ...newUser('impatient.clicker'), _csrf: tokens._csrf, _submission: tokens._submission };
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(admin, '/admin/users/new', form)));
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303, 303, 303]);
    const users = await usersNamed('impatient.clicker');
    expect(users).toHaveLength(1);
    expect(await createdAudits(users[0]!.id)).toHaveLength(1);
  });

  it('refuses the same token carrying different details, writing nothing', async () => {
    const tokens = await openForm(admin, '/admin/users/new');
    const base = { _csrf: tokens._csrf, _submission: tokens._submission };
    expect((await submit(admin, '/admin/users/new', { ...newUser('first.details'), ...base })).statusCode).toBe(303);
    const before = await auditRows(web.database);
    const other = await submit(admin, '/admin/users/new', { ...newUser('other.details'), ...base });
    expect(other.statusCode).toBe(400);
    expect(textOf(other.body)).toContain(SUBMISSION_REUSED);
    expect(await usersNamed('other.details')).toHaveLength(0);
    expect(await auditRows(web.database)).toHaveLength(before.length);
  });

  it('does not use up the token when the save is refused, so the corrected form can be sent', async () => {
    const tokens = await openForm(admin, '/admin/users/new');
    const base = { _csrf: tokens._csrf, _submission: tokens._submission };
    const taken = await submit(admin, '/admin/users/new', { ...newUser('social.worker'), ...base });
    expect(taken.statusCode).toBe(400);
    expect(textOf(taken.body)).toContain('A user with this username already exists');
    expect((await submit(admin, '/admin/users/new', { ...newUser('corrected.name'), ...base })).statusCode).toBe(303);
    expect(await usersNamed('corrected.name')).toHaveLength(1);
  });

  it('scopes tokens to their user: another administrator with the same token creates their own', async () => {
    const tokens = await openForm(admin, '/admin/users/new');
    expect((await submit(admin, '/admin/users/new', { ...newUser('scoped.one'), _csrf: tokens._csrf, _submission: tokens._submission })).statusCode).toBe(303);
    const second = new HttpClient(web.app, '10.1.0.2');
    const created = await admin.post('/api/v1/users', { json: { ...newUser('second.admin'), roles: ['system_admin'] } });
    expect(created.statusCode).toBe(201);
    await second.signIn('second.admin', 'a-long-enough-password');
    const theirs = await openForm(second, '/admin/users/new');
    const answer = await submit(second, '/admin/users/new', { ...newUser('scoped.two'), _csrf: theirs._csrf, _submission: tokens._submission });
    expect(answer.statusCode).toBe(303);
    expect(await usersNamed('scoped.two')).toHaveLength(1);
  });

  it('answers a repeated API call with the first account (Idempotency-Key)', async () => {
    const key = 'api-retry-key-0123456789';
    const body = { json: { ...newUser('api.retry'), roles: ['iro'] } };
    const first = await admin.post('/api/v1/users', body, { 'idempotency-key': key });
    const retry = await admin.post('/api/v1/users', body, { 'idempotency-key': key });
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await usersNamed('api.retry')).toHaveLength(1);
    const parallel = await Promise.all(Array.from({ length: 8 }, () => admin.post('/api/v1/users', { json: { ...newUser('api.burst'), roles: ['iro'] } }, { 'idempotency-key': 'api-burst-key-0123456789' })));
    expect(new Set(parallel.map((p) => `${String(p.statusCode)} ${p.body}`)).size).toBe(1);
    expect(await usersNamed('api.burst')).toHaveLength(1);
    expect((await admin.post('/api/v1/users', body, { 'idempotency-key': 'short' })).statusCode).toBe(400);
  });

  it('saves an edit once when it is sent twice, instead of calling the repeat stale', async () => {
    const tokens = await openForm(admin, `/admin/users/${DEMO_USER_IDS.cpChair}`);
    const form = { roles: ['cp_chair', 'iro'], active: 'yes', version: tokens.version ?? '', _csrf: tokens._csrf, _submission: tokens._submission };
    const first = await submit(admin, `/admin/users/${DEMO_USER_IDS.cpChair}`, form);
    const again = await submit(admin, `/admin/users/${DEMO_USER_IDS.cpChair}`, form);
    expect([first.statusCode, again.statusCode]).toEqual([303, 303]);
    expect(again.headers.location).toBe(`/admin/users/${DEMO_USER_IDS.cpChair}?saved=1`);
    const user = await db().selectFrom('appUser').select('version').where('id', '=', DEMO_USER_IDS.cpChair).executeTakeFirstOrThrow();
    expect(user.version).toBe(Number(tokens.version) + 1);
    expect((await auditRows(web.database, 'admin.user-access.changed')).filter((r) => r.subjectId === DEMO_USER_IDS.cpChair)).toHaveLength(1);
  });
});

/** On PostgreSQL: holds the row lock on a user until both saves are waiting for it, then lets them race. */
async function raceOnUserRow(userId: string, saves: () => Promise<[Awaited<ReturnType<typeof submit>>, Awaited<ReturnType<typeof submit>>]>) {
  if (engineUnderTest() !== 'postgres') return saves();
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked: () => void = () => undefined;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const blocker = db()
    .transaction()
    .execute(async (trx) => {
      await trx.selectFrom('appUser').select('id').where('id', '=', userId).forUpdate().execute();
      locked();
      await released;
    });
  await isLocked;
  const racing = saves();
  for (let i = 0; i < 400; i += 1) {
    const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
    if ((waiting.rows[0]?.n ?? 0) >= 2) break;
    await sleep(25);
  }
  const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
  expect(waiting.rows[0]?.n, 'both saves are inside their transactions, waiting on the same row').toBe(2);
  release();
  await blocker;
  return racing;
}

describe('two people saving the same record at once (RELIABILITY.md §4.4 C1, C7)', () => {
  it('keeps one save, shows the other both versions, and overwrites nothing', async () => {
    const userId = DEMO_USER_IDS.fosteringWorker;
    const alice = new HttpClient(web.app, '10.1.1.1');
    const bob = new HttpClient(web.app, '10.1.1.2');
    await alice.signIn('admin');
    await bob.signIn('admin');
    const aliceForm = await openForm(alice, `/admin/users/${userId}`);
    const bobForm = await openForm(bob, `/admin/users/${userId}`);
    expect(aliceForm.version).toBe(bobForm.version);
    const version = aliceForm.version ?? '';
    const before = (await auditRows(web.database, 'admin.user-access.changed')).length;

    const [a, b] = await raceOnUserRow(userId, () =>
      Promise.all([
        submit(alice, `/admin/users/${userId}`, { roles: ['fostering_worker', 'cp_chair'], active: 'yes', version, _csrf: aliceForm._csrf, _submission: aliceForm._submission }),
        submit(bob, `/admin/users/${userId}`, { roles: ['fostering_worker', 'iro'], active: 'yes', version, _csrf: bobForm._csrf, _submission: bobForm._submission }),
      ]),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([303, 409]);
    const [winner, loser] = a.statusCode === 303 ? [{ roles: ['cp_chair', 'fostering_worker'] }, { response: b, client: bob, roles: ['fostering_worker', 'iro'] }] : [{ roles: ['fostering_worker', 'iro'] }, { response: a, client: alice, roles: ['cp_chair', 'fostering_worker'] }];

    const saved = await db().selectFrom('userRole').select('role').where('userId', '=', userId).orderBy('role').execute();
    expect(saved.map((r) => r.role)).toEqual(winner.roles);
    expect((await auditRows(web.database, 'admin.user-access.changed')).length).toBe(before + 1);

    // The loser sees what is saved now (the winner's roles) and their own choices, and the form is
    // based on the new version, so saving again is a deliberate choice, not a silent overwrite.
    const page = textOf(loser.response.body);
    expect(page).toContain('Someone else changed this user while you were editing');
    const savedNow = page.slice(page.indexOf('Saved now'), page.indexOf('Your choices'));
    expect(savedNow).toContain(winner.roles.includes('iro') ? 'Independent reviewing officer' : 'Child protection chair');
    expect(hidden(loser.response.body, 'version')).toBe(String(Number(version) + 1));
    const again = await submit(loser.client, `/admin/users/${userId}`, {
      roles: loser.roles,
      active: 'yes',
      version: hidden(loser.response.body, 'version'),
      _csrf: hidden(loser.response.body, '_csrf'),
      _submission: hidden(loser.response.body, '_submission'),
    });
    expect(again.statusCode).toBe(303);
    const after = await db().selectFrom('userRole').select('role').where('userId', '=', userId).orderBy('role').execute();
    expect(after.map((r) => r.role)).toEqual(loser.roles);
  });
});
