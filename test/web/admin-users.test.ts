import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../../src/app/auth/session-policy.ts';
import { auditRows } from '../support/authority.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../support/web.ts';

let web: TestWeb;
let admin: Browser;
let mashId: string;
let fstId: string;
beforeAll(async () => {
  web = await createTestWeb();
  admin = new Browser(web.app);
  await admin.signIn('admin');
  const teams = await web.database.handle.db.selectFrom('team').select(['id', 'code']).execute();
  mashId = teams.find((t) => t.code === 'MASH')?.id ?? '';
  fstId = teams.find((t) => t.code === 'FST_SOUTH')?.id ?? '';
});
afterAll(async () => {
  await web.close();
});

const userId = async (username: string) =>
  (await web.database.handle.db.selectFrom('appUser').select(['id', 'version']).where('username', '=', username).executeTakeFirstOrThrow());

describe('administering users', () => {
  it('shows every error at once on an empty form, linked to its field', async () => {
    const response = await admin.post('/admin/users/new', {});
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    for (const message of ['Enter the person’s full name', 'Enter a username', 'Enter a password', 'Select at least one role']) expect(text).toContain(message);
    expect(response.body).toContain('href="#displayName"');
    expect(response.body).toContain('href="#roles"');
  });

  it('creates a user with roles and teams; they can sign in and see their team', async () => {
    const response = await admin.post('/admin/users/new', {
      displayName: 'Robin Testwell', username: 'robin.testwell', email: 'robin@example.gov.uk', password: 'a-long-enough-password',
      roles: ['social_worker', 'team_manager'], teamIds: [fstId], managedTeamIds: [fstId],
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/users?created=1');
    expect(textOf((await admin.get('/admin/users?created=1')).body)).toContain('Robin Testwell');
    const robin = new Browser(web.app);
    expect((await robin.signIn('robin.testwell', 'a-long-enough-password')).statusCode).toBe(303);
    expect(textOf((await robin.get('/account')).body)).toContain('Family Support Team South (manager)');
  });

  it('refuses a team manager (403) and says so plainly', async () => {
    const manager = new Browser(web.app);
    await manager.signIn('team.manager');
    const page = await manager.get('/admin/users');
    expect(page.statusCode).toBe(403);
    expect(textOf(page.body)).toContain('Your role does not allow you to use this page');
  });

  it('changes roles and teams, effective on the person’s next page', async () => {
    const worker = new Browser(web.app);
    await worker.signIn('performance.officer');
    expect((await worker.get('/my-work')).statusCode).toBe(200);
    const { id, version } = await userId('performance.officer');
    const saved = await admin.post(`/admin/users/${id}`, { roles: 'mash_practitioner', teamIds: mashId, active: 'yes', version: String(version) });
    expect(saved.headers.location).toBe(`/admin/users/${id}?saved=1`);
    expect(textOf((await worker.get('/account')).body)).toContain('MASH practitioner');
  });

  it('shows both versions when someone else saved first, and saves nothing', async () => {
    const { id, version } = await userId('iro');
    const first = await admin.post(`/admin/users/${id}`, { roles: ['iro', 'cp_chair'], active: 'yes', version: String(version) });
    expect(first.statusCode).toBe(303);
    const stale = await admin.post(`/admin/users/${id}`, { roles: 'social_worker', active: 'yes', version: String(version) });
    expect(stale.statusCode).toBe(409);
    expect(textOf(stale.body)).toContain('Someone else changed this user while you were editing');
    expect(textOf(stale.body)).toContain('Saved now');
    expect(textOf(stale.body)).toContain('Your choices');
    const roles = await web.database.handle.db.selectFrom('userRole').select('role').where('userId', '=', id).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['cp_chair', 'iro']);
  });

  it('keeps what was typed when the session expired mid-form, and gives it back after signing in', async () => {
    const browser = new Browser(web.app);
    await browser.signIn('admin');
    const token = await browser.csrfToken('/admin/users/new');
    web.database.clock.advance(SESSION_IDLE_MS + 60_000);
    const posted = await browser.post('/admin/users/new', { displayName: 'Kept Typing', username: 'kept.typing', password: 'a-long-enough-password', roles: 'iro' }, { csrf: token });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/sign-in?returnTo=%2Fadmin%2Fusers%2Fnew&kept=1');
    expect(textOf((await browser.get(posted.headers.location ?? '')).body)).toContain('we kept what you typed');
    const back = await browser.post('/sign-in', { username: 'admin', password: 'hearth-demo-2026', returnTo: '/admin/users/new' }, { csrfFrom: '/sign-in' });
    expect(back.headers.location).toBe('/admin/users/new');
    const form = await browser.get('/admin/users/new');
    expect(form.body).toContain('value="Kept Typing"');
    expect(form.body).toContain('value="kept.typing"');
    expect(form.body).not.toContain('a-long-enough-password');
    expect(textOf(form.body)).toContain('We kept what you typed');
    expect(await auditRows(web.database, 'drafts.form.rescued')).toHaveLength(1);
    expect((await browser.get('/admin/users/new')).body).not.toContain('value="Kept Typing"');
  });
});
