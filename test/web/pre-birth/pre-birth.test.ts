import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PRE_BIRTH_IDS } from '../../../src/db/seed/demo-pre-birth.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { daysAgo, signedIn } from '../records/helpers.ts';

let web: TestWeb;
const early = DEMO_PRE_BIRTH_IDS.unborn18Weeks;
const late = DEMO_PRE_BIRTH_IDS.lateConfirmed;
const plan = (id: string) => `/children/${id}/pre-birth`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

describe('the pre-birth plan page', () => {
  it('shows every milestone with its due date, status and how the date was worked out, audited', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(plan(early));
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    for (const id of ['PB-01', 'PB-02', 'PB-03', 'PB-05', 'PB-06', 'PB-07', 'PB-08', 'PB-09', 'PB-10', 'PB-11', 'PB-12']) expect(text).toContain(id);
    expect(text).toContain('18 weeks pregnant today');
    expect(text).toContain('How this date was worked out');
    expect(text).toContain('(40 − 19) × 7 = 147 days before the expected date of delivery');
    expect(text).toContain('Seed 004');
    expect(page.body).toContain('govuk-tag--green');
    expect(page.body).toContain(`aria-current="page" href="${plan(early)}"`);
    expect((await auditRows(web.database, 'pre-birth.plan.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: early });
  });

  it('shows the expedited assessment and the Family Support route for the late-confirmed pregnancy', async () => {
    const text = textOf((await (await signedIn(web, 'social.worker')).get(plan(late))).body);
    expect(text).toContain('Late: assessment expedited');
    expect(text).toContain('ASS-07');
    expect(text).toContain('Straight to the Family Support Service');
  });

  it('prompts the week-20 strategy discussion with a button to convene one for the unborn baby (the child protection form)', async () => {
    const browser = await signedIn(web, 'social.worker');
    const page = await browser.get(plan(early));
    expect(textOf(page.body)).toContain('Strategy discussion (week 20)');
    const convene = `/children/${early}/child-protection/strategy-discussions/new`;
    expect(page.body).toContain(`href="${convene}"`);
    const form = await browser.get(convene);
    expect(form.statusCode).toBe(200);
    const officer = await (await signedIn(web, 'performance.officer')).get(plan(early));
    expect(officer.body).not.toContain(`href="${convene}"`);
  });

  it('lists "Pre-birth plan" in the sub-navigation of an unborn child only', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.get(`/children/${early}/case-notes`)).body).toContain('Pre-birth plan');
    expect((await browser.get(`/children/${DEMO_CHILD_IDS.allocated}/case-notes`)).body).not.toContain('Pre-birth plan');
    const none = await browser.get(plan(DEMO_CHILD_IDS.allocated));
    expect(none.statusCode).toBe(200);
    expect(textOf(none.body)).toContain('did not begin before birth');
  });

  it('refuses a worker in another team and offers no change links to a performance officer', async () => {
    expect((await (await signedIn(web, 'other.worker')).get(plan(early))).statusCode).toBe(403);
    const page = await (await signedIn(web, 'performance.officer')).get(plan(early));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/pre-birth/milestone');
    expect((await (await signedIn(web, 'performance.officer')).get(`${plan(early)}/milestone`)).statusCode).toBe(403);
  });
});

describe('recording on the plan', () => {
  it('records a milestone and shows it done', async () => {
    const browser = await signedIn(web, 'social.worker');
    const form = await browser.get(`${plan(early)}/milestone?milestone=assessment`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/value="assessment" checked/);
    const when = daysAgo(web, 1);
    const saved = await browser.post(`${plan(early)}/milestone`, {
      milestone: 'assessment',
      outcome: 'done',
      'happenedOn-day': when.day,
      'happenedOn-month': when.month,
      'happenedOn-year': when.year,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${plan(early)}?saved=milestone#milestone-assessment`);
    const page = textOf((await browser.get(`${plan(early)}?saved=milestone`)).body);
    expect(page).toContain('Milestone recorded');
    // the assessment is done: the FGC referral is prompted
    expect(page).toContain('make a referral to the family group conference service');
  });

  it('shows each error on the milestone form, linked from the summary, and saves nothing', async () => {
    const browser = await signedIn(web, 'social.worker');
    const response = await browser.post(`${plan(early)}/milestone`, { milestone: 'strategy', outcome: 'not_required', reason: '' });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Enter why it is not required');
    expect(response.body).toContain('href="#reason"');
    const bad = await browser.post(`${plan(early)}/milestone`, {
      milestone: 'visit',
      outcome: 'done',
      'happenedOn-day': '31',
      'happenedOn-month': '2',
      'happenedOn-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#happenedOn-day"');
  });

  it('records the FGC referral declined with a reason, which ends the prompt', async () => {
    const browser = await signedIn(web, 'social.worker');
    const when = daysAgo(web, 0);
    const missing = await browser.post(`${plan(early)}/fgc-referral`, {
      outcome: 'declined',
      reason: '',
      'decidedOn-day': when.day,
      'decidedOn-month': when.month,
      'decidedOn-year': when.year,
    });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Enter why the family group conference referral was declined');
    const saved = await browser.post(`${plan(early)}/fgc-referral`, {
      outcome: 'declined',
      reason: 'Parents want time to tell family',
      'decidedOn-day': when.day,
      'decidedOn-month': when.month,
      'decidedOn-year': when.year,
    });
    expect(saved.statusCode).toBe(303);
    const page = textOf((await browser.get(plan(early))).body);
    expect(page).not.toContain('make a referral to the family group conference service');
    expect(page).toContain('Parents want time to tell family');
  });

  it('refuses a post without the CSRF token', async () => {
    const browser = await signedIn(web, 'social.worker');
    const response = await browser.post(
      `${plan(early)}/pregnancy`,
      { 'pregnancyConfirmedOn-day': '1', 'pregnancyConfirmedOn-month': '1', 'pregnancyConfirmedOn-year': '2026' },
      { csrf: null },
    );
    expect(response.statusCode).toBe(403);
  });

  it('records the birth: the unborn record becomes the child’s, and the post-birth timescales show', async () => {
    const browser = await signedIn(web, 'social.worker');
    const form = await browser.get(`${plan(late)}/birth`);
    expect(form.statusCode).toBe(200);
    const invalid = await browser.post(`${plan(late)}/birth`, { timeOfBirth: '9.30', givenName: '', familyName: 'Ashdown-Pryce' });
    expect(invalid.statusCode).toBe(400);
    const errors = textOf(invalid.body);
    for (const message of [
      'Enter the date of birth',
      'Enter the time of birth, like 14:30',
      'Select the baby’s sex',
      'Enter the baby’s given names',
      'Select whether the mother is medically fit',
    ])
      expect(errors).toContain(message);
    const born = daysAgo(web, 0);
    const saved = await browser.post(`${plan(late)}/birth`, {
      'bornOn-day': born.day,
      'bornOn-month': born.month,
      'bornOn-year': born.year,
      timeOfBirth: '06:15',
      sex: 'male',
      givenName: 'Tobias',
      familyName: 'Ashdown-Pryce',
      nhsNumber: '',
      motherMedicallyFit: 'no',
    });
    expect(saved.statusCode).toBe(303);
    const page = textOf((await browser.get(saved.headers.location ?? '')).body);
    expect(page).toContain('Birth recorded: this is now the child’s record');
    expect(page).toContain('After the birth');
    expect(page).toContain('PLO-10');
    expect(page).toContain('CP-06');
    expect(page).toContain('not medically fit to attend a meeting in the first 10 days, so 20 days');
    expect(page).toContain('Tobias Ashdown-Pryce');
    const person = await web.database.handle.db.selectFrom('person').select(['personType', 'dateOfBirth']).where('id', '=', late).executeTakeFirstOrThrow();
    expect(person).toEqual({ personType: 'child', dateOfBirth: born.iso });
  });
});
