import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
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

const child = DEMO_CHILD_IDS.allocated;

describe('a child’s record page', () => {
  it('has the identity bar with legal status from the facts, sub-navigation, other names and address history', async () => {
    const page = await (await as('social.worker')).get(`/children/${child}`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Not looked after');
    for (const item of ['Summary', 'Family and relationships', 'Genogram']) expect(page.body).toMatch(new RegExp(`moj-sub-navigation__link[^>]*>\\s*${item}`));
    expect(text).toContain('Former name');
    expect(text).toContain('27 Heron Drive, Wolverton, MK12 5NL');
    expect(text).not.toContain('Who viewed this record');
  });

  it('shows an unborn baby as due, with the mother in the family', async () => {
    const page = await (await as('social.worker')).get(`/children/${DEMO_PEOPLE_IDS.unborn}`);
    const text = textOf(page.body);
    expect(text).toContain('Unborn, due');
    expect(text).toContain('Shazia Iqbal');
  });

  it('offers managers the restriction, who viewed and merge pages', async () => {
    const text = textOf((await (await as('team.manager')).get(`/children/${child}`)).body);
    expect(text).toContain('Restrict this record');
    expect(text).toContain('Who viewed this record');
    expect(text).toContain('Merge a duplicate record into this one');
  });
});

describe('family pages', () => {
  it('lists relationships and finds people to link', async () => {
    const browser = await as('social.worker');
    const page = await browser.get(`/children/${child}/relationships?q=Quinlan`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('moj-identity-bar');
    expect(textOf(page.body)).toContain('Parental responsibility');
    expect(page.body).toContain(`value="${DEMO_PEOPLE_IDS.duplicateMother}"`);
    const bad = await browser.post(`/children/${child}/relationships`, { q: 'Quinlan', relatedPersonId: DEMO_PEOPLE_IDS.duplicateMother }, { csrfFrom: `/children/${child}/relationships?q=Quinlan` });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Select the relationship');
    const added = await browser.post(`/children/${child}/relationships`, { q: 'Quinlan', relatedPersonId: DEMO_PEOPLE_IDS.duplicateMother, relationship: 'carer', parentalResponsibility: 'no', livesWith: 'no' }, { csrfFrom: `/children/${child}/relationships` });
    expect(added.statusCode).toBe(303);
    expect(textOf((await browser.get(`/people/${DEMO_PEOPLE_IDS.duplicateMother}/relationships`)).body)).toContain('Person they care for');
  });

  it('draws the genogram as accessible SVG with a table of the same people', async () => {
    const page = await (await as('social.worker')).get(`/children/${child}/genogram`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="genogram-title genogram-desc"/);
    expect(page.body).toContain('<title id="genogram-title">Genogram of');
    expect(page.body).toContain('<desc id="genogram-desc">');
    const svg = page.body.slice(page.body.indexOf('<svg'), page.body.indexOf('</svg>'));
    expect(svg).not.toContain('<script');
    expect(textOf(page.body)).toContain('The same people as a table');
  });
});

describe('editing from the page', () => {
  it('shows errors on the form, and a stale save side by side with what is saved', async () => {
    const browser = await as('social.worker');
    const form = await browser.get(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`);
    expect(form.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const fields = { givenName: 'Jonathan', familyName: 'Quinlan', 'dateOfBirth-day': '4', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2018', gender: 'male', interpreterNeeded: 'no', version };
    const bad = await browser.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`, { ...fields, email: 'not-an-email', phone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Enter an email address in the correct format');
    expect(textOf(bad.body)).toContain('Enter a telephone number');
    const first = await browser.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`, { ...fields, school: 'Bletchley Park Primary School' });
    expect(first.statusCode).toBe(303);
    const stale = await browser.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`, { ...fields, school: 'Somewhere Else Academy' });
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain('Someone else changed this record while you were editing');
    expect(text).toContain('Saved now');
    expect(text).toContain('Your changes');
    expect(text).toContain('Somewhere Else Academy');
  });

  it('records why a child has no unique pupil number, and refuses a reason beside a UPN on the field (400, not 500)', async () => {
    const browser = await as('social.worker');
    const edit = async () => /name="version" value="(\d+)"/.exec((await browser.get(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`)).body)?.[1] ?? '';
    const fields = { givenName: 'Jonathan', familyName: 'Quinlan', 'dateOfBirth-day': '4', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2018', gender: 'male', interpreterNeeded: 'no' };
    const form = await browser.get(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`);
    expect(form.body).toContain('name="upnUnknownReason"');
    const both = await browser.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`, { ...fields, upn: 'H801200001001', upnUnknownReason: 'UN2', version: await edit() });
    expect(both.statusCode).toBe(400);
    expect(textOf(both.body)).toContain('Remove the reason the unique pupil number is not known, or remove the unique pupil number');
    expect(both.body).toContain('href="#upnUnknownReason"');
    const saved = await browser.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/edit`, { ...fields, upn: '', upnUnknownReason: 'UN2', version: await edit() });
    expect(saved.statusCode).toBe(303);
    const record = await browser.get(saved.headers.location as string);
    expect(textOf(record.body)).toContain('Not known: Never attended a state-funded school in England (UN2)');
  });
});

describe('restricting, who viewed and merging', () => {
  it('restricts a record naming the manager to ask, and lifts it', async () => {
    const manager = await as('team.manager');
    const page = await manager.get(`/people/${DEMO_CHILD_IDS.otherTeam}/restriction`);
    expect(page.statusCode).toBe(403);
    const form = await manager.get(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const missing = await manager.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction`, { version, reason: '' }, { csrfFrom: `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction` });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Choose the manager people should ask for access');
    const done = await manager.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction`, { version, contactUserId: DEMO_USER_IDS.teamManager, reason: 'Relative of a member of staff' }, { csrfFrom: `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction` });
    expect(done.statusCode).toBe(200);
    expect(textOf(done.body)).toContain('Record restricted');
    const refused = await (await as('mash.practitioner')).get(`/children/${DEMO_PEOPLE_IDS.duplicateOriginal}`);
    expect(refused.statusCode).toBe(403);
    expect(textOf(refused.body)).toContain('Ask Gareth Munroe');
    const again = await manager.get(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction`);
    const v2 = /name="version" value="(\d+)"/.exec(again.body)?.[1] ?? '';
    const lifted = await manager.post(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction/lift`, { version: v2, reason: 'Staff member has left' }, { csrfFrom: `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/restriction` });
    expect(textOf(lifted.body)).toContain('Restriction lifted');
  });

  it('shows who viewed a child’s record to a manager, not to a social worker', async () => {
    await (await as('social.worker')).get(`/children/${child}`);
    const page = await (await as('team.manager')).get(`/children/${child}/who-viewed`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Amara Lindqvist');
    expect(text).toContain('Viewed the summary');
    expect((await auditRows(web.database, 'people.record-access-log.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, childId: child });
    expect((await (await as('social.worker')).get(`/children/${child}/who-viewed`)).statusCode).toBe(403);
  });

  it('merges a duplicate after comparing both records, and the survivor says so', async () => {
    const manager = await as('team.manager');
    const choose = await manager.get(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge`);
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge/${DEMO_PEOPLE_IDS.duplicateSecond}`);
    const confirm = await manager.get(`/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge/${DEMO_PEOPLE_IDS.duplicateSecond}`);
    expect(textOf(confirm.body)).toContain('What will move');
    const url = `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge/${DEMO_PEOPLE_IDS.duplicateSecond}`;
    const versions: Record<string, string> = Object.fromEntries([...confirm.body.matchAll(/name="(survivorVersion|mergedVersion)" value="(\d+)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
    const noReason = await manager.post(url, versions);
    expect(noReason.statusCode).toBe(400);
    expect(textOf(noReason.body)).toContain('Enter why these records are the same person');
    const merged = await manager.post(url, { ...versions, reason: 'Same boy, same mother' });
    expect(merged.statusCode).toBe(303);
    const survivor = await manager.get(`/children/${DEMO_PEOPLE_IDS.duplicateOriginal}`);
    expect(textOf(survivor.body)).toContain('Jon Quinlan (record');
    expect((await manager.get(`/children/${DEMO_PEOPLE_IDS.duplicateSecond}`)).headers.location).toBe(`/children/${DEMO_PEOPLE_IDS.duplicateOriginal}`);
    expect((await (await as('social.worker')).get(url)).statusCode).toBe(403);
  });

  it('says why two records that both have an open child in need episode cannot be merged yet: no merge button, and a post is a 400, never a 500', async () => {
    const open = await web.database.handle.db
      .selectFrom('cinEpisode')
      .innerJoin('person', 'person.id', 'cinEpisode.childId')
      .select('cinEpisode.childId')
      .where('cinEpisode.closedOn', 'is', null)
      .where('person.restriction', '=', 'none')
      .orderBy('cinEpisode.childId')
      .execute();
    const [a, b] = open.map((r) => r.childId);
    if (a === undefined || b === undefined) throw new Error('the demo authority needs two children with an open child in need episode');
    const manager = await as('mash.manager');
    const url = `/people/${a}/merge/${b}`;
    const confirm = await manager.get(url);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('govuk-error-summary');
    expect(textOf(confirm.body)).toContain('Both records have an open child in need episode. Close the episode on one record first, then merge');
    expect(confirm.body).not.toContain('Merge the records');
    const version = async (id: string) => String((await web.database.handle.db.selectFrom('person').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
    const posted = await manager.post(url, { survivorVersion: await version(a), mergedVersion: await version(b), reason: 'Same child' });
    expect(posted.statusCode).toBe(400);
    expect(textOf(posted.body)).toContain('Close the episode on one record first');
  });
});

describe('the people JSON API', () => {
  it('searches, refuses a likely duplicate until confirmed, creates and reads a person; all in /api/docs', async () => {
    const browser = await as('social.worker');
    const search = await browser.get('/api/v1/people?name=Jonathan%20Quinlan');
    expect(search.statusCode).toBe(200);
    expect((JSON.parse(search.body) as { hits: { kind: string }[] }).hits[0]).toMatchObject({ kind: 'person' });
    expect((await browser.get('/api/v1/people?postcode=nope')).statusCode).toBe(400);

    const me = JSON.parse((await browser.get('/api/v1/me')).body) as { csrfToken: string };
    const post = (body: unknown, key?: string) =>
      web.app.inject({ method: 'POST', url: '/api/v1/people', payload: body as Record<string, unknown>, headers: { cookie: browser.cookieHeader, 'x-csrf-token': me.csrfToken, ...(key === undefined ? {} : { 'idempotency-key': key }) } });
    const mother = await web.database.handle.db.selectFrom('person').select('dateOfBirth').where('id', '=', DEMO_PEOPLE_IDS.duplicateMother).executeTakeFirstOrThrow();
    const person = { personType: 'adult', givenName: 'Hayley', familyName: 'Quinlan', gender: 'female', dateOfBirth: mother.dateOfBirth };
    const conflict = await post(person);
    expect(conflict.statusCode).toBe(409);
    expect(JSON.parse(conflict.body)).toMatchObject({ error: 'possible-duplicates' });
    const invalid = await post({ ...person, nhsNumber: '123' });
    expect(invalid.statusCode).toBe(400);
    const created = await post({ ...person, givenName: 'Hayleigh', confirmNotDuplicate: true }, 'create-hayleigh-0001');
    expect(created.statusCode).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };
    // Sent again with the same Idempotency-Key (a retry after a lost answer): the same person, not a second.
    const retried = await post({ ...person, givenName: 'Hayleigh', confirmNotDuplicate: true }, 'create-hayleigh-0001');
    expect(JSON.parse(retried.body)).toEqual({ id });
    expect(await web.database.handle.db.selectFrom('person').select('id').where('givenName', '=', 'Hayleigh').execute()).toHaveLength(1);
    const read = await browser.get(`/api/v1/people/${id}`);
    expect(JSON.parse(read.body)).toMatchObject({ id, givenName: 'Hayleigh', personType: 'adult' });
    const docs = JSON.parse((await browser.get('/api/docs')).body) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/v1/people', '/api/v1/people/{personId}']));
  });

  it('answers dates far in the past or future with 400 and field errors or a record, never a 500', async () => {
    const browser = await as('social.worker');
    expect((await browser.get('/api/v1/people?dateOfBirth=1900-01-01')).statusCode).toBe(200);
    const me = JSON.parse((await browser.get('/api/v1/me')).body) as { csrfToken: string };
    const post = (body: Record<string, unknown>) =>
      web.app.inject({ method: 'POST', url: '/api/v1/people', payload: body, headers: { cookie: browser.cookieHeader, 'x-csrf-token': me.csrfToken } });
    const base = { givenName: 'Faryear', gender: 'female', confirmNotDuplicate: true };
    const answers: Record<string, number> = {};
    for (const [label, body] of Object.entries({
      adult1900: { ...base, personType: 'adult', familyName: 'Adultnineteen', dateOfBirth: '1900-01-01' },
      child1900: { ...base, personType: 'child', familyName: 'Childnineteen', dateOfBirth: '1900-01-01' },
      child9999: { ...base, personType: 'child', familyName: 'Childninenines', dateOfBirth: '9999-01-01' },
      unborn1900: { ...base, personType: 'unborn', familyName: 'Unbornnineteen', motherId: DEMO_PEOPLE_IDS.duplicateMother, expectedDateOfDelivery: '1900-01-01' },
      unborn9999: { ...base, personType: 'unborn', familyName: 'Unbornninenines', motherId: DEMO_PEOPLE_IDS.duplicateMother, expectedDateOfDelivery: '9999-01-01' },
    })) {
      const response = await post(body);
      answers[label] = response.statusCode;
      if (response.statusCode === 400) expect(Object.keys((JSON.parse(response.body) as { errors: Record<string, string> }).errors).length).toBeGreaterThan(0);
    }
    expect(Object.values(answers).every((status) => status === 201 || status === 400), JSON.stringify(answers)).toBe(true);
    expect(answers).toMatchObject({ adult1900: 400, child1900: 400, child9999: 400, unborn1900: 400, unborn9999: 400 });
  });

  it('answers a child’s date of birth more than 120 years ago with 400 and the date of birth field error', async () => {
    const browser = await as('social.worker');
    const me = JSON.parse((await browser.get('/api/v1/me')).body) as { csrfToken: string };
    const post = (dateOfBirth: string) =>
      web.app.inject({
        method: 'POST',
        url: '/api/v1/people',
        payload: { personType: 'child', givenName: 'Oldyear', familyName: 'Mistyped', gender: 'male', dateOfBirth, confirmNotDuplicate: true },
        headers: { cookie: browser.cookieHeader, 'x-csrf-token': me.csrfToken },
      });
    const refused = await post('1900-04-03');
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body)).toEqual({ error: 'validation', message: 'The input is not valid', errors: { dateOfBirth: 'Date of birth must be within the last 120 years' } });
    expect((await post('2000-04-03')).statusCode).toBe(201);
  });
});
