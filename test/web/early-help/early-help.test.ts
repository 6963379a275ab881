// The early help pages through fastify.inject: the queue and allocation by the early help manager, then
// the worker's journey on the child's record (assessment with a draft, plan refused without consent,
// plan, review, step up), error summaries, CSRF, and access refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EARLY_HELP_IDS } from '../../../src/db/seed/demo-early-help.ts';
import { teamStaff } from '../../../src/db/seed/users.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../../support/web.ts';

let web: TestWeb;
const CHILD = DEMO_EARLY_HELP_IDS.queueChild;
const base = `/children/${CHILD}/early-help`;
const manager = teamStaff().find((u) => u.teamCode === 'CFP' && u.isManager);
const worker = teamStaff().find((u) => u.teamCode === 'CFP' && !u.isManager);

const todayParts = (prefix: string): Record<string, string> => {
  const [year = '', month = '', day = ''] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date())
    .split('-');
  return { [`${prefix}-day`]: day, [`${prefix}-month`]: month, [`${prefix}-year`]: year };
};
const versionOn = (html: string): string => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

async function signedIn(username: string): Promise<Browser> {
  const browser = new Browser(web.app);
  const response = await browser.signIn(username);
  expect(response.statusCode).toBe(303);
  return browser;
}

describe('early help pages', () => {
  it('refuses a worker with no link to the child, and a post without the CSRF token', async () => {
    const other = await signedIn('other.worker');
    expect((await other.get(base)).statusCode).toBe(403);
    const mash = await signedIn('mash.manager');
    const refused = await mash.post(`/early-help/referrals/${DEMO_EARLY_HELP_IDS.queueReferral}/allocate`, { workerUserId: worker?.id ?? '' }, { csrf: null });
    expect(refused.statusCode).toBe(403);
    expect((await signedIn('fostering.worker').then((b) => b.get('/early-help'))).statusCode).toBe(403);
  });

  it('takes a referral from the queue through assessment, plan, review and step up', async () => {
    const boss = await signedIn(manager?.username ?? '');
    const queue = await boss.get('/early-help');
    expect(queue.statusCode).toBe(200);
    expect(textOf(queue.body)).toContain('Isla Penhallow');
    const allocateUrl = `/early-help/referrals/${DEMO_EARLY_HELP_IDS.queueReferral}/allocate`;
    const allocatePage = await boss.get(allocateUrl);
    expect(textOf(allocatePage.body)).toContain('How this date was worked out');
    const missing = await boss.post(allocateUrl, {});
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Select a worker in the early help team');
    const allocated = await boss.post(allocateUrl, { workerUserId: worker?.id ?? '' });
    expect(allocated.statusCode).toBe(303);

    const eh = await signedIn(worker?.username ?? '');
    const record = await eh.get(base);
    expect(record.statusCode).toBe(200);
    expect(textOf(record.body)).toContain('Wellbeing assessment due');
    expect(textOf(record.body)).toContain('How this date was worked out');

    const episode = await web.database.handle.db.selectFrom('earlyHelpEpisode').select('id').where('childId', '=', CHILD).executeTakeFirstOrThrow();
    const steps = `/early-help/episodes/${episode.id}`;
    expect(record.body).toContain(`${steps}/wellbeing-assessment`);
    const formUrl = `${steps}/wellbeing-assessment`;
    const form = await eh.get(formUrl);
    expect(form.statusCode).toBe(200);
    const version = versionOn(form.body);
    const empty = await eh.post(formUrl, { action: 'complete', version });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('There is a problem');
    expect(textOf(empty.body)).toContain('Enter what we are worried about');
    expect(textOf(empty.body)).toContain('Enter the date the assessment was completed');

    const draft = await eh.post(formUrl, { action: 'draft', worries: 'Late most mornings', workingWell: '', needsToHappen: '', scaling: '3', childsVoice: '' });
    expect(draft.statusCode).toBe(303);
    const restored = await eh.get(formUrl);
    expect(textOf(restored.body)).toContain('This is your saved draft');
    expect(restored.body).toContain('Late most mornings');

    const done = await eh.post(formUrl, {
      action: 'complete',
      version,
      worries: 'Late most mornings; caring for her brother.',
      workingWell: 'Her aunt helps twice a week.',
      needsToHappen: 'A morning routine and a young carers assessment.',
      scaling: '4',
      childsVoice: 'She wants to go back to football.',
      ...todayParts('completedOn'),
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${base}?done=assessment`);
    expect((await eh.get(formUrl)).headers.location).toBe(`${base}?unavailable=assessment-done`);

    const planUrl = `${steps}/plan`;
    const planVersion = versionOn((await eh.get(planUrl)).body);
    const planForm = {
      version: planVersion,
      outcomes: 'In school on time every day.',
      ...todayParts('agreedOn'),
      action1: 'Morning routine chart',
      owner1: 'Mother',
      ...todayParts('dueOn1'),
    };
    const noConsent = await eh.post(planUrl, { ...planForm, familyConsents: 'no' });
    expect(noConsent.statusCode).toBe(400);
    expect(textOf(noConsent.body)).toContain('A plan needs the family’s consent');
    const agreed = await eh.post(planUrl, { ...planForm, familyConsents: 'yes', consentGivenBy: 'Her mother', ...todayParts('consentGivenOn') });
    expect(agreed.statusCode).toBe(303);

    const reviewUrl = `${steps}/review`;
    const reviewPage = await eh.get(reviewUrl);
    expect(textOf(reviewPage.body)).toContain('A review of the early help plan is due within 3 months');
    const reviewed = await eh.post(reviewUrl, {
      version: versionOn(reviewPage.body),
      scaling: '3',
      progress: 'Mornings are still chaotic.',
      ...todayParts('reviewedOn'),
    });
    expect(reviewed.statusCode).toBe(303);

    const closeUrl = `${steps}/close`;
    const closePage = await eh.get(closeUrl);
    const noAnswer = await eh.post(closeUrl, {
      version: versionOn(closePage.body),
      outcome: 'step_up',
      summary: 'No change; new worries about neglect.',
      ...todayParts('closedOn'),
    });
    expect(noAnswer.statusCode).toBe(400);
    expect(textOf(noAnswer.body)).toContain('Select whether the family knows about and agrees to the referral');
    const steppedUp = await eh.post(closeUrl, {
      version: versionOn(closePage.body),
      outcome: 'step_up',
      stepUpFamilyConsent: 'yes',
      summary: 'No change; new worries about neglect.',
      ...todayParts('closedOn'),
    });
    expect(steppedUp.statusCode).toBe(303);
    const after = await eh.get(`${base}?done=stepped-up`);
    expect(textOf(after.body)).toContain('a contact sent to the MASH with the early help history');
    expect(textOf(after.body)).toContain('Contact sent to the MASH');
    const contact = await web.database.handle.db
      .selectFrom('contact')
      .select(['status', 'channel'])
      .where('channel', '=', 'early_help_step_up')
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ status: 'received', channel: 'early_help_step_up' });
  });
});
