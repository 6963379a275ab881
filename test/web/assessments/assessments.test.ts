// The assessment pages with fastify.inject: the child's list under its sub-navigation, the long form
// (save and come back later, stale saves, submission errors), the manager's authorisation, the letter
// as a Word document, CSRF and refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_ASSESSMENT_IDS } from '../../../src/db/seed/demo-assessments.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { signedIn } from '../records/helpers.ts';
import { allocatedReferral } from '../../app/assessments/fixtures.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const list = `/children/${child}/assessments`;
const inProgress = `/assessments/${DEMO_ASSESSMENT_IDS.inProgress}`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

const version = async (id: string) =>
  (await web.database.handle.db.selectFrom('assessment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const childOf = async (id: string) =>
  (await web.database.handle.db.selectFrom('assessment').select('childId').where('id', '=', id).executeTakeFirstOrThrow()).childId;

function completeForm(v: number, action: 'save' | 'submit'): Record<string, string | string[]> {
  return {
    version: String(v),
    action,
    planningChecklist: ['why_referred', 'family_history'],
    planningNotes: 'Planned with the manager.',
    'childSeenOn-day': '',
    'childSeenOn-month': '',
    'childSeenOn-year': '',
    'childSeenAloneOn-day': '',
    'childSeenAloneOn-month': '',
    'childSeenAloneOn-year': '',
    notSeenAloneReason: '',
    childDevelopment: 'Doing well at school.',
    parentingCapacity: 'Warm and consistent.',
    familyEnvironment: 'Settled home.',
    childVoice: 'Said she feels safe.\nLikes swimming.',
    strengths: 'Grandmother nearby.',
    worries: 'Money is short.',
    analysis: 'Needs support under s17.',
    factors: ['4B'],
    primaryNeed: 'N4',
    letterToChild: 'Dear you, thank you for talking to me.',
  };
}

describe('the Assessments list on the child’s record', () => {
  it('shows the assessment in progress with its due date explained, under the sub-navigation, audited', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(list);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('In progress');
    expect(text).toContain('How this date was worked out');
    expect(text).toContain('45 working days');
    expect(text).toContain('Seed 004 §8');
    expect(page.body).toContain(`aria-current="page" href="${list}"`);
    expect((await auditRows(web.database, 'assessments.assessments.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child });
  });

  it('refuses a worker in another team', async () => {
    const page = await (await signedIn(web, 'other.worker')).get(list);
    expect(page.statusCode).toBe(403);
  });
});

describe('writing the assessment', () => {
  it('saves and comes back later; a stale save keeps what was typed with a warning', async () => {
    const browser = await signedIn(web, 'social.worker');
    const form = await browser.get(`${inProgress}/edit`);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Save and come back later');
    const v = await version(DEMO_ASSESSMENT_IDS.inProgress);
    const saved = await browser.post(`${inProgress}/edit`, completeForm(v, 'save'));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${inProgress}/edit?saved=1`);
    const row = await web.database.handle.db.selectFrom('assessment').selectAll().where('id', '=', DEMO_ASSESSMENT_IDS.inProgress).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ childVoice: 'Said she feels safe.\nLikes swimming.', factors: ['4B'], primaryNeed: 'N4', version: v + 1 });
    const stale = await browser.post(`${inProgress}/edit`, { ...completeForm(v, 'save'), worries: 'Typed on an old page.' });
    expect(stale.statusCode).toBe(409);
    expect(textOf(stale.body)).toContain('Someone else saved this assessment');
    expect(stale.body).toContain('Typed on an old page.');
  });

  it('will not submit before the child is seen: the error summary links to the date', async () => {
    const browser = await signedIn(web, 'social.worker');
    const response = await browser.post(`${inProgress}/edit`, completeForm(await version(DEMO_ASSESSMENT_IDS.inProgress), 'submit'), {
      csrfFrom: `${inProgress}/edit`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#childSeenOn-day"');
    expect(textOf(response.body)).toContain('the child must be seen before the assessment is submitted');
  });

  it('reports a date that is not a real date', async () => {
    const browser = await signedIn(web, 'social.worker');
    const response = await browser.post(
      `${inProgress}/edit`,
      { ...completeForm(await version(DEMO_ASSESSMENT_IDS.inProgress), 'save'), 'childSeenOn-day': '31', 'childSeenOn-month': '2', 'childSeenOn-year': '2026' },
      { csrfFrom: `${inProgress}/edit` },
    );
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('The date the child was seen must be a real date');
  });

  it('refuses a post without the CSRF token', async () => {
    const browser = await signedIn(web, 'social.worker');
    const response = await browser.post(`${inProgress}/edit`, completeForm(1, 'save'), { csrf: null });
    expect(response.statusCode).toBe(403);
  });

  it('starts an assessment from an allocated referral and opens the form', async () => {
    const { childId, referralId } = await allocatedReferral(web.database);
    const browser = await signedIn(web, 'social.worker');
    const page = await browser.get(`/children/${childId}/assessments`);
    expect(textOf(page.body)).toContain('Start the assessment');
    const started = await browser.post(`/referrals/${referralId}/assessment`, {}, { csrfFrom: `/children/${childId}/assessments` });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toMatch(/^\/assessments\/[0-9a-f-]{36}\/edit$/);
  });
});

describe('the manager authorises', () => {
  it('shows the authorisation form, reports a missing outcome, and authorises with a child in need plan', async () => {
    const id = DEMO_ASSESSMENT_IDS.awaitingAuthorisation;
    const childId = await childOf(id);
    const url = `/assessments/${id}/authorise`;
    const browser = await signedIn(web, 'team.manager');
    const form = await browser.get(url);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Step down to targeted early help');
    // the page sits in the child's record: its sub-navigation, with Assessments current
    expect(form.body).toContain(`aria-current="page" href="/children/${childId}/assessments"`);
    const missing = await browser.post(url, { version: String(await version(id)), action: 'authorise', rationale: '' });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Select the outcome of the assessment');
    expect(textOf(missing.body)).toContain('Enter why you are authorising this outcome');
    const done = await browser.post(url, { version: String(await version(id)), action: 'authorise', outcome: 'cin_plan', rationale: 'Agreed.' });
    expect(done.statusCode).toBe(303);
    const view = await browser.get(`/assessments/${id}`);
    const text = textOf(view.body);
    expect(text).toContain('Authorised');
    expect(text).toContain('Agree the child in need plan');
    expect(text).toContain('Within 45 working days');
  });

  it('links a step-down outcome to the early help queue, which the assessing social worker can open', async () => {
    const id = DEMO_ASSESSMENT_IDS.authorised;
    const db = web.database.handle.db;
    const before = await db.selectFrom('assessment').select('outcome').where('id', '=', id).executeTakeFirstOrThrow();
    await db.updateTable('assessment').set({ outcome: 'step_down_early_help' }).where('id', '=', id).execute();
    try {
      const browser = await signedIn(web, 'social.worker');
      const view = await browser.get(`/assessments/${id}`);
      expect(view.statusCode).toBe(200);
      const href = /href="([^"]*)">See early help referrals</.exec(view.body)?.[1];
      expect(href).toBe('/early-help');
      expect((await browser.get(href ?? '')).statusCode).toBe(200);
    } finally {
      await db.updateTable('assessment').set({ outcome: before.outcome }).where('id', '=', id).execute();
    }
  });

  it('is refused to a social worker', async () => {
    const id = DEMO_ASSESSMENT_IDS.awaitingAuthorisation;
    const page = await (await signedIn(web, 'social.worker')).get(`/assessments/${id}/authorise`);
    expect(page.statusCode).toBe(403);
  });
});

describe('the letter to the child', () => {
  it('downloads as a Word document, audited as an export', async () => {
    const id = DEMO_ASSESSMENT_IDS.authorised;
    const childId = await childOf(id);
    const response = await (await signedIn(web, 'social.worker')).get(`/assessments/${id}/letter.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await auditRows(web.database, 'assessments.letter.exported')).at(-1)).toMatchObject({ subjectId: id, childId });
  });
});
