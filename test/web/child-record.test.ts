import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CP_IDS } from '../../src/db/seed/demo-child-protection-plans.ts';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../src/db/seed/users.ts';
import { auditRows } from '../support/authority.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../support/web.ts';

let web: TestWeb;
beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

async function as(username: string): Promise<Browser> {
  const browser = new Browser(web.app);
  await browser.signIn(username);
  return browser;
}

describe('a child’s record page', () => {
  it('shows the allocated worker the identity bar, the summary and the family, and audits the view', async () => {
    const browser = await as('social.worker');
    const page = await browser.get(`/children/${DEMO_CHILD_IDS.allocated}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('moj-identity-bar');
    expect(page.body).toContain('moj-sub-navigation');
    expect(textOf(page.body)).toContain('Family Support Team North, Amara Lindqvist');
    expect(textOf(page.body)).toMatch(/NHS number 999 \d{3} \d{4}/);
    const views = await auditRows(web.database, 'people.child-record.viewed');
    expect(views.at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: DEMO_CHILD_IDS.allocated, requestId: expect.any(String) as unknown, ip: expect.any(String) as unknown });
  });

  it('flags a child on a child protection plan in the identity bar of every page of the record, and no child without one', async () => {
    const identityBar = (body: string) => textOf(body.slice(body.indexOf('moj-identity-bar'), body.indexOf('moj-sub-navigation')));
    const worker = await as('social.worker');
    for (const path of ['', '/chronology', '/case-notes']) {
      const page = await worker.get(`/children/${DEMO_CHILD_IDS.allocated}${path}`);
      expect(page.statusCode).toBe(200);
      expect(identityBar(page.body)).toContain('Child protection plan');
    }
    const manager = await as('team.manager');
    for (const path of ['', '/chronology']) {
      const page = await manager.get(`/children/${DEMO_CP_IDS.convenableChild}${path}`);
      expect(page.statusCode).toBe(200);
      expect(identityBar(page.body)).not.toContain('Child protection plan');
    }
  });

  it('is the same record through the JSON API, also audited', async () => {
    const browser = await as('social.worker');
    const before = (await auditRows(web.database, 'people.child-record.viewed')).length;
    const response = await browser.get(`/api/v1/children/${DEMO_CHILD_IDS.allocated}`);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ id: DEMO_CHILD_IDS.allocated, restriction: 'none' });
    expect((await auditRows(web.database, 'people.child-record.viewed')).length).toBe(before + 1);
  });

  it('refuses a worker in another team with a plain 403 page, and audits the refusal', async () => {
    const browser = await as('other.worker');
    const page = await browser.get(`/children/${DEMO_CHILD_IDS.allocated}`);
    expect(page.statusCode).toBe(403);
    expect(textOf(page.body)).toContain('You cannot see this page');
    expect(textOf(page.body)).toContain('not allocated to this child');
    expect(textOf(page.body)).not.toContain('Amara Lindqvist');
    const refused = await auditRows(web.database, 'access.record.refused');
    expect(refused.at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.otherTeamWorker, childId: DEMO_CHILD_IDS.allocated });
  });

  it('tells a MASH practitioner whom to ask about a restricted record', async () => {
    const page = await (await as('mash.practitioner')).get(`/children/${DEMO_CHILD_IDS.restricted}`);
    expect(page.statusCode).toBe(403);
    expect(textOf(page.body)).toContain('restricted record. Ask Gareth Munroe');
  });

  it('answers 404 for a sealed record, the same page as for a record that does not exist', async () => {
    const browser = await as('team.manager');
    const sealed = await browser.get(`/children/${DEMO_CHILD_IDS.sealed}`);
    const missing = await browser.get('/children/00000000-0000-4000-9000-999999999999');
    const notAnId = await browser.get('/children/not-an-id');
    expect([sealed.statusCode, missing.statusCode, notAnId.statusCode]).toEqual([404, 404, 404]);
    expect(textOf(sealed.body)).toBe(textOf(missing.body).replace(/nonce-[^"]+/g, ''));
    const api = await browser.get(`/api/v1/children/${DEMO_CHILD_IDS.sealed}`);
    expect(api.statusCode).toBe(404);
  });

  it('refuses the administrator, who holds no case data', async () => {
    const page = await (await as('admin')).get(`/children/${DEMO_CHILD_IDS.allocated}`);
    expect(page.statusCode).toBe(403);
  });
});

describe('my work', () => {
  it('lists the worker’s children with links to their records', async () => {
    const page = await (await as('social.worker')).get('/my-work');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/children/${DEMO_CHILD_IDS.allocated}"`);
    expect(page.body).not.toContain(DEMO_CHILD_IDS.restricted);
  });

  it('is not offered to the administrator', async () => {
    const browser = await as('admin');
    expect((await browser.get('/')).headers.location).toBe('/admin/users');
    expect((await browser.get('/my-work')).statusCode).toBe(403);
  });
});
