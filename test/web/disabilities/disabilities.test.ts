import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { CRITERION_CODES, ELIGIBILITY_CODES } from '../../../src/domain/disabilities/eligibility.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { daysAgo, signedIn } from '../records/helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const section = `/children/${child}/disabilities`;
const eligibility = `${section}/eligibility`;
const confirm = `${section}/eligibility/confirm`;
const newShortBreak = `${section}/short-breaks/new`;
const shortBreakReview = `${section}/short-breaks/review`;
const newRequest = `${section}/budget-requests/new`;
const panelDecision = `${section}/budget-requests/decision`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

function dateFields(name: string, days: number): Record<string, string> {
  const d = daysAgo(web, days);
  return { [`${name}-day`]: d.day, [`${name}-month`]: d.month, [`${name}-year`]: d.year };
}

/** Every criterion and exclusion answered; the first criterion met with its evidence. */
function eligibleForm(latestNumber: string): Record<string, string> {
  const form: Record<string, string> = {
    latestNumber,
    summary: 'Substantial needs in every area of daily living.',
    action: 'record',
    ...dateFields('decidedOn', 0),
  };
  for (const code of ELIGIBILITY_CODES) form[code] = 'not_met';
  const first = CRITERION_CODES[0] ?? 'SEVERE_LEARNING_DISABILITY';
  form[first] = 'met';
  form[`${first}-evidence`] = 'Educational psychologist’s report';
  form[`${first}-evidenceSource`] = 'specialist_assessment';
  Object.assign(form, dateFields(`${first}-evidenceDate`, 30));
  return form;
}

describe('the disabilities section', () => {
  it('is one item in the child’s sub-navigation, audited, and offers the eligibility decision', async () => {
    const browser = await signedIn(web, 'social.worker');
    const page = await browser.get(section);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`aria-current="page" href="${section}"`);
    expect(textOf(page.body)).toContain('No eligibility decision has been confirmed');
    expect(page.body).toContain('Record an eligibility decision');
    expect(page.body).not.toContain('Add short breaks');
    expect((await auditRows(web.database, 'disabilities.section.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child });
  });

  it('refuses a worker in another team, a sealed record, and a performance officer’s form', async () => {
    expect((await (await signedIn(web, 'other.worker')).get(section)).statusCode).toBe(403);
    expect((await (await signedIn(web, 'social.worker')).get(`/children/${DEMO_CHILD_IDS.sealed}/disabilities`)).statusCode).toBe(404);
    const perf = await signedIn(web, 'performance.officer');
    expect((await perf.get(section)).body).not.toContain('Record an eligibility decision');
    expect((await perf.get(eligibility)).statusCode).toBe(403);
  });
});

describe('the eligibility decision, confirmed by the team manager', () => {
  it('refuses a post without the CSRF token', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.post(eligibility, { action: 'save' }, { csrf: null })).statusCode).toBe(403);
  });

  it('keeps a draft, shows every problem in an error summary (400), records, and is confirmed', async () => {
    const sw = await signedIn(web, 'social.worker');
    expect((await sw.post(eligibility, { action: 'save', SEVERE_LEARNING_DISABILITY: 'met', summary: 'Started the analysis' })).statusCode).toBe(303);
    const reopened = await sw.get(eligibility);
    expect(reopened.body).toContain('Started the analysis');
    expect(reopened.body).toContain('You are continuing a saved draft');

    const bad = await sw.post(eligibility, {
      action: 'record',
      latestNumber: '0',
      SEVERE_LEARNING_DISABILITY: 'met',
      'decidedOn-day': '31',
      'decidedOn-month': '2',
      'decidedOn-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    const text = textOf(bad.body);
    expect(text).toContain('Select whether this is met or not met');
    expect(text).toContain('Enter the evidence for this answer');
    expect(text).toContain('The date of the decision must be a real date');
    expect(bad.body).toContain('href="#SEVERE_LEARNING_DISABILITY-evidenceDate-day"');
    expect(await web.database.handle.db.selectFrom('cwdEligibilityDecision').select('id').where('childId', '=', child).execute()).toHaveLength(0);

    const good = await sw.post(eligibility, eligibleForm('0'));
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe(`${section}?done=recorded`);
    const page = textOf((await sw.get(`${section}?done=recorded`)).body);
    expect(page).toContain('Awaiting the team manager');
    expect(page).toContain('Eligibility decision to confirm');
    expect(page).toContain('How this date was worked out');

    const tm = await signedIn(web, 'team.manager');
    const missing = await tm.post(confirm, { decisionId: '00000000-0000-4000-8000-000000000000', version: '1', decision: 'confirm' }, { csrfFrom: confirm });
    expect(missing.statusCode).toBe(400);
    const decision = await web.database.handle.db
      .selectFrom('cwdEligibilityDecision')
      .select(['id', 'version'])
      .where('childId', '=', child)
      .executeTakeFirstOrThrow();
    const noChoice = await tm.post(confirm, { decisionId: decision.id, version: String(decision.version) });
    expect(noChoice.statusCode).toBe(400);
    expect(textOf(noChoice.body)).toContain('Select whether you confirm the decision');
    const stale = await tm.post(confirm, { decisionId: decision.id, version: '99', decision: 'confirm' });
    expect(stale.statusCode).toBe(409);
    const confirmed = await tm.post(confirm, { decisionId: decision.id, version: String(decision.version), decision: 'confirm' });
    expect(confirmed.statusCode).toBe(303);
    expect(textOf((await sw.get(section)).body)).toContain('Decision in force (version 1)');
  });
});

describe('short breaks and personal budgets', () => {
  it('adds short breaks (400 on bad input), and records a review', async () => {
    const sw = await signedIn(web, 'social.worker');
    const decision = await web.database.handle.db
      .selectFrom('cwdEligibilityDecision')
      .select('id')
      .where('childId', '=', child)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const bad = await sw.post(newShortBreak, {
      eligibilityDecisionId: decision.id,
      type: 'overnight_care',
      amount: 'many',
      provider: '',
      ...dateFields('endsOn', 10),
      'startsOn-day': '',
    });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Enter who provides the short breaks');
    expect(textOf(bad.body)).toContain('Enter how many hours or nights a year');
    // A start so far ahead its first review would fall past the working-day calendar is refused on
    // the form (it used to be saved, and then every review form for the child answered 500).
    const farAhead = await sw.post(newShortBreak, {
      eligibilityDecisionId: decision.id,
      type: 'overnight_care',
      amount: '24',
      provider: 'Far Ahead House',
      'startsOn-day': '6',
      'startsOn-month': '1',
      'startsOn-year': '9999',
    });
    expect(farAhead.statusCode).toBe(400);
    expect(textOf(farAhead.body)).toContain('The date the short breaks start must be on or before 31 December 9998');
    expect(farAhead.body).toContain('value="9999"');
    expect(await web.database.handle.db.selectFrom('cwdShortBreak').select('id').where('provider', '=', 'Far Ahead House').execute()).toHaveLength(0);
    const good = await sw.post(newShortBreak, {
      eligibilityDecisionId: decision.id,
      type: 'overnight_care',
      amount: '24',
      provider: 'Willow House',
      ...dateFields('startsOn', 40),
    });
    expect(good.statusCode).toBe(303);
    const page = textOf((await sw.get(section)).body);
    expect(page).toContain('First review of overnight short breaks');
    expect(page).toContain('regulation 48');

    const sb = await web.database.handle.db.selectFrom('cwdShortBreak').select(['id', 'version']).where('childId', '=', child).executeTakeFirstOrThrow();
    const noNotes = await sw.post(shortBreakReview, { shortBreak: `${sb.id}:${String(sb.version)}`, outcome: 'continue', ...dateFields('reviewedOn', 1) });
    expect(noNotes.statusCode).toBe(400);
    const reviewed = await sw.post(shortBreakReview, {
      shortBreak: `${sb.id}:${String(sb.version)}`,
      outcome: 'continue',
      notes: 'Settled well.',
      ...dateFields('reviewedOn', 1),
    });
    expect(reviewed.statusCode).toBe(303);
    expect((await auditRows(web.database, 'disabilities.short-break.reviewed')).at(-1)).toMatchObject({ childId: child });
  });

  it('submits a personal budget request and the team manager records the panel’s decision', async () => {
    const sw = await signedIn(web, 'social.worker');
    const decision = await web.database.handle.db
      .selectFrom('cwdEligibilityDecision')
      .select('id')
      .where('childId', '=', child)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const bad = await sw.post(newRequest, { eligibilityDecisionId: decision.id, amount: '-3', purpose: '' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Enter the amount requested in pounds');
    expect(
      (await sw.post(newRequest, { eligibilityDecisionId: decision.id, amount: '2,400', purpose: 'Sitting service', ...dateFields('panelDate', 0) }))
        .statusCode,
    ).toBe(303);
    expect((await sw.get(panelDecision)).statusCode).toBe(403);

    const tm = await signedIn(web, 'team.manager');
    const form = await tm.get(panelDecision);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('£2,400.00');
    const request = await web.database.handle.db
      .selectFrom('cwdBudgetRequest')
      .select(['id', 'version'])
      .where('childId', '=', child)
      .executeTakeFirstOrThrow();
    const declinedWithoutReason = await tm.post(panelDecision, {
      request: `${request.id}:${String(request.version)}`,
      decision: 'declined',
      ...dateFields('panelDate', 0),
    });
    expect(declinedWithoutReason.statusCode).toBe(400);
    expect(textOf(declinedWithoutReason.body)).toContain('Enter the panel’s reasons');
    const approved = await tm.post(panelDecision, { request: `${request.id}:${String(request.version)}`, decision: 'approved', ...dateFields('panelDate', 0) });
    expect(approved.statusCode).toBe(303);
    expect(textOf((await sw.get(section)).body)).toContain('Approved as requested');
  });
});
