import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { recordCaseNote } from '../../../src/app/records/record-case-note.ts';
import { uploadDocument } from '../../../src/app/records/upload-document.ts';
import { downloadDocument, viewDocuments } from '../../../src/app/records/view-documents.ts';
import { AccessRefusedError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { EXE, PDF, PNG, realDocx } from '../../domain/records/document-fixtures.ts';

let database: TestDatabase;
const child = DEMO_CHILD_IDS.allocated;

beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

const documentCount = async () => Number((await database.handle.db.selectFrom('document').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const contentCount = async () => Number((await database.handle.db.selectFrom('documentContent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('documents on a child’s record', () => {
  it('keeps an allowed file byte for byte under a harmless name, audited by kind and fingerprint only', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const docx = await realDocx('Core group minutes');
    const { id } = await uploadDocument(database.deps, ctx, child, { title: undefined, significant: true, caseNoteId: null, filename: '../../Core group minutes\u202E.docx', content: docx });
    const row = await database.handle.db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ childId: child, filename: 'Core group minutes.docx', title: 'Core group minutes', kind: 'docx', sizeBytes: docx.byteLength, significant: true, uploadedByUserId: DEMO_USER_IDS.socialWorker });
    const sha256 = createHash('sha256').update(docx).digest('hex');
    expect(row.sha256).toBe(sha256);
    const audit = (await auditRows(database, 'records.document.uploaded')).at(-1);
    expect(audit).toMatchObject({ subjectId: id, childId: child, changes: { kind: 'docx', sizeBytes: docx.byteLength, sha256 } });
    expect(JSON.stringify(audit?.changes)).not.toContain('Core group');

    const file = await downloadDocument(database.deps, ctx, child, id);
    expect(file).toMatchObject({ filename: 'Core group minutes.docx', kind: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(Buffer.from(file.content).equals(Buffer.from(docx))).toBe(true);
    expect((await auditRows(database, 'records.document.downloaded')).at(-1)).toMatchObject({ subjectId: id, childId: child, actorUserId: DEMO_USER_IDS.socialWorker });
  });

  it('attaches a document to one of the child’s case notes, never to another child’s', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const note = await recordCaseNote(database.deps, ctx, child, { noteType: 'meeting', eventDate: '2026-01-05', eventTime: null, summary: 'Core group', body: 'Met.', significant: false, writtenToChild: false, linkedPersonIds: [] });
    const { id } = await uploadDocument(database.deps, ctx, child, { title: 'Minutes', significant: false, caseNoteId: note.id, filename: 'minutes.pdf', content: PDF });
    expect((await database.handle.db.selectFrom('document').select('caseNoteId').where('id', '=', id).executeTakeFirstOrThrow()).caseNoteId).toBe(note.id);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const before = await documentCount();
    const error = await failure(uploadDocument(database.deps, manager, DEMO_CHILD_IDS.restricted, { title: 'x', significant: false, caseNoteId: note.id, filename: 'minutes.pdf', content: PDF }));
    expect((error as ValidationError).fieldErrors).toEqual({ caseNoteId: 'The case note to attach this to was not found' });
    expect(await documentCount()).toBe(before);
  });

  it.each([
    ['a program named as a PDF', 'report.pdf', EXE, 'The selected file is not a real PDF'],
    ['a PNG named as a Word document', 'letter.docx', PNG, 'not a real Word document (DOCX)'],
    ['a web page', 'page.html', new TextEncoder().encode('<html></html>'), 'The selected file must be a PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT or EML'],
    ['an empty file', 'empty.txt', new Uint8Array(), 'The selected file is empty'],
  ])('refuses %s with a clear message, nothing written', async (_what, filename, content, message) => {
    const before = { documents: await documentCount(), contents: await contentCount(), audits: (await auditRows(database, 'records.document.uploaded')).length };
    const error = await failure(uploadDocument(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child, { title: undefined, significant: false, caseNoteId: null, filename, content }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors['file']).toContain(message);
    expect({ documents: await documentCount(), contents: await contentCount(), audits: (await auditRows(database, 'records.document.uploaded')).length }).toEqual(before);
  });

  it('refuses a worker in another team, both uploading and downloading', async () => {
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    expect(((await failure(uploadDocument(database.deps, other, child, { title: 'x', significant: false, caseNoteId: null, filename: 'a.pdf', content: PDF }))) as AccessRefusedError).status).toBe(403);
    const [first] = (await viewDocuments(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child)).documents;
    expect(((await failure(downloadDocument(database.deps, other, child, first!.id))) as AccessRefusedError).status).toBe(403);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.otherTeamWorker, childId: child });
  });

  it('does not serve a document under another child’s address', async () => {
    const [first] = (await viewDocuments(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child)).documents;
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    await expect(downloadDocument(database.deps, manager, DEMO_CHILD_IDS.restricted, first!.id)).rejects.toThrow(/not found/);
  });

  it('lists the demo document and audits the list', async () => {
    const list = await viewDocuments(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), child);
    expect(list.documents.map((d) => d.filename)).toContain('safety-plan.txt');
    expect((await auditRows(database, 'records.documents.listed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, childId: child });
  });
});
