// Contacts arriving: the public form (audited as the public referrer, one contact per submission
// token), a practitioner's record of a phone or email contact, London dates at midnight, the MASH
// queue with red/amber/green and the repeat flag, and the chronology.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewChronology } from '../../../src/app/chronology/view-chronology.ts';
import { londonInstant, londonNow } from '../../../src/app/front-door/london-time.ts';
import { recordContact } from '../../../src/app/front-door/record-contact.ts';
import { recordMashDecision } from '../../../src/app/front-door/record-mash-decision.ts';
import { submitReferralForm } from '../../../src/app/front-door/submit-referral-form.ts';
import { viewMashDashboard } from '../../../src/app/front-door/view-dashboard.ts';
import { viewMashQueue } from '../../../src/app/front-door/view-mash-queue.ts';
import { AccessRefusedError } from '../../../src/app/shared/errors.ts';
import { SubmissionReusedError } from '../../../src/app/shared/idempotency.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { NO_CHRONOLOGY_FILTER } from '../../../src/domain/records/chronology-entry.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { contactDetails, contactVersion, publicContactDetails, mashManager, mashPractitioner, receiveContact, screenedContact } from './fixtures.ts';

let database: TestDatabase;
// Thursday 2 April 2026, 23:59 in London (BST): received that day, due Tuesday 7 April after Easter.
const LATE_THURSDAY = new Date('2026-04-02T22:59:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(LATE_THURSDAY);
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;
const publicCtx = { actor: null, requestId: 'public-request', ip: '203.0.113.9' };


describe('London dates', () => {
  it.each([
    ['23:59 on a BST Thursday is that Thursday', '2026-04-02T22:59:00Z', '2026-04-02', '23:59'],
    ['a minute later is Good Friday', '2026-04-02T23:00:00Z', '2026-04-03', '00:00'],
    ['23:59 GMT in January', '2026-01-14T23:59:00Z', '2026-01-14', '23:59'],
  ])('%s', (_name, instant, date, time) => {
    expect(londonNow(new Date(instant))).toEqual({ date, time });
  });

  it('turns a London wall-clock time back into the instant, either side of a clock change', () => {
    expect(londonInstant('2026-04-02', '23:59').toISOString()).toBe('2026-04-02T22:59:00.000Z');
    expect(londonInstant('2026-01-14', '09:30').toISOString()).toBe('2026-01-14T09:30:00.000Z');
    expect(londonInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T02:30:00.000Z');
  });
});

describe('the public referral form', () => {
  it('records a contact received at 23:59, due the next working day, audited as the public referrer', async () => {
    const details = publicContactDetails();
    const sent = await submitReferralForm(database.deps, publicCtx, details, { token: 'public-token-000000000001', fingerprint: 'b'.repeat(64) });
    expect(sent.replayed).toBe(false);
    const row = await db().selectFrom('contact').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'online_form', status: 'received', receivedOn: '2026-04-02', decisionDueOn: '2026-04-07', recordedByUserId: null, reference: sent.reference });
    expect((await auditRows(database, 'front-door.contact.received')).at(-1)).toMatchObject({ actorUserId: null, actorLabel: 'public referrer', ip: '203.0.113.9', subjectId: sent.id });
  });

  it('answers the same submission twice with one contact, and refuses the token with other content', async () => {
    const details = publicContactDetails();
    const submission = { token: 'public-token-000000000002', fingerprint: 'c'.repeat(64) };
    const first = await submitReferralForm(database.deps, publicCtx, details, submission);
    const again = await submitReferralForm(database.deps, publicCtx, details, submission);
    expect(again).toEqual({ ...first, replayed: true });
    await expect(submitReferralForm(database.deps, publicCtx, details, { ...submission, fingerprint: 'd'.repeat(64) })).rejects.toBeInstanceOf(SubmissionReusedError);
    const named = await db().selectFrom('contactPerson').select('contactId').where('role', '=', 'child').where('familyName', '=', details.children[0]?.familyName ?? '').execute();
    expect(named).toHaveLength(1);
  });

  it('takes concurrent repeats of one submission as one contact', async () => {
    const details = publicContactDetails();
    const submission = { token: 'public-token-000000000003', fingerprint: 'e'.repeat(64) };
    const results = await Promise.all([1, 2, 3, 4].map(() => submitReferralForm(database.deps, publicCtx, details, submission)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });
});

describe('a contact recorded by a MASH practitioner', () => {
  it('records the channel and the time given, counts the due date from that day, and audits it', async () => {
    const contact = await receiveContact(database, { channel: 'email', receivedDate: '2026-03-31', receivedTime: '16:45' });
    const row = await db().selectFrom('contact').selectAll().where('id', '=', contact.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'email', receivedOn: '2026-03-31', decisionDueOn: '2026-04-01', recordedByUserId: DEMO_USER_IDS.mashPractitioner });
    expect(row.receivedAt.toISOString()).toBe('2026-03-31T15:45:00.000Z');
    expect((await auditRows(database, 'front-door.contact.recorded')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.mashPractitioner, subjectId: contact.id, changes: { channel: 'email', receivedOn: '2026-03-31' } });
  });

  it('is idempotent with a submission token', async () => {
    const details = contactDetails();
    const ctx = await mashPractitioner(database);
    const submission = { token: 'recorded-token-0000000001', fingerprint: 'f'.repeat(64) };
    const first = await recordContact(database.deps, ctx, details, submission);
    const again = await recordContact(database.deps, ctx, details, submission);
    expect(again.id).toBe(first.id);
    expect(again.replayed).toBe(true);
  });

  it('is refused to a social worker, and the refusal audited', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await expect(recordContact(database.deps, worker, contactDetails())).rejects.toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, outcome: 'refused' });
  });
});

describe('the MASH queue, repeats, the dashboard and the chronology', () => {
  it('lists open contacts with red, amber or green, and flags a child with an earlier contact in 12 months', async () => {
    // Tuesday 7 April: contacts received on 2 April are due today (amber), on 31 March were due 1 April (red, 2 working days late: Good Friday and Easter Monday do not count).
    database.clock.set(new Date('2026-04-07T09:00:00Z'));
    try {
      const first = await screenedContact(database, 1, { receivedDate: '2026-03-31' });
      await recordMashDecision(database.deps, await mashManager(database), first.id, { outcome: 'nfa', teamId: null, familyConsentsToEarlyHelp: null, rationale: 'No role.', version: await contactVersion(database, first.id) });
      const repeat = await receiveContact(database, { receivedDate: '2026-04-02' });
      const [child] = await db().selectFrom('contactPerson').select('id').where('contactId', '=', repeat.id).where('role', '=', 'child').execute();
      await db().updateTable('contactPerson').set({ personId: first.childIds[0] ?? null, linkedAt: new Date(), linkedByUserId: DEMO_USER_IDS.mashPractitioner }).where('id', '=', child?.id ?? '').execute();
      const overdue = await receiveContact(database, { receivedDate: '2026-03-31' });

      const queue = await viewMashQueue(database.deps, await mashPractitioner(database));
      const item = (id: string) => queue.items.find((i) => i.id === id);
      expect(item(repeat.id)).toMatchObject({ repeat: true, rag: { rag: 'amber', label: 'Due today' } });
      expect(item(overdue.id)).toMatchObject({ repeat: false, rag: { rag: 'red', label: 'Overdue by 2 working days' } });
      expect(item(first.id)).toBeUndefined();

      const dashboard = await viewMashDashboard(database.deps, await mashManager(database));
      const thisWeek = dashboard.weeks.at(-1);
      expect(thisWeek?.weekStart.toString()).toBe('2026-04-06');
      expect(thisWeek?.decisionsMade).toBeGreaterThanOrEqual(1);
      expect(dashboard.totals.awaitingDecision).toBeGreaterThanOrEqual(2);

      const chronology = await viewChronology(database.deps, await mashPractitioner(database), first.childIds[0] ?? '', NO_CHRONOLOGY_FILTER);
      const summaries = chronology.items.map((i) => i.summary);
      expect(summaries.some((s) => s.startsWith('Contact received by the MASH (phone)'))).toBe(true);
      expect(summaries.some((s) => s.includes('MASH decision on contact') && s.endsWith('No further action'))).toBe(true);
    } finally {
      database.clock.set(LATE_THURSDAY);
    }
  });

  it('refuses the queue to a social worker and the dashboard to an administrator', async () => {
    await expect(viewMashQueue(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker))).rejects.toBeInstanceOf(AccessRefusedError);
    await expect(viewMashDashboard(database.deps, await contextFor(database, DEMO_USER_IDS.admin))).rejects.toBeInstanceOf(AccessRefusedError);
  });
});
