import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { auditRows } from '../../support/authority.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../../support/web.ts';

let web: TestWeb;
beforeAll(async () => {
  web = await createTestWeb();
  web.database.clock.set(new Date('2026-11-23T10:00:00Z'));
});
afterAll(async () => {
  await web.close();
});

async function as(username: string): Promise<Browser> {
  const browser = new Browser(web.app);
  await browser.signIn(username);
  return browser;
}

describe('the person search page', () => {
  it('is in the primary navigation as People, and shows the search form', async () => {
    const browser = await as('social.worker');
    const page = await browser.get('/people');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<a[^>]*href="\/people"[^>]*>\s*People\s*<\/a>/);
    expect(textOf(page.body)).toContain('Search for a person');
  });

  it('lists matches with why they match, and a restricted record only as whom to ask', async () => {
    const browser = await as('mash.practitioner');
    const page = await browser.get('/people?name=Jon+Quinlan');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(page.body).toContain(`href="/children/${DEMO_PEOPLE_IDS.duplicateOriginal}"`);
    expect(text).toContain('First names are forms of the same name');
    const restricted = await web.database.handle.db.selectFrom('person').select(['givenName', 'familyName']).where('id', '=', DEMO_CHILD_IDS.restricted).executeTakeFirstOrThrow();
    const hidden = textOf((await browser.get(`/people?name=${encodeURIComponent(`${restricted.givenName} ${restricted.familyName}`)}`)).body);
    expect(hidden).toContain('Restricted record: ask Gareth Munroe');
    expect(hidden).not.toContain(DEMO_CHILD_IDS.restricted);
  });

  it('shows an error summary for a date of birth that is not a real date', async () => {
    const page = await (await as('social.worker')).get('/people?name=&dateOfBirth-day=31&dateOfBirth-month=2&dateOfBirth-year=2015');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(textOf(page.body)).toContain('Date of birth must be a real date');
  });

  it('is refused to the administrator', async () => {
    expect((await (await as('admin')).get('/people?name=Smith')).statusCode).toBe(403);
  });
});

describe('adding a person', () => {
  it('shows every problem with the first step at once, keeping what was typed', async () => {
    const browser = await as('social.worker');
    const page = await browser.post('/people/new', { personType: 'child', givenName: '', familyName: 'Quinlan', 'dateOfBirth-day': '30', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2017', nhsNumber: '943 476 5918' }, { csrfFrom: '/people/new' });
    expect(page.statusCode).toBe(400);
    const text = textOf(page.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter their first name');
    expect(text).toContain('Date of birth must be a real date');
    expect(text).toContain('Check the NHS number');
    expect(page.body).toContain('value="Quinlan"');
    expect(page.body).toContain('href="#givenName"');
  });

  it('refuses a date of birth more than 120 years ago, such as 1900 typed for 2000', async () => {
    const browser = await as('social.worker');
    const post = (year: string) =>
      browser.post('/people/new', { personType: 'child', givenName: 'Jonny', familyName: 'Quinlan', 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': year }, { csrfFrom: '/people/new' });
    const page = await post('1900');
    expect(page.statusCode).toBe(400);
    const text = textOf(page.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Date of birth must be within the last 120 years');
    expect(page.body).toContain('value="1900"');
    expect((await post('2000')).statusCode).not.toBe(400);
  });

  it('shows the likely existing records first, with why, then the details, then saves and audits', async () => {
    const browser = await as('social.worker');
    const step = await browser.post('/people/new', { personType: 'child', givenName: 'Jonny', familyName: 'Quinlan', 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2018', postcode: 'MK3 6EQ' }, { csrfFrom: '/people/new' });
    expect(step.statusCode).toBe(200);
    const text = textOf(step.body);
    expect(text).toContain('They may already be on Hearth');
    expect(step.body).toContain(`/children/${DEMO_PEOPLE_IDS.duplicateOriginal}`);
    expect(text).toContain('Same postcode, now or in the past');
    expect((await auditRows(web.database, 'people.duplicate-check.performed')).at(-1)?.changes).toMatchObject({ shownPersonIds: expect.arrayContaining([DEMO_PEOPLE_IDS.duplicateOriginal]) as unknown });

    const details = await browser.get('/people/new/details');
    expect(details.statusCode).toBe(200);
    expect(textOf(details.body)).toContain('Jonny Quinlan');

    const bad = await browser.post('/people/new/details', { gender: 'male', upn: 'Z801200001001', addressLine1: '14 Kestrel Court', postcode: 'MK3' }, { csrfFrom: '/people/new/details' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Check the unique pupil number');
    expect(textOf(bad.body)).toContain('Enter a real postcode, like MK9 3HS');

    const saved = await browser.post('/people/new/details', { gender: 'male', ethnicity: 'WBRI', interpreterNeeded: 'no', disabilities: ['NONE'], upn: 'H801200001001', addressLine1: '14 Kestrel Court', postcode: 'MK3 6EQ' }, { csrfFrom: '/people/new/details' });
    expect(saved.statusCode).toBe(303);
    const location = String(saved.headers.location);
    expect(location).toMatch(/^\/children\/[0-9a-f-]{36}\?created=1$/);
    const id = location.slice('/children/'.length, location.indexOf('?'));
    const row = await web.database.handle.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ givenName: 'Jonny', familyName: 'Quinlan', dateOfBirth: '2018-04-03', upn: 'H801200001001', disabilities: ['NONE'] });
    expect((await auditRows(web.database, 'people.person.created')).at(-1)).toMatchObject({ subjectId: id });
    // The journey's draft went with the save: the details page starts again.
    expect((await browser.get('/people/new/details')).headers.location).toBe('/people/new');
  });

  it('adds an unborn baby from the mother’s record, linked to her', async () => {
    const browser = await as('social.worker');
    const mother = await browser.get(`/people/${DEMO_PEOPLE_IDS.unbornMother}`);
    expect(mother.body).toContain(`/people/new?type=unborn&amp;motherId=${DEMO_PEOPLE_IDS.unbornMother}`);
    const form = await browser.get(`/people/new?type=unborn&motherId=${DEMO_PEOPLE_IDS.unbornMother}`);
    expect(textOf(form.body)).toContain('Mother: Shazia Iqbal');
    const step = await browser.post('/people/new', { personType: 'unborn', motherId: DEMO_PEOPLE_IDS.unbornMother, givenName: 'Baby', familyName: 'Iqbal', 'expectedDateOfDelivery-day': '1', 'expectedDateOfDelivery-month': '4', 'expectedDateOfDelivery-year': '2027' }, { csrfFrom: '/people/new' });
    // The unborn baby already recorded for this mother is shown first.
    expect(textOf(step.body)).toContain('They may already be on Hearth');
    expect(step.body).toContain(`/children/${DEMO_PEOPLE_IDS.unborn}`);
    const saved = await browser.post('/people/new/details', { interpreterNeeded: 'no' }, { csrfFrom: '/people/new/details' });
    expect(saved.statusCode).toBe(303);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const page = await (await as('social.worker')).post('/people/new', { personType: 'adult', givenName: 'A', familyName: 'B' }, { csrf: null });
    expect(page.statusCode).toBe(403);
  });
});
