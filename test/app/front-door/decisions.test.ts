// Each MASH decision path on PGlite (and PostgreSQL): the contact's row, the next step's record in
// its queue, the child's allocation, the audit rows, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMashDecision } from '../../../src/app/front-door/record-mash-decision.ts';
import type { DecisionInput } from '../../../src/app/front-door/screening-input.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { contactVersion, linkChildren, mashManager, mashPractitioner, receiveContact, screenedContact } from './fixtures.ts';

let database: TestDatabase;
let fstNorth: string;
// Tuesday 7 April 2026, 11:00 in London (BST): the due day for contacts received on Thursday 2 April.
const DUE_DAY = new Date('2026-04-07T10:00:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(DUE_DAY);
  fstNorth = (await database.handle.db.selectFrom('team').select('id').where('code', '=', 'FST_NORTH').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;
const decision = async (contactId: string, overrides: Partial<DecisionInput>): Promise<DecisionInput> => ({
  outcome: 'nfa',
  teamId: null,
  familyConsentsToEarlyHelp: null,
  primaryNeed: 'N4',
  rationale: 'Partners agree: no role for children’s services.',
  version: await contactVersion(database, contactId),
  ...overrides,
});
const contactRow = (id: string) => db().selectFrom('contact').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the MASH decision', () => {
  it('no further action: closes the contact, within timescale on the due day, and starts nothing', async () => {
    const { id, childIds } = await screenedContact(database, 1);
    const result = await recordMashDecision(database.deps, await mashManager(database), id, await decision(id, {}));
    expect(result).toMatchObject({ outcome: 'nfa', withinTimescale: true, referralIds: [], earlyHelpReferralIds: [] });
    expect(await contactRow(id)).toMatchObject({ status: 'decided', outcome: 'nfa', decidedOn: '2026-04-07', decisionDueOn: '2026-04-07', decisionWorkingDays: 1, decidedWithinTimescale: true, decidedByUserId: DEMO_USER_IDS.mashManager });
    expect(await db().selectFrom('referral').select('id').where('contactId', '=', id).execute()).toHaveLength(0);
    const audit = (await auditRows(database, 'front-door.decision.recorded')).at(-1);
    expect(audit).toMatchObject({ actorUserId: DEMO_USER_IDS.mashManager, subjectId: id, childId: childIds[0] });
    expect(audit?.changes).toMatchObject({ outcome: 'nfa', nextState: 'CLOSED', withinTimescale: true, decidedOn: '2026-04-07' });
  });

  it('universal services or signposting: closes the contact', async () => {
    const { id } = await screenedContact(database, 2);
    await recordMashDecision(database.deps, await mashManager(database), id, await decision(id, { outcome: 'universal_signpost' }));
    expect(await contactRow(id)).toMatchObject({ status: 'decided', outcome: 'universal_signpost' });
  });

  it('targeted early help: needs the family’s consent, then puts each child in the early help queue', async () => {
    const { id, childIds } = await screenedContact(database, 3);
    const ctx = await mashManager(database);
    await expect(recordMashDecision(database.deps, ctx, id, await decision(id, { outcome: 'targeted_early_help', familyConsentsToEarlyHelp: false }))).rejects.toMatchObject({
      fieldErrors: { familyConsentsToEarlyHelp: expect.stringContaining('needs the family’s consent') as unknown },
    });
    expect((await contactRow(id)).status).toBe('screening');
    const result = await recordMashDecision(database.deps, ctx, id, await decision(id, { outcome: 'targeted_early_help', familyConsentsToEarlyHelp: true }));
    expect(result.earlyHelpReferralIds).toHaveLength(1);
    const row = await db().selectFrom('earlyHelpReferral').selectAll().where('contactId', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ childId: childIds[0], needLevel: 3, familyConsent: true, status: 'awaiting_allocation', referredOn: '2026-04-07' });
    expect((await auditRows(database, 'front-door.early-help-referral.created')).at(-1)).toMatchObject({ subjectId: row.id, childId: childIds[0] });
  });

  it('social care referral for an assessment: a referral in the team’s queue, the child allocated to the team, with the DfE source', async () => {
    const { id, childIds } = await screenedContact(database, 4, { referralSource: '3B' });
    const childId = childIds[0] ?? '';
    const result = await recordMashDecision(database.deps, await mashManager(database), id, await decision(id, { outcome: 'social_care_assessment', teamId: fstNorth }));
    expect(result.referralIds).toHaveLength(1);
    const referral = await db().selectFrom('referral').selectAll().where('contactId', '=', id).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({
      childId,
      purpose: 'assessment',
      referralSource: '3B',
      referredOn: '2026-04-07',
      primaryNeed: 'N4',
      teamId: fstNorth,
      status: 'awaiting_allocation',
      allocatedWorkerUserId: null,
    });
    const allocation = await db().selectFrom('allocation').selectAll().where('childId', '=', childId).where('endedOn', 'is', null).executeTakeFirstOrThrow();
    expect(allocation).toMatchObject({ teamId: fstNorth, workerUserId: null, startedOn: '2026-04-07' });
    expect((await auditRows(database, 'casework.referral.created')).at(-1)).toMatchObject({ subjectId: referral.id, childId, changes: { purpose: 'assessment', teamId: fstNorth, referralSource: '3B', primaryNeed: 'N4' } });
  });

  it('strategy discussion where significant harm is suspected: a referral for a strategy discussion, recorded at the same moment (T5)', async () => {
    const { id } = await screenedContact(database, 4);
    await recordMashDecision(database.deps, await mashManager(database), id, await decision(id, { outcome: 'strategy_discussion', teamId: fstNorth }));
    const referral = await db().selectFrom('referral').selectAll().where('contactId', '=', id).executeTakeFirstOrThrow();
    expect(referral.purpose).toBe('strategy_discussion');
    expect((await auditRows(database, 'front-door.decision.recorded')).at(-1)?.changes).toMatchObject({ nextState: 'S47', teamId: fstNorth });
  });

  it('a social care referral needs the child’s primary need (DfE N1-N9): a field error, nothing written', async () => {
    const { id } = await screenedContact(database, 4);
    const ctx = await mashManager(database);
    for (const primaryNeed of [null, '', 'N0', 'X1']) {
      await expect(recordMashDecision(database.deps, ctx, id, await decision(id, { outcome: 'social_care_assessment', teamId: fstNorth, primaryNeed }))).rejects.toMatchObject({
        fieldErrors: { primaryNeed: 'Select the child’s primary need from the list' },
      });
    }
    expect(await db().selectFrom('referral').select('id').where('contactId', '=', id).execute()).toEqual([]);
    expect((await contactRow(id)).status).not.toBe('decided');
    // A decision that makes no referral records no need.
    await recordMashDecision(database.deps, ctx, id, await decision(id, { outcome: 'universal_signpost', primaryNeed: null }));
    expect((await contactRow(id)).status).toBe('decided');
  });

  it('a social care referral needs a team that takes referrals', async () => {
    const { id } = await screenedContact(database, 4);
    const ctx = await mashManager(database);
    await expect(recordMashDecision(database.deps, ctx, id, await decision(id, { outcome: 'social_care_assessment' }))).rejects.toBeInstanceOf(ValidationError);
    const admin = (await db().selectFrom('team').select('id').where('code', '=', 'ADMIN').executeTakeFirstOrThrow()).id;
    await expect(recordMashDecision(database.deps, ctx, id, await decision(id, { outcome: 'social_care_assessment', teamId: admin }))).rejects.toMatchObject({ fieldErrors: { teamId: 'Select the team the referral goes to' } });
  });

  it('is refused until the screening is complete', async () => {
    const contact = await receiveContact(database);
    await expect(recordMashDecision(database.deps, await mashManager(database), contact.id, await decision(contact.id, {}))).rejects.toMatchObject({
      fieldErrors: { outcome: 'Link every child on the contact to their record before deciding' },
    });
    await linkChildren(database, contact.id);
    await expect(recordMashDecision(database.deps, await mashManager(database), contact.id, await decision(contact.id, {}))).rejects.toMatchObject({
      fieldErrors: { outcome: 'Record consent to multi-agency checks before deciding' },
    });
  });

  it('is made once: a second decision, or a stale form, is refused', async () => {
    const { id } = await screenedContact(database, 1);
    const ctx = await mashManager(database);
    const form = await decision(id, {});
    await recordMashDecision(database.deps, ctx, id, form);
    await expect(recordMashDecision(database.deps, ctx, id, form)).rejects.toMatchObject({ fieldErrors: { _form: expect.stringContaining('already been decided') as unknown } });
    const other = await screenedContact(database, 1);
    const stale = await decision(other.id, {});
    await db().updateTable('contact').set({ needRationale: 'changed meanwhile', version: stale.version + 1 }).where('id', '=', other.id).execute();
    await expect(recordMashDecision(database.deps, ctx, other.id, stale)).rejects.toBeInstanceOf(StaleVersionError);
  });

  it('answers a repeated submission with the first answer, writing nothing twice', async () => {
    const { id } = await screenedContact(database, 4);
    const ctx = await mashManager(database);
    const form = await decision(id, { outcome: 'social_care_assessment', teamId: fstNorth });
    const submission = { token: 'decision-token-0000000001', fingerprint: 'a'.repeat(64) };
    const first = await recordMashDecision(database.deps, ctx, id, form, submission);
    const again = await recordMashDecision(database.deps, ctx, id, form, submission);
    expect(again).toEqual(first);
    expect(await db().selectFrom('referral').select('id').where('contactId', '=', id).execute()).toHaveLength(1);
  });

  it('counts a decision after the due day as late', async () => {
    const { id } = await screenedContact(database, 1);
    database.clock.set(new Date('2026-04-08T10:00:00Z'));
    try {
      await recordMashDecision(database.deps, await mashManager(database), id, await decision(id, {}));
    } finally {
      database.clock.set(DUE_DAY);
    }
    expect(await contactRow(id)).toMatchObject({ decidedOn: '2026-04-08', decisionWorkingDays: 2, decidedWithinTimescale: false });
  });

  it('refuses a MASH practitioner (managers decide), and audits the refusal', async () => {
    const { id } = await screenedContact(database, 1);
    await expect(recordMashDecision(database.deps, await mashPractitioner(database), id, await decision(id, {}))).rejects.toBeInstanceOf(AccessRefusedError);
    expect((await contactRow(id)).status).toBe('screening');
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.mashPractitioner, outcome: 'refused' });
  });
});
