import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { SESSION_IDLE_MS } from '../../../src/app/auth/session-policy.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { daysAgo, signedIn } from '../records/helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const section = `/children/${child}/child-in-need`;
const start = `${section}/start`;
const planForm = `${section}/plan`;
const reviewForm = `${section}/review`;
const closeForm = `${section}/close`;

const CONTINGENCY =
  'If the children are not attending school four days a week by the end of next month, or are left alone at home again, the social worker will ask the team manager for a strategy discussion the same day.';

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

async function planFields(): Promise<{ planId: string; version: string }> {
  const plan = await web.database.handle.db
    .selectFrom('cinPlan')
    .select(['id', 'version'])
    .where('childId', '=', child)
    .where('status', '<>', 'ended')
    .executeTakeFirstOrThrow();
  return { planId: plan.id, version: String(plan.version) };
}

function planBody(fields: { planId: string; version: string }, overrides: Record<string, string> = {}): Record<string, string> {
  const due = daysAgo(web, -30);
  return {
    ...fields,
    'outcome-0': 'The children get to school every day',
    'measure-0': 'Attendance above 95% each half term, from the school',
    'action-0': 'Evening routine sessions',
    'owner-0': 'Family support worker',
    'actionDue-0-day': due.day,
    'actionDue-0-month': due.month,
    'actionDue-0-year': due.year,
    contingency: CONTINGENCY,
    childViews: 'They like breakfast club.',
    action: 'finalise',
    ...overrides,
  };
}

describe('the child in need section', () => {
  it('is one item in the child’s sub-navigation and offers to start a plan, audited', async () => {
    const browser = await signedIn(web, 'social.worker');
    const page = await browser.get(section);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`aria-current="page" href="${section}"`);
    expect(textOf(page.body)).toContain('does not have a child in need plan');
    expect(page.body).toContain('Start a child in need plan');
    expect((await auditRows(web.database, 'child-in-need.section.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child });
  });

  it('refuses a worker in another team, a sealed record, and a performance officer’s start', async () => {
    expect((await (await signedIn(web, 'other.worker')).get(section)).statusCode).toBe(403);
    expect((await (await signedIn(web, 'social.worker')).get(`/children/${DEMO_CHILD_IDS.sealed}/child-in-need`)).statusCode).toBe(404);
    const perf = await signedIn(web, 'performance.officer');
    expect((await perf.get(section)).body).not.toContain('Start a child in need plan');
    expect((await perf.post(start, {}, { csrfFrom: section })).statusCode).toBe(403);
  });
});

describe('starting, writing and agreeing a plan', () => {
  it('refuses a start without the CSRF token', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.post(start, {}, { csrf: null })).statusCode).toBe(403);
  });

  it('starts a plan, keeps the draft, shows errors on the form, and refuses to finalise without a contingency', async () => {
    const browser = await signedIn(web, 'social.worker');
    const missing = await browser.post(start, {}, { csrfFrom: section });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Select the child’s primary need from the list');
    expect(missing.body).toContain('href="#primaryNeed"');
    const started = await browser.post(start, { primaryNeed: 'N5' }, { csrfFrom: section });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(`${planForm}?done=started`);
    const form = await browser.get(planForm);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Write the child in need plan');

    const draft = await browser.post(planForm, planBody(await planFields(), { contingency: '', action: 'draft' }));
    expect(draft.statusCode).toBe(303);
    expect(draft.headers.location).toBe(`${planForm}?done=saved`);
    const reopened = await browser.get(planForm);
    expect(reopened.body).toContain('value="The children get to school every day"');
    expect(textOf(reopened.body)).toContain('There is no contingency plan');

    const refused = await browser.post(planForm, planBody(await planFields(), { contingency: '   ' }));
    expect(refused.statusCode).toBe(400);
    expect(textOf(refused.body)).toContain('Enter the contingency plan: what will happen if change is not achieved or sustained');
    expect(refused.body).toContain('href="#contingency"');

    const badDate = await browser.post(
      planForm,
      planBody(await planFields(), { 'actionDue-0-day': '31', 'actionDue-0-month': '2', 'measure-1': 'orphan measure' }),
    );
    expect(badDate.statusCode).toBe(400);
    const text = textOf(badDate.body);
    expect(text).toContain('The date the action is due by must be a real date');
    expect(text).toContain('Enter the outcome this measure is for, or clear the measure');
    expect(badDate.body).toContain('href="#actionDue-0-day"');

    const stale = await browser.post(planForm, planBody({ ...(await planFields()), version: '1' }));
    expect(stale.statusCode).toBe(409);

    const finalised = await browser.post(planForm, planBody(await planFields()));
    expect(finalised.statusCode).toBe(303);
    expect(finalised.headers.location).toBe(`${section}?done=finalised`);
    const page = textOf((await browser.get(finalised.headers.location ?? '')).body);
    expect(page).toContain('Plan agreed and finalised.');
    expect(page).toContain('Child in need plan review');
    expect(page).toContain('How this date was worked out');
    expect(page).toContain('3 months after');
    expect(page).toContain(CONTINGENCY);
  });

  it('records a review with its errors shown on the form, then closes the episode (team manager only)', async () => {
    const browser = await signedIn(web, 'social.worker');
    const empty = await browser.post(reviewForm, { ...(await planFields()) });
    expect(empty.statusCode).toBe(400);
    const text = textOf(empty.body);
    for (const message of ['Enter the date the review was held', 'Enter who attended the review', 'Select the review’s decision'])
      expect(text).toContain(message);
    expect(empty.body).toContain('href="#heldOn-day"');

    // Save as draft: kept in the database for this worker, given back on the form.
    const drafted = await browser.post(reviewForm, { ...(await planFields()), attendance: 'Mum and the school', progress: 'Half written…', decision: 'step_up', action: 'draft' });
    expect(drafted.statusCode).toBe(303);
    expect(drafted.headers.location).toBe(`${reviewForm}?draft=saved`);
    const draftPage = await browser.get(drafted.headers.location ?? '');
    expect(textOf(draftPage.body)).toContain('Draft saved');
    expect(draftPage.body).toContain('Half written…');
    expect(draftPage.body).toMatch(/value="step_up" checked/);
    expect(textOf((await browser.get(reviewForm)).body)).toContain('This is your saved draft');
    expect((await auditRows(web.database, 'child-in-need.review-draft.saved')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child });
    // Another worker does not see it.
    expect(await web.database.handle.db.selectFrom('draft').select('userId').where('journey', 'like', 'child-in-need:review:%').execute()).toEqual([{ userId: DEMO_USER_IDS.socialWorker }]);

    // A review typed when the session had expired comes back after signing in, as the draft.
    const late = new Browser(web.app);
    await late.signIn('social.worker');
    const token = await late.csrfToken(reviewForm);
    web.database.clock.advance(SESSION_IDLE_MS + 60_000);
    const expired = await late.post(reviewForm, { ...(await planFields()), attendance: 'Typed before the timeout', progress: 'Kept', decision: 'continue' }, { csrf: token });
    expect(expired.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(reviewForm)}&kept=1`);
    await late.post('/sign-in', { username: 'social.worker', password: 'hearth-demo-2026', returnTo: reviewForm }, { csrfFrom: '/sign-in' });
    const rescuedPage = await late.get(reviewForm);
    expect(textOf(rescuedPage.body)).toContain('Your session ended before the review was saved');
    expect(rescuedPage.body).toContain('Typed before the timeout');
    const afterRescue = await late.get(reviewForm);
    expect(textOf(afterRescue.body)).toContain('This is your saved draft');
    expect(afterRescue.body).toContain('Typed before the timeout');
    await browser.signIn('social.worker'); // the first session idled out while the clock moved on

    const today = daysAgo(web, 0);
    const answers = {
      'heldOn-day': today.day,
      'heldOn-month': today.month,
      'heldOn-year': today.year,
      attendance: 'Mum, the children, the school',
      childViews: 'Mornings are better.',
      progress: 'Attendance is up.',
    };
    const noConsent = await browser.post(reviewForm, { ...(await planFields()), ...answers, decision: 'step_down' });
    expect(noConsent.statusCode).toBe(400);
    expect(textOf(noConsent.body)).toContain('A step down to early help needs the family’s agreement');
    expect(noConsent.body).toContain('href="#stepDownFamilyConsent"');
    const steppedUp = await browser.post(reviewForm, { ...(await planFields()), ...answers, decision: 'step_up' });
    expect(steppedUp.statusCode).toBe(303);
    expect(steppedUp.headers.location).toBe(`${section}?done=stepped-up`);
    // The review saved: the worker's draft of it is gone.
    expect(await web.database.handle.db.selectFrom('draft').select('userId').where('journey', 'like', 'child-in-need:review:%').execute()).toEqual([]);
    const afterStepUp = await browser.get(`${section}?done=stepped-up`);
    const discussionLink = /href="(\/strategy-discussions\/[0-9a-f-]{36})">The strategy discussion this review opened/.exec(afterStepUp.body);
    expect(discussionLink).not.toBeNull();
    expect((await (await signedIn(web, 'team.manager')).get(discussionLink?.[1] ?? '')).statusCode).toBe(200);

    const reviewed = await browser.post(reviewForm, {
      ...(await planFields()),
      'heldOn-day': today.day,
      'heldOn-month': today.month,
      'heldOn-year': today.year,
      attendance: 'Mum, the children, the school',
      childViews: 'Mornings are better.',
      progress: 'Attendance is up.',
      decision: 'close',
    });
    expect(reviewed.statusCode).toBe(303);
    expect(reviewed.headers.location).toBe(`${section}?done=reviewed`);
    expect(textOf((await browser.get(section)).body)).toContain('Close: the child is no longer in need of services');

    expect((await browser.get(closeForm)).statusCode).toBe(403);
    const manager = await signedIn(web, 'team.manager');
    const closeForm200 = await manager.get(closeForm);
    expect(closeForm200.statusCode).toBe(200);
    expect(textOf(closeForm200.body)).toContain('RC7: Services ceased for any other reason, including child no longer in need');
    const badClose = await manager.post(closeForm, { ...(await planFields()), reason: 'RC9' });
    expect(badClose.statusCode).toBe(400);
    expect(textOf(badClose.body)).toContain('Select the reason the child in need episode is closing');
    expect(textOf(badClose.body)).toContain('Enter the closure date');
    const closed = await manager.post(closeForm, {
      ...(await planFields()),
      reason: 'RC7',
      'closedOn-day': today.day,
      'closedOn-month': today.month,
      'closedOn-year': today.year,
    });
    expect(closed.statusCode).toBe(303);
    const page = textOf((await manager.get(`${section}?done=closed`)).body);
    expect(page).toContain('Child in need episode closed.');
    expect(page).toContain('RC7: Services ceased');
    expect((await auditRows(web.database, 'child-in-need.episode.closed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, childId: child });
  });
});

describe('My work', () => {
  it('shows the worker what is due and overdue with RAG tags and explanations, and the manager their team with the weak plan', async () => {
    const worker = textOf((await (await signedIn(web, 'social.worker')).get('/my-work')).body);
    expect(worker).toContain('Due and overdue on your cases');
    expect(worker).toContain('Child in need plan review');
    expect(worker).toMatch(/Overdue by \d+ working days?/);
    expect(worker).toContain('How this date was worked out');
    expect(worker).not.toContain('Your team');
    const managerBrowser = await signedIn(web, 'team.manager');
    const manager = textOf((await managerBrowser.get('/my-work')).body);
    expect(manager).toContain('Due and overdue in your team');
    expect(manager).toContain('Child in need plans flagged by the quality check (1)');
    expect(manager).toContain('The contingency plan is generic');
    const filtered = await managerBrowser.get(`/my-work?worker=${DEMO_USER_IDS.teamManager}`);
    expect(filtered.statusCode).toBe(200);
    // The team manager holds no child in need plans of their own (other modules' items may be listed).
    expect(textOf(filtered.body)).not.toContain('Child in need plan review');
    expect((await managerBrowser.get('/my-work?worker=not-a-uuid')).statusCode).toBe(200);
  });
});
