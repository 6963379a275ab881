import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { unzip } from '../../domain/records/zip.ts';
import { daysAgo, signedIn } from './helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const chronology = `/children/${child}/chronology`;
const newEntry = `${chronology}/new-entry`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

describe('the chronology page', () => {
  it('shows the recorded significant events in the MOJ timeline, latest first, audited', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(chronology);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('moj-timeline__item');
    const text = textOf(page.body);
    for (const event of ['Safety plan agreed with the family and school', 'First home visit after allocation', 'Document added: Safety plan', 'School raised concerns', 'Child’s record created in Hearth']) expect(text).toContain(event);
    expect(text).not.toContain('Saw you on your own after school');
    expect(text.indexOf('Safety plan agreed')).toBeLessThan(text.indexOf('First home visit'));
    expect(page.body).toContain(`aria-current="page" href="${chronology}"`);
    expect((await auditRows(web.database, 'records.chronology.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child });
  });

  it('filters by category and dates with a plain GET form', async () => {
    const browser = await signedIn(web, 'social.worker');
    const education = textOf((await browser.get(`${chronology}?category=education`)).body);
    expect(education).toContain('School raised concerns');
    expect(education).not.toContain('First home visit');
    const from = daysAgo(web, 30);
    const recent = textOf((await browser.get(`${chronology}?from-day=${from.day}&from-month=${from.month}&from-year=${from.year}`)).body);
    expect(recent).toContain('Safety plan agreed');
    expect(recent).not.toContain('First home visit');
    expect(recent).not.toContain('School raised concerns');
  });

  it('shows a bad filter date as an error and the unfiltered dates', async () => {
    const page = await (await signedIn(web, 'social.worker')).get(`${chronology}?from-day=31&from-month=2&from-year=2026&to=2026-13-01`);
    expect(page.statusCode).toBe(400);
    const text = textOf(page.body);
    expect(text).toContain('The “from” date must be a real date');
    expect(text).toContain('The “to” date must be a real date');
    expect(page.body).toContain('href="#from-day"');
  });

  it('links a young carer’s assessment to its page, which the same reader can open', async () => {
    const assessment = await web.database.handle.db.selectFrom('youngCarerAssessment').select('id').where('childId', '=', child).executeTakeFirstOrThrow();
    const browser = await signedIn(web, 'social.worker');
    const page = await browser.get(chronology);
    expect(textOf(page.body)).toContain('Young carer’s needs assessment started');
    expect(page.body).toContain(`href="/young-carers/${assessment.id}"`);
    expect((await browser.get(`/young-carers/${assessment.id}`)).statusCode).toBe(200);
  });

  it('refuses a worker in another team', async () => {
    expect((await (await signedIn(web, 'other.worker')).get(chronology)).statusCode).toBe(403);
  });
});

describe('exporting the chronology', () => {
  it('downloads a Word document with the filtered entries, audited', async () => {
    const browser = await signedIn(web, 'social.worker');
    const page = await browser.get(`${chronology}?category=meeting`);
    const href = /href="([^"]+export\.docx[^"]*)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(href).toBe(`${chronology}/export.docx?category=meeting`);
    const file = await browser.get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Chronology [^"]+\.docx"/);
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = unzip(file.rawPayload).get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('Safety plan agreed with the family and school');
    expect(xml).not.toContain('First home visit');
    // With the demo's strategy discussions: one asked for and held, and a group meeting asked for.
    expect(xml).toContain('Strategy discussion held: Section 47 enquiry');
    expect((await auditRows(web.database, 'records.chronology.exported')).at(-1)).toMatchObject({ childId: child, changes: { format: 'docx', filter: { categories: ['meeting'] }, entries: 4 } });
  });

  it('offers a printable page, marked and stamped, audited as an export', async () => {
    const page = await (await signedIn(web, 'team.manager')).get(`${chronology}/print`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Exported by Gareth Munroe');
    expect(text.indexOf('School raised concerns')).toBeLessThan(text.indexOf('Safety plan agreed'));
    expect((await auditRows(web.database, 'records.chronology.exported')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, changes: { format: 'html' } });
  });

  it('is not offered to a performance officer, and refused if tried', async () => {
    const perf = await signedIn(web, 'performance.officer');
    const page = await perf.get(chronology);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('export.docx');
    expect(page.body).not.toContain('Add an entry');
    expect((await perf.get(`${chronology}/export.docx`)).statusCode).toBe(403);
    expect((await perf.get(`${chronology}/print`)).statusCode).toBe(403);
  });
});

describe('adding an entry by hand', () => {
  it('shows every error at once, then adds the entry to the timeline', async () => {
    const browser = await signedIn(web, 'social.worker');
    expect((await browser.get(newEntry)).statusCode).toBe(200);
    const future = daysAgo(web, -2);
    const bad = await browser.post(newEntry, { 'entryDate-day': future.day, 'entryDate-month': future.month, 'entryDate-year': future.year, category: '', summary: '', source: '' });
    expect(bad.statusCode).toBe(400);
    const text = textOf(bad.body);
    for (const message of ['Select a category', 'Enter what happened', 'Enter where this information came from']) expect(text).toContain(message);
    const futureOnly = await browser.post(newEntry, { 'entryDate-day': future.day, 'entryDate-month': future.month, 'entryDate-year': future.year, category: 'health', summary: 'x', source: 'y' });
    expect(textOf(futureOnly.body)).toContain('Date of the event must be today or in the past');
    const date = daysAgo(web, 100);
    const ok = await browser.post(newEntry, { 'entryDate-day': date.day, 'entryDate-month': date.month, 'entryDate-year': date.year, category: 'health', summary: 'Seen by the school nurse about a rash', source: 'School nurse' });
    expect(ok.headers.location).toBe(`${chronology}?added=1`);
    const page = textOf((await browser.get(ok.headers.location ?? '')).body);
    expect(page).toContain('Entry added to the chronology.');
    expect(page).toContain('Seen by the school nurse about a rash');
    expect((await auditRows(web.database, 'records.chronology-entry.added')).at(-1)).toMatchObject({ childId: child, changes: { category: 'health', entryDate: date.iso } });
  });

  it('refuses the form to someone who may only read', async () => {
    expect((await (await signedIn(web, 'performance.officer')).get(newEntry)).statusCode).toBe(403);
  });
});
