// The Returns pages: choose a return, validation errors on the form, the progress page (refreshing
// itself while the build runs), the failures table linking to each child's record, the download,
// CSRF and access refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../../support/web.ts';

let web: TestWeb;
let officer: Browser;
let censusYear: string;

async function finishedRun(browser: Browser, location: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const page = await browser.get(location);
    expect(page.statusCode).toBe(200);
    if (!page.body.includes('http-equiv="refresh"')) return page.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the return did not finish');
}

beforeAll(async () => {
  web = await createTestWeb();
  officer = new Browser(web.app);
  await officer.signIn('performance.officer');
  const now = web.database.clock.now();
  censusYear = String(now.getUTCMonth() >= 3 ? now.getUTCFullYear() + 1 : now.getUTCFullYear());
});

afterAll(async () => {
  await web.close();
});

describe('/returns', () => {
  it('offers the census years and the Annex A window', async () => {
    const page = await officer.get('/returns');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('DfE Children in Need census (XML)');
    expect(text).toContain('Ofsted Annex A, Lists 1 to 7');
    expect(page.body).toContain(`value="${censusYear}"`);
  });

  it('asks which return when none is chosen, and for a real past date for Annex A', async () => {
    const none = await officer.post('/returns/runs', {}, { csrfFrom: '/returns' });
    expect(none.statusCode).toBe(400);
    expect(textOf(none.body)).toContain('Choose which return to build');
    const future = await officer.post(
      '/returns/runs',
      { kind: 'annex_a', 'to-day': '1', 'to-month': '1', 'to-year': '2999', months: '12' },
      { csrfFrom: '/returns' },
    );
    expect(future.statusCode).toBe(400);
    expect(textOf(future.body)).toContain('must be today or in the past');
    const runsBefore = (await web.database.handle.db.selectFrom('returnRun').select('id').execute()).length;
    const ancient = await officer.post(
      '/returns/runs',
      { kind: 'annex_a', 'to-day': '31', 'to-month': '3', 'to-year': '1066', months: '12' },
      { csrfFrom: '/returns' },
    );
    expect(ancient.statusCode).toBe(400);
    expect(textOf(ancient.body)).toContain('There is a problem');
    expect(textOf(ancient.body)).toContain('The last day of the window must be on or after 1 January 1978');
    expect(ancient.body).toContain('value="1066"');
    expect(await web.database.handle.db.selectFrom('returnRun').select('id').execute()).toHaveLength(runsBefore);
    const bad = await officer.post(
      '/returns/runs',
      { kind: 'annex_a', 'to-day': '31', 'to-month': '2', 'to-year': '2025', months: '9' },
      { csrfFrom: '/returns' },
    );
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Enter the last day of the window as a real date');
    expect(textOf(bad.body)).toContain('Choose 6 or 12 months');
  });

  it('builds the census, lists the failures with links to the records, and downloads the XML', async () => {
    const referral = await web.database.handle.db.selectFrom('referral').select('childId').executeTakeFirstOrThrow();
    await web.database.handle.db.updateTable('person').set({ ethnicity: null }).where('id', '=', referral.childId).execute();
    const started = await officer.post('/returns/runs', { kind: 'cin_census', year: censusYear }, { csrfFrom: '/returns' });
    expect(started.statusCode).toBe(303);
    const location = started.headers.location as string;
    expect(location).toMatch(/^\/returns\/runs\/[0-9a-f-]{36}$/);
    const body = await finishedRun(officer, location);
    const text = textOf(body);
    expect(text).toMatch(/\d+ (child|children) in the census/);
    expect(text).toContain('4220');
    expect(text).toContain('Child’s ethnicity is missing or invalid');
    expect(body).toContain(`href="/children/${referral.childId}"`);
    const file = await officer.get(`${location}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/xml');
    expect(file.headers['content-disposition']).toContain(`CIN_census_${censusYear}.xml`);
    expect(file.body).toContain('<Message>');
    const audit = await web.database.handle.db
      .selectFrom('auditEvent')
      .select('action')
      .where('action', 'in', ['returns.run.started', 'returns.run.finished', 'returns.run.downloaded'])
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['returns.run.started', 'returns.run.finished', 'returns.run.downloaded']));
  });

  it('builds Annex A and downloads the workbook', async () => {
    const started = await officer.post(
      '/returns/runs',
      { kind: 'annex_a', 'to-day': '1', 'to-month': '1', 'to-year': '2026', months: '6' },
      { csrfFrom: '/returns' },
    );
    expect(started.statusCode).toBe(303);
    const location = started.headers.location as string;
    const body = await finishedRun(officer, location);
    expect(textOf(body)).toContain('Rows in each list');
    const file = await officer.get(`${location}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows a progress bar and refreshes itself while the build runs', async () => {
    const row = await web.database.handle.db
      .insertInto('returnRun')
      .values({
        kind: 'cin_census',
        censusYear: Number(censusYear),
        requestedByUserId: DEMO_USER_IDS.performanceOfficer,
        startedAt: web.database.clock.now(),
        stage: 'Building children',
        done: 2000,
        total: 8000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = await officer.get(`/returns/runs/${row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta http-equiv="refresh" content="2">');
    expect(page.body).toMatch(/<progress[^>]*max="100" value="25"/);
    expect(textOf(page.body)).toContain('Building children: 2000 of 8000');
    expect(textOf(page.body)).toContain('25% done');
  });

  it('lists the rules checked and those not applied, with reasons', async () => {
    const page = await officer.get('/returns/rules');
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Activity shown after a case has been closed');
    expect(textOf(page.body)).toContain('Rules Hearth does not check, and why');
    // Rules on plans, enquiries and conferences, Hearth's own query, and why the rest are not checked.
    expect(textOf(page.body)).toContain('Child protection plan shown as starting a different day to the initial child protection conference.');
    expect(textOf(page.body)).toContain('H01Q');
    expect(textOf(page.body)).toContain('No data in Hearth for a child’s date of death');
    expect(textOf(page.body)).toContain('Cannot fail:');
    // Return-level rules, counted across all children.
    expect(textOf(page.body)).toContain('There are more child protection plans starting than initial conferences taking place');
    // 8610 is checked since Hearth records a primary need where work starts (migration 0026).
    expect(textOf(page.body)).toContain('Primary Need code is missing for a referral which led to further action.');
    expect(textOf(page.body)).not.toContain('Written and tested, not applied yet');
  });

  it('refuses a form without its CSRF token', async () => {
    const response = await officer.post('/returns/runs', { kind: 'cin_census', year: censusYear }, { csrf: null });
    expect(response.statusCode).toBe(403);
  });

  it('is not open to a social worker', async () => {
    const worker = new Browser(web.app);
    await worker.signIn('social.worker');
    expect((await worker.get('/returns')).statusCode).toBe(403);
    expect((await worker.get('/returns/rules')).statusCode).toBe(403);
  });

  it('answers 404 for a run that does not exist', async () => {
    expect((await officer.get('/returns/runs/00000000-0000-4000-a000-0000000dead0')).statusCode).toBe(404);
    expect((await officer.get('/returns/runs/00000000-0000-4000-a000-0000000dead0/download')).statusCode).toBe(404);
  });
});
