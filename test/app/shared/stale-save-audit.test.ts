// A save based on a version someone else has since changed is refused (RELIABILITY.md §4.3) and the
// refusal is audited, like an access refusal: in a transaction of its own, after the refused work
// has rolled back, so the audit trail shows who tried to overwrite what, and nothing else changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsent } from '../../../src/app/front-door/record-consent.ts';
import { updatePersonInput } from '../../../src/app/people/person-input.ts';
import { updatePerson } from '../../../src/app/people/update-person.ts';
import { StaleVersionError } from '../../../src/app/shared/errors.ts';
import { unitOfWork } from '../../../src/app/shared/unit-of-work.ts';
import { findPersonDetails } from '../../../src/db/people/person-repository.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_FRONT_DOOR_IDS } from '../../../src/db/seed/demo-front-door.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { verifyAuditChain } from '../../../src/db/shared/audit-repository.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(new Date('2026-11-23T10:00:00Z'));
});
afterAll(async () => {
  await database.close();
});

async function details(personId: string) {
  const person = await database.handle.db.transaction().execute((trx) => findPersonDetails(trx, personId));
  if (person === undefined) throw new Error(`no person ${personId}`);
  return person;
}

function form(person: Awaited<ReturnType<typeof details>>, over: Record<string, unknown> = {}) {
  return updatePersonInput.parse({
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth ?? undefined,
    gender: person.gender,
    interpreterNeeded: person.interpreterNeeded,
    disabilities: person.disabilities,
    version: person.version,
    ...over,
  });
}

describe('a refused stale save is audited', () => {
  it('records who tried to save over whose change, on the child’s record, and changes nothing', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const opened = await details(DEMO_CHILD_IDS.allocated);
    await updatePerson(database.deps, manager, opened.id, form(opened, { school: 'Saved First Academy' }));
    const saved = await details(opened.id);

    const error = await updatePerson(database.deps, worker, opened.id, form(opened, { school: 'Saved Second School' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);

    const [row, ...more] = await auditRows(database, 'people.person.stale-save-refused');
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      outcome: 'refused',
      actorUserId: DEMO_USER_IDS.socialWorker,
      subjectType: 'person',
      subjectId: opened.id,
      childId: opened.id,
      requestId: 'test-request',
      changes: { reason: 'stale-version', currentVersion: saved.version },
    });
    // the refused save wrote nothing: the record is as the first save left it, and no change was audited for it
    expect(await details(opened.id)).toEqual(saved);
    const changes = await auditRows(database, 'people.person.changed');
    expect(changes.filter((r) => r.actorUserId === DEMO_USER_IDS.socialWorker)).toEqual([]);
    expect((await verifyAuditChain(database.handle.db)).ok).toBe(true);
  });

  it('records an adult’s record without a child', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const opened = await details(DEMO_PEOPLE_IDS.duplicateMother);
    await updatePerson(database.deps, worker, opened.id, form(opened, { phone: '01632 960 002' }));
    await expect(updatePerson(database.deps, worker, opened.id, form(opened, { phone: '01632 960 003' }))).rejects.toBeInstanceOf(StaleVersionError);
    const rows = await auditRows(database, 'people.person.stale-save-refused');
    expect(rows.at(-1)).toMatchObject({ subjectId: opened.id, childId: null, outcome: 'refused' });
  });

  it('names the module the record belongs to (a contact at the front door)', async () => {
    const practitioner = await contextFor(database, DEMO_USER_IDS.mashPractitioner);
    const contact = await database.handle.db.selectFrom('contact').select('version').where('id', '=', DEMO_FRONT_DOOR_IDS.overdue).executeTakeFirstOrThrow();
    const stale = { consent: 'given' as const, proceedWithoutConsent: null, overrideReason: null, rationale: undefined, version: contact.version - 1 };
    await expect(recordConsent(database.deps, practitioner, DEMO_FRONT_DOOR_IDS.overdue, stale)).rejects.toBeInstanceOf(StaleVersionError);
    const rows = await auditRows(database, 'front-door.contact.stale-save-refused');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subjectType: 'contact',
      subjectId: DEMO_FRONT_DOOR_IDS.overdue,
      outcome: 'refused',
      actorUserId: DEMO_USER_IDS.mashPractitioner,
    });
  });

  it('keeps the refusal even though the work it refused rolled back, and names the module a use case gives', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const before = (await auditRows(database)).length;
    const refused = unitOfWork(database.deps, ctx, async ({ audit }) => {
      await audit({ action: 'records.case-note.recorded', subjectType: 'case-note', subjectId: DEMO_CHILD_IDS.allocated, childId: DEMO_CHILD_IDS.allocated });
      throw new StaleVersionError('plan', DEMO_CHILD_IDS.allocated, { version: 7 }, { module: 'planning', childId: DEMO_CHILD_IDS.allocated });
    });
    await expect(refused).rejects.toBeInstanceOf(StaleVersionError);
    const after = await auditRows(database);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'planning.plan.stale-save-refused',
      outcome: 'refused',
      childId: DEMO_CHILD_IDS.allocated,
      changes: { reason: 'stale-version', currentVersion: 7 },
    });
  });
});
