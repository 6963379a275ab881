import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/db/seed/users.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../support/web.ts';

let web: TestWeb;
beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

describe('signing in and out', () => {
  it('sends a visitor who is not signed in to the sign-in page, then back where they were going', async () => {
    const browser = new Browser(web.app);
    const page = await browser.get('/teams');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fteams');
    const signIn = await browser.get(page.headers.location ?? '');
    expect(signIn.statusCode).toBe(200);
    const done = await browser.post('/sign-in', { username: 'social.worker', password: 'hearth-demo-2026', returnTo: '/teams' }, { csrfFrom: '/sign-in' });
    expect(done.headers.location).toBe('/teams');
  });

  it.each(DEMO_USERS.map((u) => [u.username, u.roleLabel] as const))('signs in %s (%s) and shows their name and team on every page', async (username) => {
    const browser = new Browser(web.app);
    const response = await browser.signIn(username);
    expect(response.statusCode).toBe(303);
    const home = await browser.get(response.headers.location ?? '/');
    const landing = await browser.get(home.headers.location ?? '/my-work');
    expect(landing.statusCode).toBe(200);
    const user = DEMO_USERS.find((u) => u.username === username);
    expect(textOf(landing.body)).toContain(user?.displayName);
    expect(textOf(landing.body)).toContain(user?.teamName);
    expect(landing.body).toContain('moj-primary-navigation');
    expect(landing.body).toContain('govuk-template');
  });

  it('sets a secure, HttpOnly, SameSite session cookie with the __Host- prefix', async () => {
    const browser = new Browser(web.app);
    const response = await browser.signIn('iro');
    const cookie = response.cookies.find((c) => c.name === '__Host-hearth-session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.domain).toBeUndefined();
  });

  it('shows one clear message for a wrong password or unknown user, keeping the username', async () => {
    const browser = new Browser(web.app);
    const wrong = await browser.signIn('cp.chair', 'not-my-password');
    expect(wrong.statusCode).toBe(401);
    expect(textOf(wrong.body)).toContain('There is a problem');
    expect(textOf(wrong.body)).toContain('Enter a correct username and password');
    expect(wrong.body).toContain('value="cp.chair"');
    const unknown = await browser.signIn('no.such.person', 'not-my-password');
    expect(textOf(unknown.body)).toContain('Enter a correct username and password');
  });

  it('asks for both fields when they are empty', async () => {
    const browser = new Browser(web.app);
    const empty = await browser.post('/sign-in', { username: '', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Enter your username');
    expect(textOf(empty.body)).toContain('Enter your password');
    expect(empty.body).toContain('href="#username"');
  });

  it('rate-limits repeated failures with a plain message', async () => {
    const browser = new Browser(web.app);
    for (let i = 0; i < 5; i += 1) await browser.signIn('fostering.worker', 'guess-number-' + String(i));
    const throttled = await browser.signIn('fostering.worker');
    expect(throttled.statusCode).toBe(429);
    expect(textOf(throttled.body)).toContain('Too many failed attempts');
  });

  it('refuses a sign-in without a CSRF token', async () => {
    const browser = new Browser(web.app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { username: 'social.worker', password: 'hearth-demo-2026' }, { csrf: null });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((c) => c.name === '__Host-hearth-session')).toBeUndefined();
  });

  it('signs out: the old session cookie no longer opens any page', async () => {
    const browser = new Browser(web.app);
    await browser.signIn('personal.adviser');
    const session = browser.cookie('__Host-hearth-session');
    const out = await browser.post('/sign-out', {}, { csrfFrom: '/my-work' });
    expect(out.headers.location).toBe('/sign-in?signedOut=1');
    const replay = await web.app.inject({ method: 'GET', url: '/my-work', headers: { cookie: `__Host-hearth-session=${session ?? ''}` } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toContain('/sign-in');
  });
});
