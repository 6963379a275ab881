import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../src/domain/records/document-kind.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows } from '../../support/authority.ts';
import { createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { EXE, HTML, PDF, PNG } from '../../domain/records/document-fixtures.ts';
import { multipart, postMultipart, signedIn } from './helpers.ts';

let web: TestWeb;
const child = DEMO_CHILD_IDS.allocated;
const list = `/children/${child}/documents`;
const form = `${list}/new`;

beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

const counts = async () => ({
  documents: Number((await web.database.handle.db.selectFrom('document').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
  contents: Number((await web.database.handle.db.selectFrom('documentContent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
});

describe('uploading and downloading a document', () => {
  it('adds a PDF and serves it back as a download with safe headers, both audited', async () => {
    const browser = await signedIn(web, 'social.worker');
    const posted = await postMultipart(web, browser, form, [
      { name: 'title', value: 'Police notification' },
      { name: 'significant', value: 'yes' },
      { name: 'file', filename: 'C:\\fakepath\\police notification.pdf', contentType: 'text/html', content: PDF },
    ]);
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${list}?uploaded=1`);
    const page = await browser.get(posted.headers.location ?? '');
    expect(textOf(page.body)).toContain('Document added.');
    expect(textOf(page.body)).toContain('Police notification');
    expect(textOf(page.body)).toContain('police notification.pdf');
    const href = /href="(\/children\/[^"]+\/documents\/[0-9a-f-]{36}\/download)"[^>]*>Police notification/.exec(page.body)?.[1];
    expect(href).toBeDefined();

    const file = await browser.get(href ?? '');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="police notification.pdf"; filename*=UTF-8''police%20notification.pdf`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.headers['content-security-policy']).toContain("default-src 'none'");
    expect(Buffer.from(file.rawPayload).equals(Buffer.from(PDF))).toBe(true);
    expect((await auditRows(web.database, 'records.document.uploaded')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child, changes: { kind: 'pdf', significant: true } });
    expect((await auditRows(web.database, 'records.document.downloaded')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: child });
  });

  it('serves HTML uploaded as a text file as plain text to download, never as a page', async () => {
    const browser = await signedIn(web, 'social.worker');
    await postMultipart(web, browser, form, [{ name: 'file', filename: 'notes.txt', contentType: 'text/html', content: HTML }]);
    const page = await browser.get(list);
    const href = /href="(\/children\/[^"]+\/documents\/[0-9a-f-]{36}\/download)"[^>]*>notes</.exec(page.body)?.[1] ?? '';
    const file = await browser.get(href);
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('attaches a document to a case note from the note’s page and goes back to it', async () => {
    const browser = await signedIn(web, 'social.worker');
    const notes = await browser.get(`/children/${child}/case-notes`);
    const notePath = /href="(\/children\/[^"]+\/case-notes\/[0-9a-f-]{36})"/.exec(notes.body)?.[1] ?? '';
    const noteId = notePath.split('/').pop() ?? '';
    const formPage = await browser.get(`${form}?caseNoteId=${noteId}`);
    expect(textOf(formPage.body)).toContain('The document will be attached to the case note');
    const posted = await postMultipart(web, browser, form, [{ name: 'caseNoteId', value: noteId }, { name: 'file', filename: 'photo.png', content: PNG }]);
    expect(posted.headers.location).toBe(notePath);
    expect(textOf((await browser.get(notePath)).body)).toContain('photo (PNG image');
  });
});

describe('refusing a file, with the reason on the page and nothing written', () => {
  it('accepts a file of exactly 10 MB', async () => {
    const edge = new Uint8Array(MAX_DOCUMENT_BYTES);
    edge.set(PDF);
    const response = await postMultipart(web, await signedIn(web, 'social.worker'), form, [{ name: 'file', filename: 'edge.pdf', content: edge }]);
    expect(response.statusCode).toBe(303);
    const row = await web.database.handle.db.selectFrom('document').select('sizeBytes').where('filename', '=', 'edge.pdf').executeTakeFirstOrThrow();
    expect(row.sizeBytes).toBe(MAX_DOCUMENT_BYTES);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const before = await counts();
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF);
    const response = await postMultipart(web, await signedIn(web, 'social.worker'), form, [{ name: 'title', value: 'Too big' }, { name: 'file', filename: 'big.pdf', content: big }]);
    expect(response.statusCode).toBe(413);
    expect(textOf(response.body)).toContain('The selected file must be smaller than 10 MB');
    expect(response.body).toContain('value="Too big"');
    expect(await counts()).toEqual(before);
  });

  it('refuses a program named as a PDF with 400', async () => {
    const before = await counts();
    const response = await postMultipart(web, await signedIn(web, 'social.worker'), form, [{ name: 'file', filename: 'report.pdf', contentType: 'application/pdf', content: EXE }]);
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('The selected file is not a real PDF');
    expect(response.body).toContain('href="#file"');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a type not on the list', [{ name: 'file', filename: 'page.html', content: HTML }], 'The selected file must be a PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT or EML'],
    ['no file', [{ name: 'file', filename: '', content: new Uint8Array() }], 'Select a file'],
    ['an empty file', [{ name: 'file', filename: 'empty.txt', content: new Uint8Array() }], 'The selected file is empty'],
    ['two files', [{ name: 'file', filename: 'a.pdf', content: PDF }, { name: 'file', filename: 'b.pdf', content: PDF }], 'Select one file at a time'],
    ['a title that is too long', [{ name: 'title', value: 'x'.repeat(201) }, { name: 'file', filename: 'a.pdf', content: PDF }], 'Title must be 200 characters or fewer'],
  ])('refuses %s', async (_what, parts, message) => {
    const before = await counts();
    const response = await postMultipart(web, await signedIn(web, 'social.worker'), form, parts);
    expect([400, 413]).toContain(response.statusCode);
    expect(textOf(response.body)).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses an upload without a CSRF token, or with the token after the file, before reading the file', async () => {
    const browser = await signedIn(web, 'social.worker');
    const before = await counts();
    expect((await postMultipart(web, browser, form, [{ name: 'file', filename: 'a.pdf', content: PDF }], { csrf: 'none' })).statusCode).toBe(403);
    expect((await postMultipart(web, browser, form, [{ name: 'file', filename: 'a.pdf', content: PDF }], { csrf: 'last' })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('accepts the token as a header from a client that sends a field first, but never a file before the token', async () => {
    const browser = await signedIn(web, 'social.worker');
    const token = await browser.csrfToken(form);
    const send = async (parts: Parameters<typeof multipart>[0]) => {
      const body = multipart(parts);
      return web.app.inject({ method: 'POST', url: form, payload: body.payload, headers: { cookie: browser.cookieHeader, 'content-type': body.contentType, 'x-csrf-token': token } });
    };
    const ok = await send([{ name: 'title', value: 'Sent by a client' }, { name: 'file', filename: 'client.txt', content: new TextEncoder().encode('From a client.') }]);
    expect(ok.statusCode).toBe(303);
    expect(textOf((await browser.get(list)).body)).toContain('Sent by a client');
    const before = await counts();
    const fileFirst = await send([{ name: 'file', filename: 'first.txt', content: new TextEncoder().encode('File first.') }, { name: 'title', value: 'x' }]);
    expect(fileFirst.statusCode).toBe(400);
    expect(textOf(fileFirst.body)).toContain('The form was sent in the wrong order');
    expect(await counts()).toEqual(before);
  });

  it('refuses a worker in another team, for the form, the upload, the list and a download', async () => {
    const other = await signedIn(web, 'other.worker');
    expect((await other.get(form)).statusCode).toBe(403);
    expect((await other.get(list)).statusCode).toBe(403);
    const before = await counts();
    expect((await postMultipart(web, other, form, [{ name: 'file', filename: 'a.pdf', content: PDF }], { csrfFrom: '/my-work' })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const page = await (await signedIn(web, 'social.worker')).get(list);
    const href = /href="(\/children\/[^"]+\/documents\/[0-9a-f-]{36}\/download)"/.exec(page.body)?.[1] ?? '';
    const refused = await other.get(href);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-disposition']).toBeUndefined();
  });

  it('answers 404 for a document that does not exist', async () => {
    expect((await (await signedIn(web, 'social.worker')).get(`${list}/00000000-0000-4000-9000-999999999999/download`)).statusCode).toBe(404);
  });
});
