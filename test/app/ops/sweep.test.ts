// The sweep (src/app/ops/sweep.ts): sessions go 24 hours after they ended or expired, idempotency
// records 30 days after they were made (src/domain/shared/retention/retention.ts); everything
// younger stays, and the deletion is audited in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepCutoffs, sweepExpiredRows } from '../../../src/app/ops/sweep.ts';
import { systemContext } from '../../../src/app/shared/request-context.ts';
import { FORM_SUBMISSION_RETENTION_MS, SESSION_RETENTION_AFTER_END_MS } from '../../../src/domain/shared/retention/retention.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { verifyAuditChain } from '../../../src/db/shared/audit-repository.ts';
import { auditRows, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;
const at = (msBeforeNow: number): Date => new Date(NOW.getTime() - msBeforeNow);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

/** A session, described by when it ended or expired relative to now (negative: still to come). */
interface SessionCase {
  readonly name: string;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
  readonly endedAt: Date | null;
  readonly swept: boolean;
}

const SESSIONS: readonly SessionCase[] = [
  { name: 'live', idleExpiresAt: at(-20 * 60_000), absoluteExpiresAt: at(-5 * HOUR), endedAt: null, swept: false },
  { name: 'idle-expired an hour ago', idleExpiresAt: at(HOUR), absoluteExpiresAt: at(-5 * HOUR), endedAt: null, swept: false },
  {
    name: 'idle-expired just inside the retention',
    idleExpiresAt: at(SESSION_RETENTION_AFTER_END_MS - 60_000),
    absoluteExpiresAt: at(-HOUR),
    endedAt: null,
    swept: false,
  },
  {
    name: 'idle-expired just past the retention',
    idleExpiresAt: at(SESSION_RETENTION_AFTER_END_MS + 60_000),
    absoluteExpiresAt: at(-HOUR),
    endedAt: null,
    swept: true,
  },
  {
    name: 'absolute expiry past the retention',
    idleExpiresAt: at(-HOUR),
    absoluteExpiresAt: at(SESSION_RETENTION_AFTER_END_MS + 60_000),
    endedAt: null,
    swept: true,
  },
  { name: 'signed out two days ago', idleExpiresAt: at(-HOUR), absoluteExpiresAt: at(-HOUR), endedAt: at(48 * HOUR), swept: true },
  { name: 'signed out an hour ago', idleExpiresAt: at(-HOUR), absoluteExpiresAt: at(-HOUR), endedAt: at(HOUR), swept: false },
];

const SUBMISSIONS = [
  { token: 'sweep-token-fresh-00001', age: HOUR, swept: false },
  { token: 'sweep-token-inside-0001', age: FORM_SUBMISSION_RETENTION_MS - HOUR, swept: false },
  { token: 'sweep-token-outside-001', age: FORM_SUBMISSION_RETENTION_MS + HOUR, swept: true },
  { token: 'sweep-token-ancient-001', age: 400 * 24 * HOUR, swept: true },
] as const;

describe('the sweep', () => {
  it('works out its cutoffs from the retention periods', () => {
    expect(sweepCutoffs(NOW)).toEqual({ sessionsEndedBefore: new Date('2026-11-22T10:00:00Z'), submissionsMadeBefore: new Date('2026-10-24T10:00:00Z') });
  });

  it('deletes sessions and idempotency records past their retention, keeps the rest, and audits what it did', async () => {
    const db = database.handle.db;
    // the demo authority's own rows are all fresh: the sweep must leave them
    const sessionsBefore = await db.selectFrom('session').select('tokenHash').execute();
    const submissionsBefore = await db.selectFrom('formSubmission').select('token').execute();
    await db
      .insertInto('session')
      .values(
        SESSIONS.map((s, i) => ({
          tokenHash: `sweep-${String(i)}`,
          userId: DEMO_USER_IDS.socialWorker,
          createdAt: at(60 * 24 * HOUR),
          lastSeenAt: at(60 * 24 * HOUR),
          idleExpiresAt: s.idleExpiresAt,
          absoluteExpiresAt: s.absoluteExpiresAt,
          endedAt: s.endedAt,
        })),
      )
      .execute();
    await db
      .insertInto('formSubmission')
      .values(
        SUBMISSIONS.map((s) => ({
          userId: DEMO_USER_IDS.socialWorker,
          token: s.token,
          purpose: 'records.case-note.recorded',
          requestHash: 'a'.repeat(64),
          result: null,
          resultLocation: null,
          createdAt: at(s.age),
        })),
      )
      .execute();

    const result = await sweepExpiredRows(database.deps, systemContext('test sweep'));
    expect(result).toEqual({ sessions: SESSIONS.filter((s) => s.swept).length, formSubmissions: SUBMISSIONS.filter((s) => s.swept).length });

    const sessions = new Set((await db.selectFrom('session').select('tokenHash').execute()).map((s) => s.tokenHash));
    for (const [i, s] of SESSIONS.entries()) expect(sessions.has(`sweep-${String(i)}`), s.name).toBe(!s.swept);
    for (const s of sessionsBefore) expect(sessions.has(s.tokenHash)).toBe(true);
    const tokens = new Set((await db.selectFrom('formSubmission').select('token').execute()).map((s) => s.token));
    for (const s of SUBMISSIONS) expect(tokens.has(s.token), s.token).toBe(!s.swept);
    for (const s of submissionsBefore) expect(tokens.has(s.token)).toBe(true);

    const [row, ...more] = await auditRows(database, 'ops.expired-rows.swept');
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actorUserId: null,
      actorLabel: 'test sweep',
      outcome: 'success',
      changes: { sessions: result.sessions, formSubmissions: result.formSubmissions },
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('finds nothing the second time, and leaves no audit row for that', async () => {
    const before = (await auditRows(database)).length;
    expect(await sweepExpiredRows(database.deps, systemContext('test sweep'))).toEqual({ sessions: 0, formSubmissions: 0 });
    expect(await auditRows(database)).toHaveLength(before);
  });
});
