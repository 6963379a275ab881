// The pages after a decision, with CSRF on: the referral queue and allocation by the team manager
// (caseloads against the target), the early help queue, and the MASH dashboard's chart and table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../../support/web.ts';

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

const db = () => web.database.handle.db;

/** The demo authority's referral to Family Support Team North, waiting for its manager. */
async function demoReferral() {
  return db()
    .selectFrom('referral as r')
    .innerJoin('team as t', 't.id', 'r.teamId')
    .innerJoin('person as p', 'p.id', 'r.childId')
    .select(['r.id', 'r.childId', 'r.version', 'p.givenName', 'p.familyName'])
    .where('t.code', '=', 'FST_NORTH')
    .where('r.status', '=', 'awaiting_allocation')
    .where('r.purpose', '=', 'assessment')
    .executeTakeFirstOrThrow();
}

describe('referrals to children’s social care', () => {
  it('convenes the strategy discussion a referral asks for from the queue (CSRF, permission and record checked, audited), then links to it', async () => {
    const base = await db().selectFrom('referral').innerJoin('team as t', 't.id', 'referral.teamId').select(['referral.contactId', 'referral.teamId', 'referral.referralSource']).where('t.code', '=', 'FST_NORTH').executeTakeFirstOrThrow();
    const child = await db()
      .selectFrom('allocation')
      .innerJoin('person as p', 'p.id', 'allocation.childId')
      .select(['allocation.childId', 'p.givenName', 'p.familyName'])
      .where('allocation.teamId', '=', base.teamId)
      .where('allocation.endedOn', 'is', null)
      .where('p.restriction', '=', 'none')
      .orderBy('allocation.childId', 'desc')
      .executeTakeFirstOrThrow();
    const referral = await db()
      .insertInto('referral')
      .values({ contactId: base.contactId, childId: child.childId, purpose: 'strategy_discussion', referralSource: base.referralSource, referredOn: '2026-11-20', teamId: base.teamId, createdAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const action = `/referrals/${referral.id}/strategy-discussion`;
    const manager = await as('team.manager');
    const queue = await manager.get('/referrals');
    expect(queue.body).toContain(`action="${action}"`);
    expect(textOf(queue.body)).toContain(`Convene strategy discussion`);
    // Without the CSRF token: refused, nothing opened.
    expect((await manager.post(action, { urgent: 'yes' }, { csrf: 'wrong' })).statusCode).toBe(403);
    expect(await db().selectFrom('strategyDiscussionChild').select('strategyDiscussionId').where('referralId', '=', referral.id).execute()).toEqual([]);
    // A practitioner may record enquiries but does not manage the team: refused.
    expect((await (await as('mash.practitioner')).post(action, { urgent: 'no' }, { csrfFrom: '/referrals' })).statusCode).toBe(403);
    const convened = await manager.post(action, { urgent: 'yes' }, { csrfFrom: '/referrals' });
    expect(convened.statusCode).toBe(303);
    const place = await db().selectFrom('strategyDiscussionChild').select('strategyDiscussionId').where('referralId', '=', referral.id).executeTakeFirstOrThrow();
    expect(convened.headers.location).toBe(`/strategy-discussions/${place.strategyDiscussionId}`);
    const discussion = await db().selectFrom('strategyDiscussion').selectAll().where('id', '=', place.strategyDiscussionId).executeTakeFirstOrThrow();
    expect(discussion).toMatchObject({ openedOn: '2026-11-20', urgent: true, dueOn: '2026-11-20' });
    expect((await auditRows(web.database, 'child-protection.strategy-discussion.opened')).at(-1)).toMatchObject({ subjectId: place.strategyDiscussionId, actorUserId: DEMO_USER_IDS.teamManager, childId: child.childId });
    // The queue now links to the discussion, with no second button; posting again goes to the same one.
    const after = await manager.get('/referrals');
    expect(after.body).toContain(`href="/strategy-discussions/${place.strategyDiscussionId}"`);
    expect(after.body).not.toContain(`action="${action}"`);
    expect((await manager.post(action, { urgent: 'no' }, { csrfFrom: '/referrals' })).headers.location).toBe(`/strategy-discussions/${place.strategyDiscussionId}`);
  });

  it('refuses to convene a strategy discussion from a referral for an assessment: a 400 on the queue, never a 500', async () => {
    const referral = await demoReferral();
    const response = await (await as('team.manager')).post(`/referrals/${referral.id}/strategy-discussion`, { urgent: 'no' }, { csrfFrom: '/referrals' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(textOf(response.body)).toContain('This referral is for an assessment, not a strategy discussion');
  });

  it('shows the team manager their team’s referrals and lets them allocate one, with caseloads against the target', async () => {
    const referral = await demoReferral();
    const manager = await as('team.manager');
    const queue = await manager.get('/referrals');
    expect(queue.statusCode).toBe(200);
    const text = textOf(queue.body);
    expect(text).toContain('Referrals from the MASH for your team.');
    expect(text).toContain(`${referral.givenName} ${referral.familyName}`);
    expect(queue.body).toContain(`href="/referrals/${referral.id}/allocate"`);

    const url = `/referrals/${referral.id}/allocate`;
    const page = await manager.get(url);
    expect(page.statusCode).toBe(200);
    const pageText = textOf(page.body);
    expect(pageText).toContain('Target: 9 families per worker');
    expect(pageText).toContain('Amara Lindqvist');
    expect(pageText).toMatch(/\d+ famil(y|ies) \(\d+ child(ren)?\); target 9/);

    const none = await manager.post(url, { version: String(referral.version) });
    expect(none.statusCode).toBe(400);
    expect(textOf(none.body)).toContain('Select a worker in the team');
    const done = await manager.post(url, { workerUserId: DEMO_USER_IDS.socialWorker, version: String(referral.version) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/referrals?allocated=1');
    const open = await db().selectFrom('allocation').selectAll().where('childId', '=', referral.childId).where('endedOn', 'is', null).executeTakeFirstOrThrow();
    expect(open.workerUserId).toBe(DEMO_USER_IDS.socialWorker);
    expect((await auditRows(web.database, 'casework.referral.allocated')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, childId: referral.childId });
    expect(textOf((await manager.get('/referrals?allocated=1')).body)).toContain('The referral is allocated.');
    // The worker sees the child on their caseload.
    expect(textOf((await (await as('social.worker')).get('/my-work')).body)).toContain(`${referral.givenName} ${referral.familyName}`);
  });

  it('refuses allocation to a social worker and to the manager of another team', async () => {
    const fstCentral = (await db().selectFrom('team').select('id').where('code', '=', 'FST_CENTRAL').executeTakeFirstOrThrow()).id;
    const child = (await db().selectFrom('allocation').select('childId').where('teamId', '=', fstCentral).where('endedOn', 'is', null).executeTakeFirstOrThrow()).childId;
    const contact = (await db().selectFrom('contact').select('id').where('status', '=', 'decided').executeTakeFirstOrThrow()).id;
    const referral = await db()
      .insertInto('referral')
      .values({ contactId: contact, childId: child, purpose: 'assessment', referralSource: '6', referredOn: '2026-01-05', teamId: fstCentral, createdAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const url = `/referrals/${referral.id}/allocate`;
    expect((await (await as('social.worker')).get(url)).statusCode).toBe(403);
    const manager = await as('team.manager');
    expect((await manager.get(url)).statusCode).toBe(403);
    expect((await manager.get('/referrals/not-an-id/allocate')).statusCode).toBe(404);
    expect(textOf((await manager.get('/referrals')).body)).not.toContain(`/referrals/${referral.id}/allocate`);
  });
});

describe('early help referrals and the dashboard', () => {
  it('lists early help referrals for the MASH', async () => {
    const page = await (await as('mash.manager')).get('/early-help-referrals');
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toMatch(/Level 3/);
    expect((await (await as('team.manager')).get('/early-help-referrals')).statusCode).toBe(403);
  });

  it('draws the weekly chart on the server as accessible SVG, with the figures in a table', async () => {
    const page = await (await as('performance.officer')).get('/mash-dashboard');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('aria-labelledby="chart-title chart-desc"');
    expect(page.body).toMatch(/<desc id="chart-desc">Bar chart of contacts in and decisions made in each of the 12 weeks/);
    expect(page.body).toMatch(/<rect [^>]*fill="#1d70b8"><title>Contacts in, week of/);
    const text = textOf(page.body);
    expect(text).toContain('Figures by week');
    expect(text).toContain('Within one working day');
    expect(text).toContain('Repeats');
    expect(text).toMatch(/\d+ contacts in/);
    expect((await (await as('admin')).get('/mash-dashboard')).statusCode).toBe(403);
  });
});
