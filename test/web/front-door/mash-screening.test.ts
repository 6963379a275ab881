// The MASH's pages, through the web layer with CSRF on: the queue, recording a contact, the contact
// page with its due date explained, linking a child, consent, checks, the level of need, a threshold
// discussion and the decision; and who is refused.
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
const version = async (contactId: string) => String((await db().selectFrom('contact').select('version').where('id', '=', contactId).executeTakeFirstOrThrow()).version);
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).split('-');

function phoneContact(familyName: string): Record<string, string> {
  const [year = '', month = '', day = ''] = today();
  return {
    channel: 'phone',
    receivedDay: day,
    receivedMonth: month,
    receivedYear: year,
    receivedTime: '00:01',
    referrerName: '',
    referralSource: '9',
    child1GivenName: 'Wren',
    child1FamilyName: familyName,
    worries: 'An anonymous caller heard a child crying for hours.',
    earlyHelpAssessment: 'no',
    familyConsent: 'not_asked',
    familyConsentReason: 'Anonymous caller.',
    immediateRisk: 'no',
  };
}

async function recordPhoneContact(browser: Browser, familyName: string): Promise<string> {
  const response = await browser.post('/front-door/contacts/new', phoneContact(familyName));
  expect(response.statusCode).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(/^\/front-door\/contacts\/[0-9a-f-]{36}\?recorded=1$/);
  return location.split('/')[3]?.split('?')[0] ?? '';
}

describe('the MASH queue and a contact', () => {
  it('shows the queue with red, amber or green and how each date was worked out', async () => {
    const page = await (await as('mash.practitioner')).get('/front-door');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('MASH queue');
    expect(text).toMatch(/\d+ overdue/);
    expect(page.body).toContain('govuk-tag--red');
    expect(page.body).toContain('<details');
    expect(text).toContain('How this date was worked out');
    expect(text).toContain('Working Together to Safeguard Children 2023');
  });

  it('records a phone contact, with every error at once first, and shows it with its due date explained', async () => {
    const browser = await as('mash.practitioner');
    const bad = await browser.post('/front-door/contacts/new', { ...phoneContact('Errorsome'), channel: '', receivedTime: '25:99', worries: '' });
    expect(bad.statusCode).toBe(400);
    const errors = textOf(bad.body);
    for (const message of ['Select how the contact was made', 'Enter the time received, like 09:30 or 14:05', 'Describe what you are worried about']) expect(errors).toContain(message);
    expect(bad.body).toContain('value="Errorsome"');
    const early = await browser.post('/front-door/contacts/new', { ...phoneContact('Farback'), receivedDay: '1', receivedMonth: '3', receivedYear: '1899' });
    expect(early.statusCode).toBe(400);
    expect(textOf(early.body)).toContain('There is a problem');
    expect(textOf(early.body)).toContain('Date received must be on or after 1 January 1978');
    expect(early.body).toContain('value="1899"');
    expect(await db().selectFrom('contactPerson').select('id').where('familyName', '=', 'Farback').execute()).toHaveLength(0);

    const contactId = await recordPhoneContact(browser, 'Webrecorded');
    const page = await browser.get(`/front-door/contacts/${contactId}?recorded=1`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('The contact is recorded with reference');
    expect(text).toContain('Anonymous (9)');
    expect(text).toMatch(/Decision due \w+day \d+ \w+ \d{4}/);
    expect(text).toContain('1 working day after');
    expect(text).toContain('Find or create a record for Wren Webrecorded');
    expect((await auditRows(web.database, 'front-door.contact.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.mashPractitioner, subjectId: contactId });
  });

  it('refuses the queue and the contact form to a social worker, and needs the CSRF token', async () => {
    const worker = await as('social.worker');
    expect((await worker.get('/front-door')).statusCode).toBe(403);
    expect((await worker.get('/front-door/contacts/new')).statusCode).toBe(403);
    const practitioner = await as('mash.practitioner');
    await practitioner.get('/front-door/contacts/new');
    const noToken = await practitioner.post('/front-door/contacts/new', phoneContact('Nocsrftoken'), { csrf: null });
    expect(noToken.statusCode).toBe(403);
    expect(await db().selectFrom('contactPerson').select('id').where('familyName', '=', 'Nocsrftoken').execute()).toHaveLength(0);
  });
});

describe('screening through to the decision', () => {
  it('links a new record, records consent, checks, the level of need and a discussion, then a MASH manager decides', async () => {
    const practitioner = await as('mash.practitioner');
    const contactId = await recordPhoneContact(practitioner, 'Screenwell');
    const person = await db().selectFrom('contactPerson').select('id').where('contactId', '=', contactId).executeTakeFirstOrThrow();
    const linkUrl = `/front-door/contacts/${contactId}/people/${person.id}`;

    const linkPage = await practitioner.get(linkUrl);
    expect(linkPage.statusCode).toBe(200);
    expect(textOf(linkPage.body)).toContain('Find the record for Wren Screenwell');
    const noGender = await practitioner.post(`${linkUrl}/new`, { givenName: 'Wren', familyName: 'Screenwell' }, { csrfFrom: linkUrl });
    expect(noGender.statusCode).toBe(400);
    expect(textOf(noGender.body)).toContain('Select their gender');
    const created = await practitioner.post(`${linkUrl}/new`, { givenName: 'Wren', familyName: 'Screenwell', dateOfBirthDay: '3', dateOfBirthMonth: '2', dateOfBirthYear: '2019', gender: 'female' }, { csrfFrom: linkUrl });
    expect(created.statusCode).toBe(303);
    const linked = await db().selectFrom('contactPerson').select('personId').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(linked.personId).not.toBeNull();

    const consentUrl = `/front-door/contacts/${contactId}/consent`;
    const badConsent = await practitioner.post(consentUrl, { consent: 'not_sought', proceedWithoutConsent: 'yes', version: await version(contactId) });
    expect(badConsent.statusCode).toBe(400);
    expect(textOf(badConsent.body)).toContain('Select why checks go ahead without consent');
    expect(
      (await practitioner.post(consentUrl, { consent: 'not_sought', proceedWithoutConsent: 'yes', overrideReason: 'clear_risk_to_child', rationale: 'The caller described a child in distress.', version: await version(contactId) })).statusCode,
    ).toBe(303);

    const checksUrl = `/front-door/contacts/${contactId}/checks`;
    const checksPage = await practitioner.get(checksUrl);
    expect(textOf(checksPage.body)).toContain('These checks go ahead without the family’s consent');
    expect((await practitioner.post(checksUrl, { agencies: ['police', 'health'] })).statusCode).toBe(303);
    const answerUrl = `/front-door/contacts/${contactId}/checks/police`;
    expect((await practitioner.post(answerUrl, { outcome: 'information_shared', details: 'One call-out last year.', version: '1' })).statusCode).toBe(303);
    expect((await practitioner.get(`/front-door/contacts/${contactId}/checks/not-an-agency`)).statusCode).toBe(404);

    const levelUrl = `/front-door/contacts/${contactId}/level-of-need`;
    const levelPage = await practitioner.get(levelUrl);
    expect(textOf(levelPage.body)).toContain('Level 4: children’s social care');
    expect(levelPage.body).toContain('value="4.health.13"');
    const noIndicators = await practitioner.post(levelUrl, { level: '4', rationale: 'x', version: await version(contactId) });
    expect(textOf(noIndicators.body)).toContain('Select the indicators that apply to the child');
    expect((await practitioner.post(levelUrl, { level: '4', indicators: ['4.health.15', '4.basic_care_safety_protection.11'], rationale: 'A child in distress for hours.', version: await version(contactId) })).statusCode).toBe(303);

    const [year = '', month = '', day = ''] = today();
    const discussionUrl = `/front-door/contacts/${contactId}/threshold-discussion`;
    expect((await practitioner.post(discussionUrl, { heldOnDay: day, heldOnMonth: month, heldOnYear: year, agencies: ['police', 'health'], summary: 'Agreed: social care.', agreedLevel: '4' })).statusCode).toBe(303);

    // The practitioner cannot decide; the manager can.
    expect((await practitioner.get(`/front-door/contacts/${contactId}/decision`)).statusCode).toBe(403);
    const manager = await as('mash.manager');
    const decisionUrl = `/front-door/contacts/${contactId}/decision`;
    const decisionPage = await manager.get(decisionUrl);
    expect(decisionPage.statusCode).toBe(200);
    expect(textOf(decisionPage.body)).toContain('How this date was worked out');
    const fstSouth = (await db().selectFrom('team').select('id').where('code', '=', 'FST_SOUTH').executeTakeFirstOrThrow()).id;
    const noTeam = await manager.post(decisionUrl, { outcome: 'social_care_assessment', rationale: 'Threshold met.', version: await version(contactId) });
    expect(noTeam.statusCode).toBe(400);
    expect(textOf(noTeam.body)).toContain('Select the team the referral goes to');
    expect(textOf(noTeam.body)).toContain('Select the child’s primary need from the list');
    const decided = await manager.post(decisionUrl, {
      outcome: 'social_care_assessment',
      teamId: fstSouth,
      primaryNeed: 'N1',
      rationale: 'Threshold met.',
      version: await version(contactId),
    });
    expect(decided.statusCode).toBe(303);

    const page = await manager.get(`/front-door/contacts/${contactId}?saved=decision`);
    const text = textOf(page.body);
    expect(text).toContain('The decision is recorded.');
    expect(text).toContain('Referral to children’s social care for a child and family assessment');
    expect(text).toContain('Yes: There is a clear risk to the child');
    expect(text).toContain('Without consent');
    expect(text).toContain('One call-out last year.');
    expect(text).toContain('Agreed: social care.');
    expect(await db().selectFrom('referral').select(['teamId', 'purpose']).where('contactId', '=', contactId).execute()).toEqual([{ teamId: fstSouth, purpose: 'assessment' }]);
    // A decided contact's screening pages are closed.
    expect((await practitioner.get(`/front-door/contacts/${contactId}/consent`)).statusCode).toBe(400);
  });
});
