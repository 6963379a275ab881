// Case notes, the people each is about, and their amendments. Notes are inserted, never updated
// (the database refuses edits: migration 0006); corrections are amendments.
import type { Kysely, Transaction } from 'kysely';
import type { CaseNoteType } from '../../domain/records/case-note.ts';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface NewCaseNote {
  /** A fixed id (demo data); otherwise the database makes one. */
  readonly id?: string;
  readonly childId: string;
  readonly noteType: CaseNoteType;
  readonly eventDate: string;
  readonly eventTime: string | null;
  readonly summary: string;
  readonly body: string;
  readonly significant: boolean;
  readonly writtenToChild: boolean;
  readonly authorUserId: string;
  readonly recordedAt: Date;
  readonly recordedOn: string;
  readonly workingDaysToRecord: number;
  readonly recordedLate: boolean;
  /** The child and any related people the note is about. */
  readonly personIds: readonly string[];
}

export async function insertCaseNote(trx: Db, note: NewCaseNote): Promise<string> {
  const { personIds, ...values } = note;
  const row = await trx.insertInto('caseNote').values(values).returning('id').executeTakeFirstOrThrow();
  const unique = [...new Set([note.childId, ...personIds])];
  await trx
    .insertInto('caseNotePerson')
    .values(unique.map((personId) => ({ caseNoteId: row.id, personId })))
    .execute();
  return row.id;
}

export interface CaseNoteListItem {
  readonly id: string;
  readonly noteType: string;
  readonly eventDate: string;
  readonly eventTime: string | null;
  readonly summary: string;
  readonly significant: boolean;
  readonly writtenToChild: boolean;
  readonly recordedAt: Date;
  readonly recordedLate: boolean;
  readonly authorName: string;
  readonly amendmentCount: number;
}

export async function listCaseNotes(trx: Db, childId: string, page: { limit: number; offset: number }): Promise<{ items: CaseNoteListItem[]; total: number }> {
  const [items, count] = await Promise.all([
    trx
      .selectFrom('caseNote as n')
      .innerJoin('appUser as u', 'u.id', 'n.authorUserId')
      .select((eb) => [
        'n.id',
        'n.noteType',
        'n.eventDate',
        'n.eventTime',
        'n.summary',
        'n.significant',
        'n.writtenToChild',
        'n.recordedAt',
        'n.recordedLate',
        'u.displayName as authorName',
        eb
          .selectFrom('caseNoteAmendment as a')
          .select((a) => a.fn.countAll<string>().as('n'))
          .whereRef('a.caseNoteId', '=', 'n.id')
          .as('amendments'),
      ])
      .where('n.childId', '=', childId)
      .orderBy('n.eventDate', 'desc')
      .orderBy('n.eventTime', (ob) => ob.desc().nullsLast())
      .orderBy('n.recordedAt', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    trx.selectFrom('caseNote').select((eb) => eb.fn.countAll<string>().as('n')).where('childId', '=', childId).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map(({ amendments, ...item }) => ({ ...item, amendmentCount: Number(amendments ?? 0) })),
    total: Number(count.n),
  };
}

export interface CaseNoteDetail extends CaseNoteListItem {
  readonly childId: string;
  readonly body: string;
  readonly recordedOn: string;
  readonly workingDaysToRecord: number;
  readonly linkedPeople: readonly { readonly id: string; readonly name: string; readonly isChild: boolean }[];
  readonly amendments: readonly {
    readonly id: string;
    readonly reason: string;
    readonly body: string;
    readonly authorName: string;
    readonly recordedAt: Date;
  }[];
}

export async function findCaseNote(trx: Db, childId: string, noteId: string): Promise<CaseNoteDetail | undefined> {
  const note = await trx
    .selectFrom('caseNote as n')
    .innerJoin('appUser as u', 'u.id', 'n.authorUserId')
    .select([
      'n.id',
      'n.childId',
      'n.noteType',
      'n.eventDate',
      'n.eventTime',
      'n.summary',
      'n.body',
      'n.significant',
      'n.writtenToChild',
      'n.recordedAt',
      'n.recordedOn',
      'n.workingDaysToRecord',
      'n.recordedLate',
      'u.displayName as authorName',
    ])
    .where('n.id', '=', noteId)
    .where('n.childId', '=', childId)
    .executeTakeFirst();
  if (note === undefined) return undefined;
  const [people, amendments] = await Promise.all([
    trx
      .selectFrom('caseNotePerson as l')
      .innerJoin('person as p', 'p.id', 'l.personId')
      .select(['p.id', 'p.givenName', 'p.familyName', 'p.restriction'])
      .where('l.caseNoteId', '=', noteId)
      .orderBy('p.familyName')
      .orderBy('p.givenName')
      .execute(),
    trx
      .selectFrom('caseNoteAmendment as a')
      .innerJoin('appUser as u', 'u.id', 'a.authorUserId')
      .select(['a.id', 'a.reason', 'a.body', 'a.recordedAt', 'u.displayName as authorName'])
      .where('a.caseNoteId', '=', noteId)
      .orderBy('a.recordedAt')
      .orderBy('a.id')
      .execute(),
  ]);
  return {
    ...note,
    amendmentCount: amendments.length,
    linkedPeople: people
      // A related person whose own record is restricted is not named here (the child's family list does the same).
      .filter((p) => p.id === childId || p.restriction === 'none')
      .map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}`, isChild: p.id === childId }))
      .sort((a, b) => Number(b.isChild) - Number(a.isChild)),
    amendments,
  };
}

export async function caseNoteBelongsToChild(trx: Db, childId: string, noteId: string): Promise<{ summary: string } | undefined> {
  return trx.selectFrom('caseNote').select('summary').where('id', '=', noteId).where('childId', '=', childId).executeTakeFirst();
}

export async function insertCaseNoteAmendment(
  trx: Db,
  amendment: { caseNoteId: string; childId: string; reason: string; body: string; authorUserId: string; recordedAt: Date },
): Promise<string> {
  const row = await trx.insertInto('caseNoteAmendment').values(amendment).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The people recorded as related to the child (the ones a note may also be about). */
export async function relatedPersonIds(trx: Db, childId: string): Promise<string[]> {
  const rows = await trx.selectFrom('personRelationship').select('relatedPersonId').where('personId', '=', childId).execute();
  return [...new Set(rows.map((r) => r.relatedPersonId))];
}

export interface SignificantCaseNote {
  readonly id: string;
  readonly noteType: string;
  readonly eventDate: string;
  readonly eventTime: string | null;
  readonly summary: string;
  readonly authorName: string;
}

export async function significantCaseNotes(trx: Db, childId: string, range: { from: string | null; to: string | null }): Promise<SignificantCaseNote[]> {
  let query = trx
    .selectFrom('caseNote as n')
    .innerJoin('appUser as u', 'u.id', 'n.authorUserId')
    .select(['n.id', 'n.noteType', 'n.eventDate', 'n.eventTime', 'n.summary', 'u.displayName as authorName'])
    .where('n.childId', '=', childId)
    .where('n.significant', '=', true);
  if (range.from !== null) query = query.where('n.eventDate', '>=', range.from);
  if (range.to !== null) query = query.where('n.eventDate', '<=', range.to);
  return query.execute();
}
