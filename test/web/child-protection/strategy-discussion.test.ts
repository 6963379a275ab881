import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_PROTECTION_IDS } from '../../../src/db/seed/demo-child-protection.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { daysAgo, signedIn } from '../records/helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const list = `/children/${child}/child-protection`;
const convene = `${list}/strategy-discussions/new`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

function meetingForm(overrides: Record<string, string> = {}): Record<string, string> {
  const today = daysAgo(web, 0);
  return {
    'heldOn-day': today.day,
    'heldOn-month': today.month,
    'heldOn-year': today.year,
    format: 'meeting',
    chairName: 'Chair Person',
    mashChecksConsidered: 'yes',
    mashChecksSummary: 'Two police call-outs',
    'attendee-1-agency': 'childrens_social_care',
    'attendee-1-name': 'Worker',
    'attendee-1-role': 'Social worker',
    'attendee-1-attended': 'yes',
    'attendee-2-agency': 'police',
    'attendee-2-name': 'DC Police',
    'attendee-2-role': 'CAIT',
    'attendee-2-attended': 'yes',
    'attendee-3-agency': 'health',
    'attendee-3-name': 'Nurse',
    'attendee-3-role': 'Named nurse',
    'attendee-3-attended': 'no',
    'attendee-3-report': 'No concerns at the GP',
    [`decision-${child}`]: 's47_joint',
    [`reason-${child}`]: 'Unexplained bruising',
    [`safetyPlan-${child}`]: 'Stays with grandmother',
    [`interimLiving-${child}`]: 'relative',
    [`abe-${child}`]: 'yes',
    [`paediatric-${child}`]: 'yes',
    action: 'save',
    ...overrides,
  };
}

describe('the child protection section of a child’s record', () => {
  it('lists strategy discussions and enquiries with due dates that explain themselves, under its sub-navigation item', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(list);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Initial strategy meeting (group, 2 children)');
    expect(text).toContain('Concerns not substantiated');
    expect(text).toContain('How this date was worked out');
    expect(page.body).toContain(`aria-current="page" href="${list}"`);
    expect((await auditRows(web.database, 'child-protection.record.viewed')).at(-1)).toMatchObject({ childId: child });
  });

  it('refuses a worker in another team', async () => {
    expect((await (await signedIn(web, 'other.worker')).get(list)).statusCode).toBe(403);
  });
});

describe('convening and recording a strategy discussion', () => {
  it('shows every error at once on the convene form, then convenes', async () => {
    const browser = await signedIn(web, 'social.worker');
    const bad = await browser.post(convene, { kind: 'initial', group: 'yes', groupConcern: '' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Select whether the child is at immediate risk');
    expect(textOf(bad.body)).toContain('Select the child’s primary need from the list');
    const ok = await browser.post(convene, { urgent: 'no', kind: 'initial', primaryNeed: 'N1' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/strategy-discussions\/[0-9a-f-]+\?convened=1$/);
  });

  it('refuses a post without the CSRF token', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.post(convene, { urgent: 'no', kind: 'initial', primaryNeed: 'N1' }, { csrf: null })).statusCode).toBe(403);
  });

  it('records a joint s47 decision: errors first, a draft kept, then the enquiry and its page', async () => {
    const browser = await signedIn(web, 'social.worker');
    const convened = await browser.post(convene, { urgent: 'yes', kind: 'initial', primaryNeed: 'N1' });
    const url = (convened.headers.location as string).replace('?convened=1', '');
    const page = await browser.get(url);
    expect(textOf(page.body)).toContain('Record the strategy discussion');
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    const draft = await browser.post(url, { ...meetingForm({ chairName: 'Draft chair' }), version, action: 'draft' });
    expect(draft.statusCode).toBe(303);
    expect((await browser.get(url)).body).toContain('value="Draft chair"');
    const bad = await browser.post(url, { ...meetingForm({ 'attendee-2-agency': 'education', [`safetyPlan-${child}`]: '' }), version });
    expect(bad.statusCode).toBe(400);
    const text = textOf(bad.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('The police must take part in the strategy discussion or send a report');
    expect(text).toContain('Enter the plan to keep the child safe while enquiries run');
    const ok = await browser.post(url, { ...meetingForm(), version });
    expect(ok.statusCode).toBe(303);
    const held = await browser.get(url);
    const heldText = textOf(held.body);
    expect(heldText).toContain('Section 47 enquiry, joint with the police Child Abuse Investigation Team');
    expect(heldText).toContain('Sent a report: No concerns at the GP');
    expect(heldText).not.toContain('This is your saved draft');
    const s47Url = /href="(\/section-47-enquiries\/[0-9a-f-]+)"/.exec(held.body)?.[1] ?? '';
    expect(s47Url).not.toBe('');

    // The demo child is on a child protection plan (demo-child-protection-plans.ts): end it, so this
    // enquiry's "continuing risk" can open an initial conference (a child on a plan is reviewed instead).
    const db = web.database.handle.db;
    const onPlan = await db.selectFrom('cpPlan').select('startedOn').where('childId', '=', child).where('status', '=', 'active').executeTakeFirst();
    if (onPlan !== undefined) {
      await db.updateTable('cpPlan').set({ status: 'ended', endedOn: onPlan.startedOn, endReason: 'no_longer_at_risk' }).where('childId', '=', child).where('status', '=', 'active').execute();
    }
    const s47 = await browser.get(s47Url);
    expect(s47.statusCode).toBe(200);
    const s47Version = /name="version" value="(\d+)"/.exec(s47.body)?.[1] ?? '';
    const today = daysAgo(web, 0);
    const noOutcome = await browser.post(s47Url, { version: s47Version, action: 'outcome', checksSummary: 'GP' });
    expect(noOutcome.statusCode).toBe(400);
    expect(textOf(noOutcome.body)).toContain('Select the outcome of the enquiry');
    const done = await browser.post(s47Url, {
      version: s47Version,
      action: 'outcome',
      'childSeenAloneOn-day': today.day,
      'childSeenAloneOn-month': today.month,
      'childSeenAloneOn-year': today.year,
      checksSummary: 'GP, school',
      findings: 'Injuries not explained',
      outcome: 'substantiated_continuing',
      'outcomeOn-day': today.day,
      'outcomeOn-month': today.month,
      'outcomeOn-year': today.year,
    });
    expect(done.statusCode).toBe(303);
    const completed = textOf((await browser.get(s47Url)).body);
    expect(completed).toContain('An initial child protection conference must be held by');
    expect(completed).toContain('How the conference date was worked out');
  });
});

describe('a group strategy meeting', () => {
  it('names only the children the viewer may see', async () => {
    const worker = textOf((await (await signedIn(web, 'social.worker')).get(`/strategy-discussions/${DEMO_CHILD_PROTECTION_IDS.groupMeeting}`)).body);
    expect(worker).toContain('This meeting is also about 1 child whose record you do not have access to');
    const manager = textOf((await (await signedIn(web, 'team.manager')).get(`/strategy-discussions/${DEMO_CHILD_PROTECTION_IDS.groupMeeting}`)).body);
    expect(manager).not.toContain('do not have access');
    expect(manager).toContain('Add a child to this meeting');
  });

  it('answers 403 for a meeting about only a restricted child, and 404 for one that does not exist', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.get(`/strategy-discussions/${DEMO_CHILD_PROTECTION_IDS.restrictedDiscussion}`)).statusCode).toBe(403);
    expect((await browser.get('/strategy-discussions/00000000-0000-4000-9000-0000000dead0')).statusCode).toBe(404);
    expect((await browser.get('/section-47-enquiries/not-a-uuid')).statusCode).toBe(404);
  });

  it('adds another child to the meeting from that child’s own record', async () => {
    const other = await web.database.handle.db
      .selectFrom('section47Enquiry')
      .select('childId')
      .where('id', '=', DEMO_CHILD_PROTECTION_IDS.inProgressEnquiry)
      .executeTakeFirstOrThrow();
    const browser = await signedIn(web, 'social.worker');
    const form = `/children/${other.childId}/child-protection/strategy-discussions/new`;
    expect((await browser.get(form)).body).toContain(`value="${DEMO_CHILD_PROTECTION_IDS.groupMeeting}"`);
    const needless = await browser.post(form, { join: DEMO_CHILD_PROTECTION_IDS.groupMeeting });
    expect(needless.statusCode).toBe(400);
    expect(textOf(needless.body)).toContain('Select the child’s primary need from the list');
    const joined = await browser.post(form, { join: DEMO_CHILD_PROTECTION_IDS.groupMeeting, primaryNeed: 'N6' });
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/strategy-discussions/${DEMO_CHILD_PROTECTION_IDS.groupMeeting}?done=child-added`);
    const again = await browser.post(form, { join: DEMO_CHILD_PROTECTION_IDS.groupMeeting, primaryNeed: 'N6' });
    expect(again.statusCode).toBe(400);
    expect(textOf(again.body)).toContain('This child is already in the meeting');
    expect((await auditRows(web.database, 'child-protection.strategy-discussion.child-added')).at(-1)).toMatchObject({ childId: other.childId });
  });
});
