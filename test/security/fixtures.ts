// The demo authority plus the two accounts the access matrix needs: a named grantee of the
// restricted record and an account the administrator's cells may edit.
import { sql } from 'kysely';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { DEMO_RECORD_IDS } from '../../src/db/seed/demo-records.ts';
import { DEMO_USER_IDS } from '../../src/db/seed/users.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestAuthority } from '../support/authority.ts';
import type { TestWeb } from '../support/web.ts';
import { createHash } from 'node:crypto';
import { FIXTURE_IDS, GRANTEE, perSubject, SUBJECTS, TARGET_USER } from './access-matrix.ts';

/**
 * Like createTestWeb(), but configured as in production (templates compiled once, CSP upgrading
 * insecure requests), with CSRF and secure cookies on.
 */
export async function createSecurityWeb(): Promise<TestWeb> {
  const database = await createTestAuthority();
  const server = await buildServer(database.deps, {
    production: true,
    cookieSecret: 'security-suite-secret-'.repeat(2),
    cookieSecure: true,
    trustProxy: false,
  });
  const web: TestWeb = {
    database,
    server,
    app: server.app,
    close: async () => {
      await server.app.close();
      await database.close();
    },
  };
  const db = web.database.handle.db;
  const now = web.database.clock.now();
  const { passwordHash } = await db.selectFrom('appUser').select('passwordHash').where('id', '=', DEMO_USER_IDS.socialWorker).executeTakeFirstOrThrow();
  for (const user of [GRANTEE, TARGET_USER]) {
    const team = await db.selectFrom('team').select('id').where('code', '=', user.teamCode).executeTakeFirstOrThrow();
    await db
      .insertInto('appUser')
      .values({ id: user.id, username: user.username, displayName: user.displayName, passwordHash, createdAt: now, updatedAt: now })
      .execute();
    await db.insertInto('userRole').values({ userId: user.id, role: user.role }).execute();
    await db.insertInto('teamMembership').values({ userId: user.id, teamId: team.id, isManager: false }).execute();
  }
  await db
    .insertInto('accessGrant')
    .values({
      personId: DEMO_CHILD_IDS.restricted,
      userId: GRANTEE.id,
      grantedByUserId: DEMO_USER_IDS.teamManager,
      reason: 'Access matrix: named grantee',
      createdAt: now,
    })
    .execute();
  await recordFixtures(web, now);
  return web;
}

/**
 * A case note, a document, a contact and a name inside each of the ordinary, restricted and sealed
 * records (copies of the demo child's safety-plan note and document, a contact linked to the child),
 * and a contact not yet linked to any record, so the matrix can try ids that live inside a record.
 */
async function recordFixtures(web: TestWeb, now: Date): Promise<void> {
  const db = web.database.handle.db;
  const note = await db.selectFrom('caseNote').selectAll().where('id', '=', DEMO_RECORD_IDS.safetyPlanNote).executeTakeFirstOrThrow();
  const document = await db.selectFrom('document').selectAll().where('id', '=', DEMO_RECORD_IDS.safetyPlanDocument).executeTakeFirstOrThrow();
  const content = await db
    .selectFrom('documentContent')
    .select('content')
    .where('documentId', '=', DEMO_RECORD_IDS.safetyPlanDocument)
    .executeTakeFirstOrThrow();
  const children = { ordinary: DEMO_CHILD_IDS.allocated, restricted: DEMO_CHILD_IDS.restricted, sealed: DEMO_CHILD_IDS.sealed } as const;
  for (const [state, childId] of Object.entries(children) as [keyof typeof children, string][]) {
    const ids = FIXTURE_IDS[state];
    if (state !== 'ordinary') {
      await db
        .insertInto('caseNote')
        .values({ ...note, id: ids.note, childId })
        .execute();
      await db.insertInto('caseNotePerson').values({ caseNoteId: ids.note, personId: childId }).execute();
      await db
        .insertInto('document')
        .values({ ...document, id: ids.document, childId, caseNoteId: ids.note })
        .execute();
      await db.insertInto('documentContent').values({ documentId: ids.document, content: content.content }).execute();
    }
    await db
      .insertInto('personName')
      .values({ id: ids.name, personId: childId, nameType: 'alias', givenName: 'Matrix', familyName: 'Alias', usedFrom: null, usedTo: null, createdAt: now })
      .execute();
    // a name of each subject's own to remove
    await db
      .insertInto('personName')
      .values(
        SUBJECTS.map((subject) => ({
          id: perSubject.name(state, subject.username),
          personId: childId,
          nameType: 'alias' as const,
          givenName: 'Matrix',
          familyName: 'Removable',
          usedFrom: null,
          usedTo: null,
          createdAt: now,
        })),
      )
      .execute();
    await insertFixtureContact(db, ids.contact, ids.contactPerson, `MTXA-000${String(Object.keys(children).indexOf(state) + 1)}`, now, childId);
  }
  await insertFixtureContact(db, FIXTURE_IDS.unlinked.contact, FIXTURE_IDS.unlinked.contactPerson, 'MTXA-0009', now, null);
  await insertFixtureContact(db, FIXTURE_IDS.decide.contact, FIXTURE_IDS.decide.contactPerson, 'MTXB-0001', now, DEMO_CHILD_IDS.allocated);
  await db
    .updateTable('contact')
    .set({
      consentToChecks: 'given',
      checksWithoutConsent: false,
      consentRecordedAt: now,
      consentRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
      needLevel: 1,
      needRationale: 'Matrix: universal needs only.',
      needRecordedAt: now,
      needRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
    })
    .where('id', '=', FIXTURE_IDS.decide.contact)
    .execute();

  // adults restricted and sealed like the demo children, and two adults of every subject's own to merge
  const adult = { personType: 'adult' as const, gender: 'female', dateOfBirth: '1988-03-04', createdAt: now, updatedAt: now };
  await db
    .insertInto('person')
    .values([
      {
        ...adult,
        id: FIXTURE_IDS.restrictedAdult,
        givenName: 'Matrix',
        familyName: 'Restrictedadult',
        restriction: 'restricted',
        restrictionContactUserId: DEMO_USER_IDS.teamManager,
        restrictedAt: now,
        restrictionReason: 'Access matrix',
      },
      { ...adult, id: FIXTURE_IDS.sealedAdult, givenName: 'Matrix', familyName: 'Sealedadult', restriction: 'sealed' },
      {
        ...adult,
        id: FIXTURE_IDS.restrictedAdult2,
        givenName: 'Matrix',
        familyName: 'Restrictedadulttwo',
        restriction: 'restricted',
        restrictionContactUserId: DEMO_USER_IDS.teamManager,
        restrictedAt: now,
        restrictionReason: 'Access matrix',
      },
      ...SUBJECTS.flatMap((subject, i) => [
        { ...adult, id: perSubject.mergeSurvivor(subject.username), givenName: 'Merge', familyName: `Survivor${String(i)}` },
        { ...adult, id: perSubject.mergeDuplicate(subject.username), givenName: 'Merge', familyName: `Survivor${String(i)}` },
        { ...adult, id: perSubject.mergeSecond(subject.username), givenName: 'Merge', familyName: `Second${String(i)}` },
      ]),
    ])
    .execute();
  await db
    .insertInto('accessGrant')
    .values([
      {
        personId: FIXTURE_IDS.restrictedAdult,
        userId: GRANTEE.id,
        grantedByUserId: DEMO_USER_IDS.teamManager,
        reason: 'Access matrix: named grantee',
        createdAt: now,
      },
      {
        personId: FIXTURE_IDS.restrictedAdult2,
        userId: GRANTEE.id,
        grantedByUserId: DEMO_USER_IDS.teamManager,
        reason: 'Access matrix: named grantee',
        createdAt: now,
      },
      {
        personId: FIXTURE_IDS.sealedAdult,
        userId: DEMO_USER_IDS.adoptionWorker,
        grantedByUserId: DEMO_USER_IDS.teamManager,
        reason: 'Access matrix: sealed adult',
        createdAt: now,
      },
    ])
    .execute();

  // every fixture contact came through the online form with an early help assessment, and has a police check requested
  const eha = new TextEncoder().encode('A synthetic early help assessment.');
  for (const contactId of [FIXTURE_IDS.unlinked.contact, FIXTURE_IDS.ordinary.contact, FIXTURE_IDS.restricted.contact, FIXTURE_IDS.sealed.contact]) {
    await db
      .insertInto('contactDocument')
      .values({
        contactId,
        filename: 'early-help-assessment.txt',
        kind: 'txt',
        sizeBytes: eha.byteLength,
        sha256: createHash('sha256').update(eha).digest('hex'),
        content: eha,
        uploadedAt: now,
        uploadedByUserId: null,
      })
      .execute();
    await db
      .insertInto('agencyCheck')
      .values({
        contactId,
        agency: 'police',
        withoutConsent: false,
        requestedByUserId: DEMO_USER_IDS.mashPractitioner,
        requestedAt: now,
        details: null,
        answeredByUserId: null,
        answeredAt: null,
      })
      .execute();
  }

  // referrals to Family Support Team North awaiting allocation, about each demo child
  const fstNorth = await db.selectFrom('team').select('id').where('code', '=', 'FST_NORTH').executeTakeFirstOrThrow();
  await db
    .insertInto('referral')
    .values(
      (['ordinary', 'restricted', 'sealed'] as const).map((state) => ({
        id: FIXTURE_IDS.referral[state],
        contactId: FIXTURE_IDS[state].contact,
        childId: children[state],
        purpose: 'assessment' as const,
        referralSource: '2A',
        referredOn: now.toISOString().slice(0, 10),
        teamId: fstNorth.id,
        allocatedWorkerUserId: null,
        allocatedByUserId: null,
        allocatedAt: null,
        allocationId: null,
        createdAt: now,
      })),
    )
    .execute();
}

async function insertFixtureContact(
  db: TestWeb['database']['handle']['db'],
  id: string,
  personRowId: string,
  reference: string,
  now: Date,
  childId: string | null,
): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  await db
    .insertInto('contact')
    .values({
      id,
      reference,
      channel: 'online_form',
      status: 'screening',
      receivedAt: now,
      receivedOn: today,
      decisionDueOn: tomorrow,
      referralSource: '2A',
      referrerName: 'Matrix Referrer',
      referrerRole: null,
      referrerOrganisation: null,
      referrerEmail: null,
      referrerPhone: null,
      addressLine1: null,
      town: null,
      postcode: null,
      worries: 'A synthetic worry for the access matrix.',
      childViews: null,
      whatTried: null,
      familyConsent: 'yes',
      familyConsentReason: null,
      immediateRisk: false,
      immediateRiskDetails: null,
      recordedByUserId: null,
      submissionToken: `matrix-fixture-${reference.replace('-', '')}`,
      submissionHash: createHash('sha256').update(reference).digest('hex'),
      consentToChecks: null,
      checksWithoutConsent: null,
      consentOverrideReason: null,
      consentRationale: null,
      consentRecordedByUserId: null,
      consentRecordedAt: null,
      needLevel: null,
      needRationale: null,
      needRecordedByUserId: null,
      needRecordedAt: null,
      outcome: null,
      decisionRationale: null,
      decidedByUserId: null,
      decidedAt: null,
      decidedOn: null,
      decisionWorkingDays: null,
      decidedWithinTimescale: null,
      createdAt: now,
    })
    .execute();
  await db
    .insertInto('contactPerson')
    .values({
      id: personRowId,
      contactId: id,
      position: 1,
      role: 'child',
      givenName: 'Matrix',
      familyName: 'Contactchild',
      dateOfBirth: null,
      relationship: null,
      personId: childId,
      linkedByUserId: null,
      linkedAt: childId === null ? null : now,
    })
    .execute();
}

/** Rows in every table of the public schema, by table (so tables added later are counted too). */
export async function tableCounts(web: TestWeb): Promise<Record<string, number>> {
  const db = web.database.handle.db;
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  if (tables.rows.length === 0) return {};
  const counts = sql.join(
    tables.rows.map((t) => sql`select ${t.name} as name, count(*)::int as n from ${sql.table(t.name)}`),
    sql` union all `,
  );
  const result = await sql<{ name: string; n: number }>`${counts}`.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.name, r.n]));
}

export async function lastAuditSeq(web: TestWeb): Promise<bigint> {
  const head = await web.database.handle.db.selectFrom('auditChainHead').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return BigInt(head.seq);
}

export async function auditSince(web: TestWeb, seq: bigint) {
  return web.database.handle.db
    .selectFrom('auditEvent')
    .select(['seq', 'action', 'outcome', 'actorUserId'])
    .where('seq', '>', String(seq))
    .orderBy('seq')
    .execute();
}
