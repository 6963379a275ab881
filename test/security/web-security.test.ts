// Web security checks not covered elsewhere (RELIABILITY.md §4.7; test/web/security.test.ts and
// test/web/sign-in.test.ts hold the rest): session fixation, the flags of every cookie the server
// sets, CSRF on every POST route in the route table, and the per-address limit on sign-in posts.
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../../src/app/auth/session-policy.ts';
import { buildAccessMatrix, routeKey, type BodyContext } from './access-matrix.ts';
import { createSecurityWeb, tableCounts } from './fixtures.ts';
import { encodeForm, HttpClient, SESSION_COOKIE } from './http-client.ts';

const web = await createSecurityWeb();
const matrix = buildAccessMatrix(web.server.routes);
const posterOf = (key: string) =>
  matrix.cells.find(
    (c) => routeKey(c.route) === key && c.expected === 'allow' && (c.route.permission === 'public' ? c.subject === 'anonymous' : c.subject !== 'anonymous'),
  );
// Routes the access matrix does not know yet fail its own test (access-matrix.test.ts).
const postRoutes = [...new Set(web.server.routes.filter((r) => r.method === 'POST').map(routeKey))].filter((key) => posterOf(key) !== undefined).sort();
afterAll(async () => {
  await web.close();
});

let address = 0;
const client = () => new HttpClient(web.app, `10.6.0.${String((address += 1))}`);

describe('session fixation (ASVS 7.2.4)', () => {
  it('issues a new session id at sign-in, whatever session cookie the browser arrived with', async () => {
    const victim = client();
    victim.setCookie(SESSION_COOKIE, 'attacker-chosen-session-id-0123456789abcdef');
    expect((await victim.get('/my-work')).statusCode).toBe(303);
    const signedIn = await victim.signIn('social.worker');
    const issued = signedIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe('attacker-chosen-session-id-0123456789abcdef');
    const attacker = client();
    attacker.setCookie(SESSION_COOKIE, 'attacker-chosen-session-id-0123456789abcdef');
    expect((await attacker.get('/my-work')).statusCode).toBe(303);
    expect((await victim.get('/my-work')).statusCode).toBe(200);
  });

  it('issues a different session id on every sign-in, and stores only a hash of it', async () => {
    const browser = client();
    const first = (await browser.signIn('iro')).cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const second = (await browser.signIn('iro')).cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    expect(second).not.toBe(first);
    expect(second.length).toBeGreaterThanOrEqual(43); // 256 random bits
    const stored = await web.database.handle.db.selectFrom('session').select('tokenHash').execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(second);
  });
});

describe('cookies (ASVS 3.3)', () => {
  it('sets every cookie Secure, HttpOnly, SameSite, host-only and __Host- prefixed, including the CSRF one', async () => {
    const browser = client();
    const responses = [await browser.get('/sign-in'), await browser.signIn('team.manager'), await browser.get('/my-work'), await browser.get('/api/v1/me')];
    const token = await browser.csrfToken();
    responses.push(await browser.request('POST', '/sign-out', { form: { _csrf: token } }));
    const cookies = responses.flatMap((r) => r.cookies);
    expect(new Set(cookies.map((c) => c.name))).toEqual(new Set(['__Host-hearth-csrf', SESSION_COOKIE]));
    for (const cookie of cookies) {
      expect(cookie, cookie.name).toMatchObject({ secure: true, httpOnly: true, path: '/' });
      expect(['Lax', 'Strict'], cookie.name).toContain(cookie.sameSite);
      expect(cookie.domain, cookie.name).toBeUndefined();
      expect(cookie.name.startsWith('__Host-'), cookie.name).toBe(true);
    }
    expect(cookies.find((c) => c.name === '__Host-hearth-csrf')?.sameSite).toBe('Strict');
  });
});

describe('CSRF on every POST route (ASVS 3.5)', () => {
  it.each(postRoutes)('%s refuses a post without a token, or with another browser’s, and changes nothing', async (key) => {
    const cell = posterOf(key);
    if (cell === undefined) throw new Error(`${key} needs an entry in test/security/access-matrix.ts`);
    const browser = client();
    if (cell.subject !== 'anonymous') await browser.signIn(cell.subject);
    else await browser.get('/sign-in');
    const ctx: BodyContext = {
      subject: cell.subject,
      unique: (p) => `${p}.csrf.${String(address)}`,
      userVersion: async (id) => (await web.database.handle.db.selectFrom('appUser').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
      params: cell.params,
      url: cell.url,
      db: web.database.handle.db,
      assessmentVersion: async (id) => (await web.database.handle.db.selectFrom('assessment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    };
    const body = await cell.entry.body?.(ctx);
    if (body === undefined) throw new Error(`no body for ${key}`);
    const stranger = client();
    await stranger.get('/sign-in');
    const foreign = await stranger.csrfToken();
    const before = await tableCounts(web);
    for (const token of [undefined, foreign, 'not-a-token']) {
      const response =
        'form' in body
          ? await browser.request('POST', cell.url, { form: token === undefined ? body.form : { ...body.form, _csrf: token } })
          : await browser.request('POST', cell.url, body, token === undefined ? {} : { 'x-csrf-token': token });
      expect(response.statusCode, `${key} with ${token ?? 'no token'}`).toBe(403);
    }
    expect(await tableCounts(web)).toEqual(before);
  });
});

describe('throttling sign-in posts (RELIABILITY.md §4.7)', () => {
  it('limits one address to 30 sign-in posts a minute, with a plain message, without affecting others', async () => {
    const noisy = client();
    const token = await noisy.csrfToken();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await noisy.request('POST', '/sign-in', { form: { username: '', password: '', _csrf: token } })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await noisy.request('POST', '/sign-in', { form: { username: 'social.worker', password: 'hearth-demo-2026', _csrf: token } });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many requests');
    expect(limited.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect((await client().signIn('social.worker')).statusCode).toBe(303);
  });
});

describe('a form posted after the session ended (RELIABILITY.md §4.5)', () => {
  it('keeps what can be kept and never fails on text that cannot be stored', async () => {
    const browser = client();
    await browser.signIn('admin');
    const token = await browser.csrfToken();
    web.database.clock.advance(SESSION_IDLE_MS + 60_000);
    try {
      const posted = await browser.request('POST', '/admin/users/new', {
        raw: encodeForm({ _csrf: token, displayName: 'a\u0000b', username: 'nul.user' }),
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(posted.statusCode).toBe(303);
      expect(posted.headers.location).toContain('/sign-in');
      const kept = await web.database.handle.db.selectFrom('draft').select('data').where('journey', '=', 'rescued:/admin/users/new').executeTakeFirstOrThrow();
      expect(kept.data).toEqual({ username: 'nul.user' });
    } finally {
      web.database.clock.advance(-(SESSION_IDLE_MS + 60_000));
    }
  });
});
