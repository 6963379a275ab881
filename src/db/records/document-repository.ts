// Documents attached to a child (optionally to one of their case notes). The description and the
// bytes are separate rows, so lists never read the content (docs/adr/0005-document-storage.md).
import type { Kysely, Transaction } from 'kysely';
import type { DocumentKind } from '../../domain/records/document-kind.ts';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface NewDocument {
  /** A fixed id (demo data); otherwise the database makes one. */
  readonly id?: string;
  readonly childId: string;
  readonly caseNoteId: string | null;
  readonly title: string;
  readonly filename: string;
  readonly kind: DocumentKind;
  readonly sha256: string;
  readonly significant: boolean;
  readonly uploadedByUserId: string;
  readonly uploadedAt: Date;
  readonly uploadedOn: string;
  readonly content: Uint8Array;
}

export async function insertDocument(trx: Db, document: NewDocument): Promise<string> {
  const { content, ...values } = document;
  const row = await trx
    .insertInto('document')
    .values({ ...values, sizeBytes: content.byteLength })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('documentContent').values({ documentId: row.id, content }).execute();
  return row.id;
}

export interface DocumentListItem {
  readonly id: string;
  readonly caseNoteId: string | null;
  readonly caseNoteSummary: string | null;
  readonly title: string;
  readonly filename: string;
  readonly kind: string;
  readonly sizeBytes: number;
  readonly significant: boolean;
  readonly uploadedAt: Date;
  readonly uploadedOn: string;
  readonly uploadedByName: string;
}

function documentsQuery(trx: Db) {
  return trx
    .selectFrom('document as d')
    .innerJoin('appUser as u', 'u.id', 'd.uploadedByUserId')
    .leftJoin('caseNote as n', 'n.id', 'd.caseNoteId')
    .select([
      'd.id',
      'd.caseNoteId',
      'n.summary as caseNoteSummary',
      'd.title',
      'd.filename',
      'd.kind',
      'd.sizeBytes',
      'd.significant',
      'd.uploadedAt',
      'd.uploadedOn',
      'u.displayName as uploadedByName',
    ]);
}

export async function listDocuments(trx: Db, childId: string): Promise<DocumentListItem[]> {
  return documentsQuery(trx).where('d.childId', '=', childId).orderBy('d.uploadedAt', 'desc').orderBy('d.id').execute();
}

export async function listCaseNoteDocuments(trx: Db, childId: string, caseNoteId: string): Promise<DocumentListItem[]> {
  return documentsQuery(trx).where('d.childId', '=', childId).where('d.caseNoteId', '=', caseNoteId).orderBy('d.uploadedAt').execute();
}

export async function findDocumentWithContent(
  trx: Db,
  childId: string,
  documentId: string,
): Promise<{ id: string; filename: string; kind: string; sizeBytes: number; sha256: string; content: Uint8Array } | undefined> {
  return trx
    .selectFrom('document as d')
    .innerJoin('documentContent as c', 'c.documentId', 'd.id')
    .select(['d.id', 'd.filename', 'd.kind', 'd.sizeBytes', 'd.sha256', 'c.content'])
    .where('d.id', '=', documentId)
    .where('d.childId', '=', childId)
    .executeTakeFirst();
}

export async function significantDocuments(trx: Db, childId: string, range: { from: string | null; to: string | null }): Promise<DocumentListItem[]> {
  let query = documentsQuery(trx).where('d.childId', '=', childId).where('d.significant', '=', true);
  if (range.from !== null) query = query.where('d.uploadedOn', '>=', range.from);
  if (range.to !== null) query = query.where('d.uploadedOn', '<=', range.to);
  return query.execute();
}
