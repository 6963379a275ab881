import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS, DEMO_PASSWORD } from '../../src/db/seed/demo-authority.ts';
import { createLogger } from '../../src/logger.ts';
import { buildServer, type BuiltServer } from '../../src/web/server.ts';
import { createTestAuthority } from '../support/authority.ts';
import type { TestDatabase } from '../support/database.ts';
import { Browser } from '../support/web.ts';

let database: TestDatabase;
let server: BuiltServer;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestAuthority();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await buildServer(database.deps, { production: false, cookieSecret: 'log-test-secret-'.repeat(3), cookieSecure: true, trustProxy: false }, createLogger('info', sink));
});
afterAll(async () => {
  await server.app.close();
  await database.close();
});

describe('logs', () => {
  it('carry no personal data, passwords, session tokens or query strings', async () => {
    const browser = new Browser(server.app);
    await browser.signIn('social.worker');
    const session = browser.cookie('__Host-hearth-session') ?? 'missing';
    const child = await database.handle.db.selectFrom('person').select(['givenName', 'familyName', 'postcode']).where('id', '=', DEMO_CHILD_IDS.allocated).executeTakeFirstOrThrow();
    await browser.get(`/children/${DEMO_CHILD_IDS.allocated}`);
    await browser.get(`/teams?search=${encodeURIComponent(child.familyName)}`);
    await new Browser(server.app).signIn('social.worker', 'a-wrong-password-canary');
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    expect(log).toContain(DEMO_CHILD_IDS.allocated);
    for (const secret of [child.familyName, child.postcode ?? 'no-postcode', DEMO_PASSWORD, 'a-wrong-password-canary', session]) expect(log).not.toContain(secret);
  });

  it('give one access line per request, with its method, path, status and time', async () => {
    lines.length = 0;
    const browser = new Browser(server.app);
    await browser.signIn('social.worker');
    lines.length = 0;
    await browser.get(`/children/${DEMO_CHILD_IDS.allocated}`);
    await browser.get('/teams?search=anything');
    const entries = lines.join('').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; reqId?: string; req?: { method: string; path: string }; res?: { statusCode: number }; responseTime?: number });
    expect(entries.filter((e) => e.msg === 'incoming request')).toEqual([]);
    const access = entries.filter((e) => e.msg === 'request completed');
    expect(access.map((e) => [e.req?.method, e.req?.path, e.res?.statusCode])).toEqual([
      ['GET', `/children/${DEMO_CHILD_IDS.allocated}`, 200],
      ['GET', '/teams', 200],
    ]);
    for (const e of access) {
      expect(e.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.responseTime).toBeGreaterThan(0);
    }
  });
});
