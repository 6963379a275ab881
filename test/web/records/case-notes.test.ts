import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../../../src/app/auth/session-policy.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { daysAgo, signedIn } from './helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const list = `/children/${child}/case-notes`;
const form = `${list}/new`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

function validNote(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const date = daysAgo(web, 2);
  return {
    noteType: 'child_seen_alone',
    'eventDate-day': date.day,
    'eventDate-month': date.month,
    'eventDate-year': date.year,
    eventTime: '3:15pm',
    summary: 'Saw you at school',
    body: 'Thank you for showing me your drawings.\nYou said you like swimming.',
    writtenToChild: 'yes',
    action: 'save',
    ...overrides,
  };
}

describe('the case notes list', () => {
  it('shows the seeded notes with their flags under the child’s sub-navigation, audited', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(list);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('First home visit after allocation');
    expect(text).toContain('Recorded late');
    expect(text).toContain('Corrected');
    expect(page.body).toContain(`aria-current="page" href="${list}"`);
    expect(page.body).toContain(`href="${form}"`);
    expect((await auditRows(web.database, 'records.case-notes.listed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child });
  });

  it('refuses a worker in another team and answers 404 for a sealed record', async () => {
    expect((await (await signedIn(web, 'other.worker')).get(list)).statusCode).toBe(403);
    expect((await (await signedIn(web, 'social.worker')).get(`/children/${DEMO_CHILD_IDS.sealed}/case-notes`)).statusCode).toBe(404);
    expect((await (await signedIn(web, 'social.worker')).get('/children/not-a-uuid/case-notes/also-not')).statusCode).toBe(404);
  });
});

describe('adding a case note', () => {
  it('shows every error at once, keeps what was typed, and saves nothing', async () => {
    const browser = await signedIn(web, 'social.worker');
    const before = (await auditRows(web.database, 'records.case-note.recorded')).length;
    const token = await browser.csrfToken(form);
    const views = (await auditRows(web.database, 'records.case-note-form.viewed')).length;
    const response = await browser.post(form, { 'eventDate-day': '31', 'eventDate-month': '2', 'eventDate-year': '2026', eventTime: '25:00', summary: '', body: 'Kept <b>text</b>', action: 'save' }, { csrf: token });
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    expect(text).toContain('There is a problem');
    for (const message of ['Select the type of case note', 'Date of the event must be a real date', 'Enter the time of the event like 9:30 or 14:30', 'Enter a summary of the case note']) expect(text).toContain(message);
    expect(response.body).toContain('href="#eventDate-day"');
    expect(response.body).toContain('Kept &lt;b&gt;text&lt;/b&gt;');
    expect((await auditRows(web.database, 'records.case-note.recorded')).length).toBe(before);
    // The form shown back with errors is not recorded as a second view (the request did nothing).
    expect((await auditRows(web.database, 'records.case-note-form.viewed')).length).toBe(views);
  });

  it('refuses a date in the future on the page', async () => {
    const future = daysAgo(web, -3);
    const response = await (await signedIn(web, 'social.worker')).post(form, validNote({ 'eventDate-day': future.day, 'eventDate-month': future.month, 'eventDate-year': future.year }));
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Date of the event must be today or in the past');
  });

  it('refuses a real date before the working-day calendar begins on the page, keeping what was typed', async () => {
    const response = await (await signedIn(web, 'social.worker')).post(form, validNote({ 'eventDate-day': '14', 'eventDate-month': '10', 'eventDate-year': '1066' }));
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('There is a problem');
    expect(textOf(response.body)).toContain('Date of the event must be on or after 1 January 1978');
    expect(response.body).toContain('value="1066"');
    expect(response.body).toContain('Saw you at school');
  });

  it('saves a note written to the child and shows it addressed to them, with a marker', async () => {
    const browser = await signedIn(web, 'social.worker');
    const posted = await browser.post(form, validNote());
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toMatch(new RegExp(`^${list}/[0-9a-f-]{36}\\?recorded=1$`));
    const page = await browser.get(posted.headers.location ?? '');
    const text = textOf(page.body);
    expect(text).toContain('Case note saved.');
    expect(text).toMatch(/Written to \w+/);
    expect(text).toMatch(/To \w+, Thank you for showing me your drawings/);
    expect(page.body).toContain('drawings.<br />');
    expect(text).toContain('at 3:15pm');
    expect((await auditRows(web.database, 'records.case-note.recorded')).at(-1)).toMatchObject({ changes: { noteType: 'child_seen_alone', writtenToChild: true } });
  });

  it('escapes whatever was typed (no script runs)', async () => {
    const browser = await signedIn(web, 'social.worker');
    const posted = await browser.post(form, validNote({ summary: '<script>alert(1)</script>{{7*7}}', body: '<img src=x onerror=alert(1)>', writtenToChild: [] }));
    const page = await browser.get(posted.headers.location ?? '');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('{{7*7}}');
  });

  it('refuses a post without the CSRF token, and a worker in another team', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.post(form, validNote(), { csrf: null })).statusCode).toBe(403);
    const other = await signedIn(web, 'other.worker');
    expect((await other.post(form, validNote(), { csrfFrom: '/my-work' })).statusCode).toBe(403);
    expect((await other.get(form)).statusCode).toBe(403);
  });
});

describe('drafts and expired sessions keep typed work', () => {
  it('saves a draft, gives it back on the form, and discards it', async () => {
    const browser = await signedIn(web, 'team.manager');
    const saved = await browser.post(form, { ...validNote({ summary: 'Half-written oversight', body: 'Still thinking…', noteType: 'management_oversight' }), 'eventDate-year': '', action: 'draft' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${form}?draft=saved`);
    const page = await browser.get(saved.headers.location ?? '');
    expect(textOf(page.body)).toContain('Draft saved');
    expect(page.body).toContain('value="Half-written oversight"');
    expect(page.body).toContain('Still thinking…');
    expect(page.body).toMatch(/value="management_oversight" checked/);
    const again = await browser.get(form);
    expect(textOf(again.body)).toContain('This is your saved draft');
    const discarded = await browser.post(`${form}/discard-draft`, {}, { csrfFrom: form });
    expect(discarded.headers.location).toBe(`${form}?draft=discarded`);
    expect((await browser.get(form)).body).not.toContain('Half-written oversight');
    expect((await auditRows(web.database, 'records.case-note-draft.discarded')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager });
  });

  it('a draft may be incomplete, but not hold characters that cannot be stored', async () => {
    const response = await (await signedIn(web, 'social.worker')).post(form, { summary: 'bad\u0000', action: 'draft' });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Remove the characters that cannot be stored');
  });

  it('keeps a note typed when the session expired, and gives it back after signing in again', async () => {
    const browser = new Browser(web.app);
    await browser.signIn('social.worker');
    const token = await browser.csrfToken(form);
    web.database.clock.advance(SESSION_IDLE_MS + 60_000);
    const posted = await browser.post(form, validNote({ summary: 'Typed before the timeout' }), { csrf: token });
    expect(posted.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(form)}&kept=1`);
    await browser.post('/sign-in', { username: 'social.worker', password: 'hearth-demo-2026', returnTo: form }, { csrfFrom: '/sign-in' });
    const page = await browser.get(form);
    expect(textOf(page.body)).toContain('We kept what you typed');
    expect(page.body).toContain('value="Typed before the timeout"');
    expect(page.body).toContain('You said you like swimming.');
    expect((await browser.get(form)).body).not.toContain('Typed before the timeout');
  });
});

describe('correcting a note', () => {
  it('shows errors, then adds the correction below the unchanged original', async () => {
    const browser = await signedIn(web, 'social.worker');
    const posted = await browser.post(form, validNote({ summary: 'Note to correct', writtenToChild: [] }));
    const notePath = (posted.headers.location ?? '').split('?')[0] ?? '';
    const amend = `${notePath}/amend`;
    const page = await browser.get(amend);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('A saved case note is not changed');
    const empty = await browser.post(amend, { reason: '', body: '' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Enter why the note needs correcting');
    expect(textOf(empty.body)).toContain('Enter the correction');
    const done = await browser.post(amend, { reason: 'Wrong school named', body: 'It was the primary school.' });
    expect(done.headers.location).toBe(`${notePath}?amended=1`);
    const view = textOf((await browser.get(notePath)).body);
    expect(view).toContain('Thank you for showing me your drawings');
    expect(view).toContain('Corrections');
    expect(view).toContain('Why: Wrong school named');
    expect(view).toContain('It was the primary school.');
  });

  it('is not offered to, nor allowed for, someone who may only read', async () => {
    const perf = await signedIn(web, 'performance.officer');
    const listPage = await perf.get(list);
    expect(listPage.statusCode).toBe(200);
    expect(listPage.body).not.toContain(`href="${form}"`);
    const link = /href="(\/children\/[^"]+\/case-notes\/[0-9a-f-]{36})"/.exec(listPage.body)?.[1] ?? '';
    const notePage = await perf.get(link);
    expect(notePage.statusCode).toBe(200);
    expect(textOf(notePage.body)).not.toContain('Add a correction');
    expect((await perf.get(`${link}/amend`)).statusCode).toBe(403);
  });
});
