import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_CP_IDS } from '../../../src/db/seed/demo-child-protection-plans.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { daysAgo, signedIn } from '../records/helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const base = `/children/${child}/child-protection-plan`;
const review = `/child-protection/conferences/${DEMO_CP_IDS.allocatedReview}`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

describe('the child protection plan page', () => {
  it('shows the plan, what is due next with how each date was worked out, and the sub-navigation item', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(base);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Category of abuse Neglect');
    expect(text).toContain('How this date was worked out');
    expect(text).toContain('Source (CP-03)');
    expect(text).toContain('There is a contingency plan');
    expect(page.body).toContain(`aria-current="page" href="${base}"`);
    expect((await auditRows(web.database, 'child-protection.plan-page.viewed')).at(-1)).toMatchObject({ childId: child });
  });

  it('shows the unborn baby’s pre-birth conference due by week 23', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(`/children/${DEMO_CHILD_IDS.unborn}/child-protection-plan`);
    expect(textOf(page.body)).toContain('Initial child protection conference to be held');
    expect(textOf(page.body)).toContain('week 23');
  });

  it('refuses a worker in another team (403) and answers 404 for a sealed record', async () => {
    const other = await signedIn(web, 'other.worker');
    expect((await other.get(base)).statusCode).toBe(403);
    expect((await other.get(`/children/${DEMO_CHILD_IDS.sealed}/child-protection-plan`)).statusCode).toBe(404);
  });
});

describe('recording on the plan', () => {
  it('a visit: errors shown on the form, then saved', async () => {
    const sw = await signedIn(web, 'social.worker');
    const form = `${base}/visits/new`;
    const bad = await sw.post(form, { 'visitedOn-day': '31', 'visitedOn-month': '2', 'visitedOn-year': '2026', summary: '' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('There is a problem');
    expect(textOf(bad.body)).toContain('Date of the visit must be a real date');
    expect(textOf(bad.body)).toContain('Select whether the child was seen');
    const date = daysAgo(web, 0);
    const ok = await sw.post(form, {
      'visitedOn-day': date.day,
      'visitedOn-month': date.month,
      'visitedOn-year': date.year,
      seen: 'alone',
      summary: 'Seen alone.',
    });
    expect(ok.statusCode).toBe(303);
  });

  it('a core group without CSRF is refused', async () => {
    const sw = await signedIn(web, 'social.worker');
    const response = await sw.post(`${base}/core-groups/new`, { progress: 'x' }, { csrf: null });
    expect(response.statusCode).toBe(403);
  });

  it('the plan cannot be finalised without a contingency plan; a draft is kept', async () => {
    const sw = await signedIn(web, 'social.worker');
    const form = `${base}/plan`;
    const page = await sw.get(form);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    const missing = await sw.post(form, {
      version,
      'outcome-1': 'Safe at home',
      'action-1': 'Visits',
      'owner-1': 'Social worker',
      'actionDue-1-day': '1',
      'actionDue-1-month': '1',
      'actionDue-1-year': '2030',
      contingencyPlan: '',
      action: 'finalise',
    });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Enter the contingency plan');
    const draft = await sw.post(form, { version, 'outcome-1': 'Half written', contingencyPlan: '', action: 'draft' });
    expect(draft.statusCode).toBe(303);
    expect(textOf((await sw.get(form)).body)).toContain('This is your saved draft');
  });

  it('a social worker cannot open the chair’s outcome form', async () => {
    expect((await (await signedIn(web, 'social.worker')).get(`${review}/outcome`)).statusCode).toBe(403);
  });
});

describe('conferences', () => {
  it('a team manager convenes an initial conference; the conference page shows its due date', async () => {
    const tm = await signedIn(web, 'team.manager');
    const formUrl = `/children/${DEMO_CP_IDS.convenableChild}/child-protection-plan/convene`;
    const bad = await tm.post(
      '/child-protection/initial-conferences',
      { childId: DEMO_CP_IDS.convenableChild, 'strategyHeldOn-day': '', 'strategyHeldOn-month': '', 'strategyHeldOn-year': '' },
      { csrfFrom: formUrl },
    );
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Enter the date of the strategy discussion');
    expect(textOf(bad.body)).toContain('Select the child’s primary need from the list');
    // A real date before the working-day calendar's first year: a field error, the typed date kept.
    const early = await tm.post(
      '/child-protection/initial-conferences',
      { childId: DEMO_CP_IDS.convenableChild, 'strategyHeldOn-day': '12', 'strategyHeldOn-month': '6', 'strategyHeldOn-year': '1977', primaryNeed: 'N1' },
      { csrfFrom: formUrl },
    );
    expect(early.statusCode).toBe(400);
    expect(textOf(early.body)).toContain('There is a problem');
    expect(textOf(early.body)).toContain('The date the strategy discussion was held must be on or after 1 January 1978');
    expect(early.body).toMatch(/name="strategyHeldOn-year"[^>]*value="1977"|value="1977"[^>]*name="strategyHeldOn-year"/);
    const date = daysAgo(web, 1);
    const ok = await tm.post(
      '/child-protection/initial-conferences',
      {
        childId: DEMO_CP_IDS.convenableChild,
        'strategyHeldOn-day': date.day,
        'strategyHeldOn-month': date.month,
        'strategyHeldOn-year': date.year,
        primaryNeed: 'N1',
      },
      { csrfFrom: formUrl },
    );
    expect(ok.statusCode).toBe(303);
    const conference = await tm.get(ok.headers.location ?? '');
    expect(textOf(conference.body)).toContain('Source (S47-03)');
    expect(textOf((await tm.get(formUrl)).body)).toContain('already waiting to be held');
  });

  it('the chair records a review conference: invitation, attendance, decision; the plan continues', async () => {
    const chair = await signedIn(web, 'cp.chair');
    const date = daysAgo(web, 0);
    const invited = await chair.post(
      `${review}/invitations`,
      { name: 'Synthetic GP', agency: 'Health', 'invitedOn-day': date.day, 'invitedOn-month': date.month, 'invitedOn-year': date.year },
      { csrfFrom: review },
    );
    expect(invited.statusCode).toBe(303);
    const form = await chair.get(`${review}/outcome`);
    expect(form.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const invitationId = /name="attendance-([0-9a-f-]{36})"/.exec(form.body)?.[1] ?? '';
    const missing = await chair.post(`${review}/outcome`, { version, action: 'save' });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Select whether the plan continues or ends');
    const ok = await chair.post(`${review}/outcome`, {
      version,
      action: 'save',
      'heldOn-day': date.day,
      'heldOn-month': date.month,
      'heldOn-year': date.year,
      [`attendance-${invitationId}`]: 'attended',
      [`report-${invitationId}`]: 'yes',
      decision: 'continue',
      category: 'MUL',
      rationale: 'Still at risk.',
    });
    expect(ok.statusCode).toBe(303);
    expect(textOf((await chair.get(review)).body)).toContain('Plan continues');
    expect((await auditRows(web.database, 'child-protection.conference.recorded')).at(-1)).toMatchObject({ childId: child });
  });
});

describe('letters', () => {
  it('the decision letter of a held conference downloads as a Word document, audited; a performance officer may not export', async () => {
    const url = `/child-protection/conference-letters/${DEMO_CP_IDS.allocatedInitialConference}/decision.docx`;
    const response = await (await signedIn(web, 'social.worker')).get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await auditRows(web.database, 'child-protection.conference-letter.exported')).at(-1)).toMatchObject({
      childId: child,
      changes: { which: 'decision' },
    });
    expect((await (await signedIn(web, 'performance.officer')).get(url)).statusCode).toBe(403);
  });
});

describe('the CP chair’s conferences and the dashboard', () => {
  it('the chair sees conferences waiting with their due dates and the quality of plans, not the restricted child', async () => {
    const page = await (await signedIn(web, 'cp.chair')).get('/child-protection/conferences');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Waiting to be held or written up');
    expect(text).toContain('Initial (pre-birth)');
    expect(text).toContain('There is a contingency plan');
    const restricted = await web.database.handle.db
      .selectFrom('person')
      .select(['givenName', 'familyName'])
      .where('id', '=', DEMO_CHILD_IDS.restricted)
      .executeTakeFirstOrThrow();
    expect(text).not.toContain(`${restricted.givenName} ${restricted.familyName}`);
    expect((await (await signedIn(web, 'social.worker')).get('/child-protection/conferences')).statusCode).toBe(403);
  });

  it('the dashboard shows plans by category and duration as a chart with a table, and timeliness', async () => {
    const page = await (await signedIn(web, 'performance.officer')).get('/child-protection/dashboard');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('role="img"');
    const text = textOf(page.body);
    expect(text).toContain('Children on plans by category of abuse (the chart’s figures)');
    expect(text).toContain('Over 2 years (flagged)');
    expect(text).toContain('Initial conferences within 15 working days');
    expect((await auditRows(web.database, 'child-protection.dashboard.viewed')).length).toBeGreaterThan(0);
  });
});
