import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestWeb, type TestWeb } from '../support/web.ts';

let web: TestWeb;
let admin: Browser;
beforeAll(async () => {
  web = await createTestWeb();
  admin = new Browser(web.app);
  await admin.signIn('admin');
});
afterAll(async () => {
  await web.close();
});

describe('security headers (RELIABILITY.md §4.8)', () => {
  it.each(['/sign-in', '/admin/users', '/teams', '/no-such-page', '/health', '/api/docs'])('are set on %s', async (url) => {
    const response = await admin.get(url);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves pages as UTF-8 HTML with the script nonce matching the CSP', async () => {
    const response = await admin.get('/admin/users');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];
    expect(response.body).toContain(`nonce="${nonce ?? 'missing'}"`);
    expect(response.body).not.toMatch(/<script(?![^>]*nonce=)[^>]*>/);
  });

  it('lets static assets be cached but never pages', async () => {
    const css = await admin.get('/assets/govuk-frontend.min.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).not.toBe('no-store');
    expect((await admin.get('/assets/../package.json')).statusCode).toBe(404);
  });
});

describe('CSRF (RELIABILITY.md §4.7)', () => {
  it.each([
    ['/sign-out', {}],
    ['/admin/users/new', { displayName: 'X', username: 'x.y', password: 'long-enough-password', roles: 'iro' }],
    ['/admin/audit', {}],
  ])('refuses %s without a token and changes nothing', async (url, form) => {
    const before = await web.database.handle.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const response = await admin.post(url, form, { csrf: null });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('The form could not be sent');
    const after = await web.database.handle.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a token from another browser', async () => {
    const other = new Browser(web.app);
    const token = await other.csrfToken('/sign-in');
    const response = await admin.post('/admin/audit', {}, { csrf: token });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a JSON API change without the x-csrf-token header', async () => {
    const response = await web.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookieHeader, 'content-type': 'application/json' }, payload: '{}' });
    expect(response.statusCode).toBe(403);
  });
});

describe('request limits and hostile input', () => {
  it('refuses a body over the limit with 413, not a crash', async () => {
    const token = await admin.csrfToken('/admin/users/new');
    const response = await web.app.inject({
      method: 'POST',
      url: '/admin/users/new',
      headers: { cookie: admin.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&displayName=${'a'.repeat(300_000)}`,
    });
    expect(response.statusCode).toBe(413);
  });

  it('refuses malformed JSON with a 400', async () => {
    const me = await admin.get('/api/v1/me');
    const token = (JSON.parse(me.body) as { csrfToken: string }).csrfToken;
    const response = await web.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookieHeader, 'content-type': 'application/json', 'x-csrf-token': token }, payload: '{"username": ' });
    expect(response.statusCode).toBe(400);
  });

  it('escapes user-supplied text wherever it is shown', async () => {
    const response = await admin.post('/admin/users/new', { displayName: '<script>window.__xss=1</script>', username: 'bad name', password: 'short' });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('<script>window.__xss=1</script>');
    expect(response.body).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  });
});
