import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendCaseNote } from '../../../src/app/records/amend-case-note.ts';
import { caseNoteDraftJourney, discardCaseNoteDraft, openCaseNoteForm, saveCaseNoteDraft } from '../../../src/app/records/case-note-drafts.ts';
import type { RecordCaseNoteInput } from '../../../src/app/records/case-note-input.ts';
import { recordCaseNote } from '../../../src/app/records/record-case-note.ts';
import { viewCaseNote } from '../../../src/app/records/view-case-note.ts';
import { viewCaseNotes } from '../../../src/app/records/view-case-notes.ts';
import { AccessRefusedError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
let parentId: string;
const child = DEMO_CHILD_IDS.allocated;
// Tuesday 10 March 2026, 14:30 in London (GMT).
const NOW = new Date('2026-03-10T14:30:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
  const parent = await database.handle.db.selectFrom('personRelationship').select('relatedPersonId').where('personId', '=', child).where('relationship', '=', 'parent').executeTakeFirstOrThrow();
  parentId = parent.relatedPersonId;
});
afterAll(async () => {
  await database.close();
});

const input = (overrides: Partial<RecordCaseNoteInput> = {}): RecordCaseNoteInput => ({
  noteType: 'home_visit',
  eventDate: '2026-03-09',
  eventTime: '10:15',
  summary: 'Home visit: children seen together',
  body: 'Saw both children at home. The house was warm.\nMum says school mornings are easier.',
  significant: true,
  writtenToChild: false,
  linkedPersonIds: [],
  ...overrides,
});

const noteCount = async () => Number((await database.handle.db.selectFrom('caseNote').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('recording a case note', () => {
  it('saves the note, the people it is about and an audit event without the note’s words', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const note = await recordCaseNote(database.deps, ctx, child, input({ linkedPersonIds: [parentId] }));
    expect(note).toMatchObject({ recordedLate: false, workingDaysToRecord: 1 });
    const row = await database.handle.db.selectFrom('caseNote').selectAll().where('id', '=', note.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ childId: child, noteType: 'home_visit', eventDate: '2026-03-09', eventTime: '10:15', authorUserId: DEMO_USER_IDS.socialWorker, recordedOn: '2026-03-10', significant: true });
    expect(row.recordedAt.toISOString()).toBe(NOW.toISOString());
    const people = await database.handle.db.selectFrom('caseNotePerson').select('personId').where('caseNoteId', '=', note.id).execute();
    expect(people.map((p) => p.personId).sort()).toEqual([child, parentId].sort());
    const audit = (await auditRows(database, 'records.case-note.recorded')).at(-1);
    expect(audit).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, subjectId: note.id, childId: child, outcome: 'success' });
    expect(JSON.stringify(audit?.changes)).not.toContain('warm');
  });

  it('flags a note recorded more than 5 working days after the event', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const late = await recordCaseNote(database.deps, ctx, child, input({ eventDate: '2026-03-02', eventTime: null }));
    expect(late).toMatchObject({ recordedLate: true, workingDaysToRecord: 6 });
    const onTime = await recordCaseNote(database.deps, ctx, child, input({ eventDate: '2026-03-03', eventTime: null }));
    expect(onTime).toMatchObject({ recordedLate: false, workingDaysToRecord: 5 });
  });

  it('refuses an event in the future, nothing saved', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const before = await noteCount();
    const tomorrow = await refusalOf(recordCaseNote(database.deps, ctx, child, input({ eventDate: '2026-03-11', eventTime: null })));
    expect(tomorrow).toBeInstanceOf(ValidationError);
    expect((tomorrow as ValidationError).fieldErrors).toEqual({ eventDate: 'Date of the event must be today or in the past' });
    const later = await refusalOf(recordCaseNote(database.deps, ctx, child, input({ eventDate: '2026-03-10', eventTime: '15:00' })));
    expect((later as ValidationError).fieldErrors).toEqual({ eventTime: 'Time of the event must be now or in the past' });
    expect(await noteCount()).toBe(before);
  });

  it('refuses a worker in another team with a 403, audited, nothing saved', async () => {
    const before = await noteCount();
    const error = await refusalOf(recordCaseNote(database.deps, await contextFor(database, DEMO_USER_IDS.otherTeamWorker), child, input()));
    expect(error).toBeInstanceOf(AccessRefusedError);
    expect((error as AccessRefusedError).status).toBe(403);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.otherTeamWorker, childId: child, outcome: 'refused' });
    expect(await noteCount()).toBe(before);
  });

  it('refuses a sealed record as not found and a restricted one with whom to ask', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect(((await refusalOf(recordCaseNote(database.deps, ctx, DEMO_CHILD_IDS.sealed, input()))) as AccessRefusedError).status).toBe(404);
    const mash = await contextFor(database, DEMO_USER_IDS.mashPractitioner);
    expect(((await refusalOf(viewCaseNotes(database.deps, mash, DEMO_CHILD_IDS.restricted))) as AccessRefusedError).userMessage).toContain('Gareth Munroe');
  });

  it('only links people related to the child', async () => {
    const before = await noteCount();
    const error = await refusalOf(recordCaseNote(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child, input({ linkedPersonIds: [DEMO_CHILD_IDS.otherTeam] })));
    expect((error as ValidationError).fieldErrors).toEqual({ linkedPersonIds: 'Select people from the list' });
    expect(await noteCount()).toBe(before);
  });

  it('lets only a manager record management oversight', async () => {
    const worker = await refusalOf(recordCaseNote(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child, input({ noteType: 'management_oversight' })));
    expect((worker as ValidationError).fieldErrors['noteType']).toContain('Only a manager');
    const manager = await recordCaseNote(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), child, input({ noteType: 'management_oversight' }));
    expect(manager.id).toMatch(/^[0-9a-f-]{36}$/);
    const form = await openCaseNoteForm(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child);
    expect(form.noteTypes).not.toContain('management_oversight');
  });

  it('saves nothing at all when a later step fails (one transaction)', async () => {
    await database.handle.exec(`create function test_fail() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end; $$;
      create trigger test_fail before insert on case_note_person for each row execute function test_fail();`);
    try {
      const before = { notes: await noteCount(), audits: (await auditRows(database, 'records.case-note.recorded')).length };
      const error = await refusalOf(recordCaseNote(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child, input()));
      expect(String(error)).toContain('injected failure');
      expect(await noteCount()).toBe(before.notes);
      expect((await auditRows(database, 'records.case-note.recorded')).length).toBe(before.audits);
    } finally {
      await database.handle.exec('drop trigger test_fail on case_note_person; drop function test_fail();');
    }
  });
});

describe('a saved note is never edited silently', () => {
  it('adds a correction as an amendment linked to the original, both shown, audited', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const note = await recordCaseNote(database.deps, ctx, child, input({ summary: 'Visit with a wrong detail' }));
    const amendment = await amendCaseNote(database.deps, ctx, child, note.id, { reason: 'Wrong time written', body: 'The visit was at 11:15.' });
    const view = await viewCaseNote(database.deps, ctx, child, note.id);
    expect(view.note.body).toContain('The house was warm');
    expect(view.note.amendments).toEqual([expect.objectContaining({ id: amendment.id, reason: 'Wrong time written', body: 'The visit was at 11:15.', authorName: 'Amara Lindqvist' })]);
    expect((await auditRows(database, 'records.case-note.amended')).at(-1)).toMatchObject({ subjectId: note.id, childId: child, changes: { amendmentId: amendment.id } });
    expect((await auditRows(database, 'records.case-note.viewed')).at(-1)).toMatchObject({ subjectId: note.id, childId: child });
  });

  it('is protected by the database: no update of what was written, no delete; only the person can move (a merge)', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const note = await recordCaseNote(database.deps, ctx, child, input());
    const db = database.handle.db;
    await expect(db.updateTable('caseNote').set({ body: 'rewritten' }).where('id', '=', note.id).execute()).rejects.toThrow(/not edited/);
    await expect(db.deleteFrom('caseNote').where('id', '=', note.id).execute()).rejects.toThrow(/not deleted/);
    await db.updateTable('caseNote').set({ childId: DEMO_CHILD_IDS.otherTeam }).where('id', '=', note.id).execute();
    await db.updateTable('caseNote').set({ childId: child }).where('id', '=', note.id).execute();
    expect((await db.selectFrom('caseNote').select('body').where('id', '=', note.id).executeTakeFirstOrThrow()).body).toContain('warm');
  });

  it('refuses a correction from someone who may only read the record', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const note = await recordCaseNote(database.deps, ctx, child, input());
    const perf = await contextFor(database, DEMO_USER_IDS.performanceOfficer);
    expect((await viewCaseNote(database.deps, perf, child, note.id)).canChange).toBe(false);
    const error = await refusalOf(amendCaseNote(database.deps, perf, child, note.id, { reason: 'x', body: 'y' }));
    expect((error as AccessRefusedError).status).toBe(403);
  });

  it('does not find another child’s note under this child', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const note = await recordCaseNote(database.deps, ctx, child, input());
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    await expect(viewCaseNote(database.deps, manager, DEMO_CHILD_IDS.restricted, note.id)).rejects.toThrow(/not found/);
  });
});

describe('drafts of a note', () => {
  it('keeps what was typed for its author only, gives it back, and removes it when the note is saved', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const values = { noteType: 'phone_call', eventDateDay: '9', eventDateMonth: '3', eventDateYear: '', eventTime: '', summary: 'Call with school', body: 'Half written…', significant: false, writtenToChild: true, linkedPersonIds: [] };
    await saveCaseNoteDraft(database.deps, worker, child, values);
    const row = await database.handle.db.selectFrom('draft').select(['journey', 'data']).where('userId', '=', DEMO_USER_IDS.socialWorker).where('journey', '=', caseNoteDraftJourney(child)).executeTakeFirstOrThrow();
    expect(row.data).toMatchObject({ body: 'Half written…', writtenToChild: true });
    expect((await auditRows(database, 'records.case-note-draft.saved')).at(-1)).toMatchObject({ childId: child, actorUserId: DEMO_USER_IDS.socialWorker });
    expect((await openCaseNoteForm(database.deps, worker, child)).draft).toMatchObject({ summary: 'Call with school', eventDateYear: '' });
    expect((await openCaseNoteForm(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), child)).draft).toBeNull();
    const note = await recordCaseNote(database.deps, worker, child, input());
    expect((await auditRows(database, 'records.case-note.recorded')).at(-1)).toMatchObject({ subjectId: note.id, changes: { draftRemoved: true } });
    expect((await openCaseNoteForm(database.deps, worker, child)).draft).toBeNull();
  });

  it('can be discarded, audited', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await saveCaseNoteDraft(database.deps, worker, child, { noteType: '', eventDateDay: '', eventDateMonth: '', eventDateYear: '', eventTime: '', summary: 'x', body: '', significant: false, writtenToChild: false, linkedPersonIds: [] });
    expect(await discardCaseNoteDraft(database.deps, worker, child)).toBe(true);
    expect((await openCaseNoteForm(database.deps, worker, child)).draft).toBeNull();
    expect((await auditRows(database, 'records.case-note-draft.discarded')).at(-1)).toMatchObject({ changes: { existed: true } });
  });

  it('cannot be saved on a record the worker may not change', async () => {
    const error = await refusalOf(saveCaseNoteDraft(database.deps, await contextFor(database, DEMO_USER_IDS.otherTeamWorker), child, { noteType: '', eventDateDay: '', eventDateMonth: '', eventDateYear: '', eventTime: '', summary: '', body: 'x', significant: false, writtenToChild: false, linkedPersonIds: [] }));
    expect((error as AccessRefusedError).status).toBe(403);
  });
});

describe('the list of notes', () => {
  it('shows the newest event first with the seeded demo notes, audited as a view', async () => {
    const list = await viewCaseNotes(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child);
    expect(list.total).toBeGreaterThanOrEqual(4);
    const dates = list.notes.map((n) => n.eventDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(list.notes.some((n) => n.writtenToChild)).toBe(true);
    expect(list.canChange).toBe(true);
    expect((await auditRows(database, 'records.case-notes.listed')).at(-1)).toMatchObject({ childId: child, actorUserId: DEMO_USER_IDS.socialWorker });
  });
});
