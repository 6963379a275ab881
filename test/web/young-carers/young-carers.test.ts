// The young carers' pages with fastify.inject: the child's list under its sub-navigation with the
// start form (bad input kept on the page with a GOV.UK error summary), the long form (save and come
// back later, stale saves, submission errors), the manager's authorisation, CSRF and refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_YOUNG_CARER_IDS } from '../../../src/db/seed/demo-young-carers.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { daysAgo, signedIn } from '../records/helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const list = `/children/${child}/young-carers`;
const inProgress = `/young-carers/${DEMO_YOUNG_CARER_IDS.inProgress}`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

const db = () => web.database.handle.db;
const version = async (id: string) => (await db().selectFrom('youngCarerAssessment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const countFor = async (childId: string) => (await db().selectFrom('youngCarerAssessment').select('id').where('childId', '=', childId).execute()).length;

function startForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const requested = daysAgo(web, 3);
  return {
    caredForPersonId: 'not-listed',
    caredForName: 'Robin Ashdown',
    caredForRelationship: 'grandparent',
    caredForIsAdult: 'yes',
    caredForNeeds: ['long_term_illness'],
    caringTasks: ['household', 'medication'],
    caringTasksDetail: '',
    hoursPerWeek: '10',
    'requestedOn-day': requested.day,
    'requestedOn-month': requested.month,
    'requestedOn-year': requested.year,
    requestedBy: 'young_carer',
    requestedByDetail: '',
    ...overrides,
  };
}

function contentForm(v: number, action: 'save' | 'submit', overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const seen = daysAgo(web, 1);
  return {
    version: String(v),
    action,
    'youngCarerSeenOn-day': seen.day,
    'youngCarerSeenOn-month': seen.month,
    'youngCarerSeenOn-year': seen.year,
    caringRole: 'Cooks and gives medicine.',
    appropriateness: 'Medicine reminders are fine.',
    careAppropriate: 'appropriate',
    wishesToContinueCaring: 'yes',
    wellbeingImpact: 'Tired.',
    educationEmployment: 'Late to school.',
    leisure: 'Misses swimming.',
    youngCarerViews: 'Wants a break.',
    familyViews: 'Agree.',
    servicesForCaredFor: 'Home care.',
    needsIdentified: 'Respite and a mentor.',
    outcomes: ['support_plan'],
    ...overrides,
  };
}

describe('the Young carers list on the child’s record', () => {
  it('shows the assessment in progress with its due date explained, under the sub-navigation, audited', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(list);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('In progress');
    expect(text).toContain('How this date was worked out');
    expect(text).toContain('YC-01');
    expect(text).toContain('Start a young carer’s needs assessment');
    expect(page.body).toContain(`aria-current="page" href="${list}"`);
    expect((await auditRows(web.database, 'young-carers.assessments.viewed')).at(-1)).toMatchObject({
      actorUserId: DEMO_USER_IDS.socialWorker,
      childId: child,
    });
  });

  it('offers people related to the child as the person cared for', async () => {
    const parent = await db()
      .selectFrom('personRelationship as r')
      .innerJoin('person as p', 'p.id', 'r.relatedPersonId')
      .select(['p.id', 'p.givenName'])
      .where('r.personId', '=', child)
      .executeTakeFirst();
    const page = await (await signedIn(web, 'social.worker')).get(list);
    if (parent !== undefined) expect(page.body).toContain(`value="${parent.id}"`);
    expect(textOf(page.body)).toContain('Someone not on the child’s record');
  });

  it('refuses a worker in another team (403) and hides the start form from a role that cannot start one', async () => {
    expect((await (await signedIn(web, 'other.worker')).get(list)).statusCode).toBe(403);
    const iro = await (await signedIn(web, 'iro')).get(list);
    expect(iro.statusCode).toBe(200);
    expect(textOf(iro.body)).not.toContain('Start a young carer’s needs assessment');
  });
});

describe('starting an assessment', () => {
  it('shows every problem at once in a GOV.UK error summary, keeps what was typed, writes nothing', async () => {
    const browser = await signedIn(web, 'social.worker');
    const before = await countFor(child);
    const page = await browser.post(
      list,
      startForm({
        caredForName: '',
        caredForRelationship: '',
        caredForIsAdult: '',
        caredForNeeds: [],
        caringTasks: ['bogus'],
        hoursPerWeek: '200',
        'requestedOn-day': '31',
        'requestedOn-month': '2',
        requestedBy: '',
        requestedByDetail: 'Ms Patel',
      }),
    );
    expect(page.statusCode).toBe(400);
    const text = textOf(page.body);
    expect(text).toContain('There is a problem');
    for (const message of [
      'Enter the name of the person the young carer looks after',
      'Select who the person is to the young carer',
      'Select whether the person cared for is an adult or a child',
      'Select why the person needs care',
      'Select the caring the young carer does',
      'Enter the hours a week spent caring',
      'Select who asked for the assessment',
    ])
      expect(text).toContain(message);
    expect(page.body).toContain('href="#requestedOn-day"');
    expect(page.body).toContain('value="Ms Patel"');
    expect(await countFor(child)).toBe(before);
  });

  it('refuses a request date in the future', async () => {
    const browser = await signedIn(web, 'social.worker');
    const page = await browser.post(list, startForm({ 'requestedOn-year': String(Number(daysAgo(web, 0).year) + 1) }));
    expect(page.statusCode).toBe(400);
    expect(textOf(page.body)).toContain('The date the assessment was requested must be today or in the past');
    // a date before the child was born (and before the working-day calendar) is refused, never a 500
    const ancient = await browser.post(list, startForm({ 'requestedOn-year': '1066' }));
    expect(ancient.statusCode).toBe(400);
    expect(textOf(ancient.body)).toContain('on or after the child’s date of birth');
  });

  it('starts one and opens the form; refuses without a CSRF token', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.post(list, startForm(), { csrf: null })).statusCode).toBe(403);
    const started = await browser.post(list, startForm());
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toMatch(/^\/young-carers\/[0-9a-f-]{36}\/edit$/);
    const form = await browser.get(String(started.headers.location));
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Robin Ashdown (grandparent, adult)');
  });
});

describe('writing the assessment', () => {
  it('saves a draft and comes back to it; a stale save keeps what was typed (409)', async () => {
    const browser = await signedIn(web, 'social.worker');
    const edit = `${inProgress}/edit`;
    const v = await version(DEMO_YOUNG_CARER_IDS.inProgress);
    const saved = await browser.post(edit, contentForm(v, 'save', { leisure: 'Draft leisure text.' }));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${edit}?saved=1`);
    const back = await browser.get(`${edit}?saved=1`);
    expect(back.body).toContain('Draft leisure text.');
    expect(textOf(back.body)).toContain('Assessment saved');
    const stale = await browser.post(edit, contentForm(v, 'save', { leisure: 'Typed over a stale form.' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Typed over a stale form.');
    expect(textOf(stale.body)).toContain('Someone else saved this assessment');
    expect((await auditRows(web.database, 'young-carers.young-carer-assessment.stale-save-refused')).length).toBeGreaterThan(0);
  });

  it('refuses to submit without what the Regulations require, with the errors on the form', async () => {
    const browser = await signedIn(web, 'social.worker');
    const edit = `${inProgress}/edit`;
    const v = await version(DEMO_YOUNG_CARER_IDS.inProgress);
    const page = await browser.post(
      edit,
      contentForm(v, 'submit', { familyViews: '', careAppropriate: '', outcomes: ['no_further_action', 'support_plan'], 'youngCarerSeenOn-day': '40' }),
    );
    expect(page.statusCode).toBe(400);
    const text = textOf(page.body);
    expect(text).toContain('There is a problem');
    expect(page.body).toContain('href="#youngCarerSeenOn-day"');
    const second = await browser.post(
      edit,
      contentForm(v, 'submit', { familyViews: '', careAppropriate: '', outcomes: ['no_further_action', 'support_plan'] }),
    );
    expect(second.statusCode).toBe(400);
    const t2 = textOf(second.body);
    expect(t2).toContain('Enter the views of the family and the person cared for');
    expect(t2).toContain('Select whether the caring is appropriate for the young carer');
    expect(t2).toContain('“No further action” cannot be selected with other outcomes');
    expect(await version(DEMO_YOUNG_CARER_IDS.inProgress)).toBe(v);
  });

  it('turns away unknown choices and malformed ids', async () => {
    const browser = await signedIn(web, 'social.worker');
    const edit = `${inProgress}/edit`;
    const v = await version(DEMO_YOUNG_CARER_IDS.inProgress);
    const page = await browser.post(edit, contentForm(v, 'save', { careAppropriate: 'maybe', outcomes: ['teleport'] }));
    expect(page.statusCode).toBe(400);
    expect(textOf(page.body)).toContain('Select whether the caring is appropriate from the list');
    expect((await browser.get('/young-carers/not-a-uuid')).statusCode).toBe(404);
    expect((await browser.get('/young-carers/00000000-0000-4000-8c4e-00000000dead')).statusCode).toBe(404);
  });
});

describe('the manager’s authorisation', () => {
  const url = `/young-carers/${DEMO_YOUNG_CARER_IDS.awaitingAuthorisation}/authorise`;

  it('is not offered to the worker (403 on the route)', async () => {
    expect((await (await signedIn(web, 'social.worker')).get(url)).statusCode).toBe(403);
  });

  it('asks for the management oversight, then authorises with a support plan review date', async () => {
    const browser = await signedIn(web, 'team.manager');
    const form = await browser.get(url);
    expect(form.statusCode).toBe(200);
    const v = await version(DEMO_YOUNG_CARER_IDS.awaitingAuthorisation);
    const empty = await browser.post(url, { action: 'authorise', version: String(v), managementComments: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Enter your management oversight');
    const done = await browser.post(url, { action: 'authorise', version: String(v), managementComments: 'Agreed.' });
    expect(done.statusCode).toBe(303);
    const page = await browser.get(`/young-carers/${DEMO_YOUNG_CARER_IDS.awaitingAuthorisation}?authorised=1`);
    const text = textOf(page.body);
    expect(text).toContain('Assessment authorised');
    expect(text).toContain('Support plan review due by');
    expect(text).toContain('YC-02');
  });
});

describe('recording the support plan review', () => {
  const page = `/young-carers/${DEMO_YOUNG_CARER_IDS.authorised}`;
  const url = `${page}/review`;

  it('shows the review due with its explanation and the form; bad input is kept with the error summary', async () => {
    const browser = await signedIn(web, 'social.worker');
    const shown = await browser.get(page);
    expect(shown.statusCode).toBe(200);
    expect(textOf(shown.body)).toContain('Record the support plan review');
    expect(textOf(shown.body)).toContain('How the review date was worked out');
    const v = await version(DEMO_YOUNG_CARER_IDS.authorised);
    const bad = await browser.post(url, {
      version: String(v),
      'reviewedOn-day': '32',
      'reviewedOn-month': '1',
      'reviewedOn-year': '2026',
      summary: '',
      continueSupport: '',
    });
    expect(bad.statusCode).toBe(400);
    const text = textOf(bad.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter what the review found');
    expect(text).toContain('Select whether support continues');
    expect(bad.body).toContain('href="#reviewedOn-day"');
    expect(await version(DEMO_YOUNG_CARER_IDS.authorised)).toBe(v);
  });

  it('records it and shows the next review date', async () => {
    const browser = await signedIn(web, 'social.worker');
    const v = await version(DEMO_YOUNG_CARER_IDS.authorised);
    const on = daysAgo(web, 0);
    const done = await browser.post(url, {
      version: String(v),
      'reviewedOn-day': on.day,
      'reviewedOn-month': on.month,
      'reviewedOn-year': on.year,
      summary: 'Back at football.',
      continueSupport: 'yes',
    });
    expect(done.statusCode).toBe(303);
    const after = await browser.get(`${page}?reviewed=1`);
    const text = textOf(after.body);
    expect(text).toContain('Support plan review recorded');
    expect(text).toContain('Back at football.');
    expect(text).toContain('Support continues; next review due by');
  });
});
