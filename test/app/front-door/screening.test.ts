// MASH screening on PGlite (and PostgreSQL): linking people to records, consent to checks and the
// seed 004 §5 rule for checks without consent, partner agency checks, the level of need, threshold
// discussions, and who may do each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAgencyAnswer, requestAgencyChecks } from '../../../src/app/front-door/agency-checks.ts';
import { findRecordsFor, linkContactPerson } from '../../../src/app/front-door/link-people.ts';
import { recordConsent } from '../../../src/app/front-door/record-consent.ts';
import { recordLevelOfNeed } from '../../../src/app/front-door/record-level-of-need.ts';
import { recordThresholdDiscussion } from '../../../src/app/front-door/record-threshold-discussion.ts';
import { viewContact } from '../../../src/app/front-door/view-contact.ts';
import { AccessRefusedError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { contactPeopleOf, contactVersion, linkChildren, mashPractitioner, receiveContact } from './fixtures.ts';

let database: TestDatabase;
const NOW = new Date('2026-04-02T13:00:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;
const contactRow = (id: string) => db().selectFrom('contact').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('linking the people on a contact', () => {
  it('lists likely records through the duplicate check, links one, moves the contact into screening and audits it', async () => {
    const contact = await receiveContact(database);
    const ctx = await mashPractitioner(database);
    const [child] = await contactPeopleOf(database, contact.id);
    const found = await findRecordsFor(database.deps, ctx, contact.id, child?.id ?? '');
    expect(found.person.givenName).toBe('Tamsin');
    expect((await auditRows(database, 'people.duplicate-check.performed')).at(-1)?.actorUserId).toBe(DEMO_USER_IDS.mashPractitioner);
    const [childId] = await linkChildren(database, contact.id);
    expect((await contactPeopleOf(database, contact.id))[0]).toMatchObject({ personId: childId, linkedByUserId: DEMO_USER_IDS.mashPractitioner });
    expect((await contactRow(contact.id)).status).toBe('screening');
    expect((await auditRows(database, 'front-door.person.linked')).at(-1)).toMatchObject({ subjectId: contact.id, childId, changes: { role: 'child', personId: childId } });
  });

  it('refuses an adult’s record for a child, and a restricted child the practitioner may not change', async () => {
    const contact = await receiveContact(database);
    const ctx = await mashPractitioner(database);
    const [child, adult] = await contactPeopleOf(database, contact.id);
    const mother = await db().selectFrom('personRelationship').select('relatedPersonId').where('personId', '=', DEMO_CHILD_IDS.allocated).where('relationship', '=', 'parent').executeTakeFirstOrThrow();
    await expect(linkContactPerson(database.deps, ctx, contact.id, child?.id ?? '', mother.relatedPersonId)).rejects.toMatchObject({ fieldErrors: { personId: 'Choose a child’s record for a child' } });
    await expect(linkContactPerson(database.deps, ctx, contact.id, adult?.id ?? '', DEMO_CHILD_IDS.allocated)).rejects.toMatchObject({ fieldErrors: { personId: 'Choose an adult’s record for an adult' } });
    await expect(linkContactPerson(database.deps, ctx, contact.id, child?.id ?? '', DEMO_CHILD_IDS.restricted)).rejects.toBeInstanceOf(AccessRefusedError);
    expect((await contactPeopleOf(database, contact.id))[0]?.personId).toBeNull();
  });
});

describe('consent to multi-agency checks', () => {
  it('refuses checks until consent is recorded, and refuses going ahead without consent with no ground', async () => {
    const contact = await receiveContact(database);
    const ctx = await mashPractitioner(database);
    await expect(requestAgencyChecks(database.deps, ctx, contact.id, { agencies: ['police'] })).rejects.toMatchObject({ fieldErrors: { agencies: expect.stringContaining('Record consent to checks') as unknown } });
    const version = await contactVersion(database, contact.id);
    await expect(recordConsent(database.deps, ctx, contact.id, { consent: 'refused', proceedWithoutConsent: true, overrideReason: null, rationale: 'Risk.', version })).rejects.toMatchObject({
      fieldErrors: { overrideReason: 'Select why checks go ahead without consent' },
    });
    await expect(recordConsent(database.deps, ctx, contact.id, { consent: 'not_sought', proceedWithoutConsent: true, overrideReason: 'clear_risk_to_child', rationale: undefined, version })).rejects.toMatchObject({
      fieldErrors: { rationale: 'Explain why going ahead without consent is proportionate' },
    });
    // Refused and not going ahead: no checks.
    await recordConsent(database.deps, ctx, contact.id, { consent: 'refused', proceedWithoutConsent: false, overrideReason: null, rationale: 'Father said no to any checks.', version });
    await expect(requestAgencyChecks(database.deps, ctx, contact.id, { agencies: ['police'] })).rejects.toBeInstanceOf(ValidationError);
    expect(await contactRow(contact.id)).toMatchObject({ consentToChecks: 'refused', checksWithoutConsent: false, status: 'screening' });
  });

  it('records checks without consent on the ground of a clear risk to the child, marks each check so, and audits the decision to share', async () => {
    const contact = await receiveContact(database);
    const ctx = await mashPractitioner(database);
    await recordConsent(database.deps, ctx, contact.id, {
      consent: 'not_sought',
      proceedWithoutConsent: true,
      overrideReason: 'clear_risk_to_child',
      rationale: 'Asking first could lead the family to leave the area.',
      version: await contactVersion(database, contact.id),
    });
    expect(await contactRow(contact.id)).toMatchObject({ consentToChecks: 'not_sought', checksWithoutConsent: true, consentOverrideReason: 'clear_risk_to_child', consentRecordedByUserId: DEMO_USER_IDS.mashPractitioner });
    expect((await auditRows(database, 'front-door.consent.recorded')).at(-1)?.changes).toMatchObject({ sharesWithoutConsent: true, overrideReason: 'clear_risk_to_child' });
    const { requested } = await requestAgencyChecks(database.deps, ctx, contact.id, { agencies: ['police', 'health', 'police'] });
    expect(requested.sort()).toEqual(['health', 'police']);
    const checks = await db().selectFrom('agencyCheck').selectAll().where('contactId', '=', contact.id).execute();
    expect(checks.map((c) => [c.agency, c.status, c.withoutConsent]).sort()).toEqual([['health', 'requested', true], ['police', 'requested', true]]);
    expect((await auditRows(database, 'front-door.agency-checks.requested')).at(-1)?.changes).toMatchObject({ withoutConsent: true });
    // Asking again asks nobody twice.
    expect((await requestAgencyChecks(database.deps, ctx, contact.id, { agencies: ['police', 'housing'] })).requested).toEqual(['housing']);
  });
});

describe('agency answers', () => {
  it('records each answer, needing details when information was shared, and refuses a stale one', async () => {
    const contact = await receiveContact(database);
    const ctx = await mashPractitioner(database);
    await recordConsent(database.deps, ctx, contact.id, { consent: 'given', proceedWithoutConsent: null, overrideReason: null, rationale: undefined, version: await contactVersion(database, contact.id) });
    await requestAgencyChecks(database.deps, ctx, contact.id, { agencies: ['police', 'education'] });
    await expect(recordAgencyAnswer(database.deps, ctx, contact.id, 'police', { outcome: 'information_shared', details: undefined, version: 1 })).rejects.toMatchObject({ fieldErrors: { details: 'Enter what the agency shared' } });
    await recordAgencyAnswer(database.deps, ctx, contact.id, 'police', { outcome: 'information_shared', details: 'Two domestic incidents this year.', version: 1 });
    await recordAgencyAnswer(database.deps, ctx, contact.id, 'education', { outcome: 'nothing_known', details: undefined, version: 1 });
    const police = await db().selectFrom('agencyCheck').selectAll().where('contactId', '=', contact.id).where('agency', '=', 'police').executeTakeFirstOrThrow();
    expect(police).toMatchObject({ status: 'information_shared', details: 'Two domestic incidents this year.', answeredByUserId: DEMO_USER_IDS.mashPractitioner, version: 2 });
    await expect(recordAgencyAnswer(database.deps, ctx, contact.id, 'police', { outcome: 'declined', details: undefined, version: 1 })).rejects.toMatchObject({ name: 'StaleVersionError' });
    expect((await auditRows(database, 'front-door.agency-check.answered')).at(-1)?.changes).toMatchObject({ agency: 'education', outcome: 'nothing_known' });
  });
});

describe('level of need and threshold discussions', () => {
  it('records the level, the indicators and why, flags a level below the indicators, and audits it', async () => {
    const contact = await receiveContact(database);
    const ctx = await mashPractitioner(database);
    const result = await recordLevelOfNeed(database.deps, ctx, contact.id, { level: 2, indicators: ['4.health.13', '2.health.1'], rationale: 'The injury is explained and treated.', version: await contactVersion(database, contact.id) });
    expect(result.belowIndicated).toBe(true);
    expect(await contactRow(contact.id)).toMatchObject({ needLevel: 2, needIndicators: ['2.health.1', '4.health.13'], needRecordedByUserId: DEMO_USER_IDS.mashPractitioner });
    expect((await auditRows(database, 'front-door.level-of-need.recorded')).at(-1)?.changes).toMatchObject({ level: 2, highestIndicated: 4, belowIndicated: true });
    const view = await viewContact(database.deps, ctx, contact.id);
    expect(view.indicators.map((i) => i.text)).toContain('Non-accidental injury');
  });

  it('records a multi-agency threshold discussion, not in the future', async () => {
    const contact = await receiveContact(database);
    const ctx = await mashPractitioner(database);
    await expect(recordThresholdDiscussion(database.deps, ctx, contact.id, { heldOn: '2026-04-03', agencies: ['police'], summary: 'x', agreedLevel: null })).rejects.toMatchObject({
      fieldErrors: { heldOn: 'Date of the discussion must be today or in the past' },
    });
    const { id } = await recordThresholdDiscussion(database.deps, ctx, contact.id, { heldOn: '2026-04-02', agencies: ['police', 'health', 'early_help'], summary: 'Agreed early help is the right response.', agreedLevel: 3 });
    expect(await db().selectFrom('thresholdDiscussion').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({ agreedLevel: 3, agencies: ['police', 'health', 'early_help'] });
    expect((await auditRows(database, 'front-door.threshold-discussion.recorded')).at(-1)).toMatchObject({ subjectId: id, changes: { contactId: contact.id } });
  });
});

describe('who may see and screen a contact', () => {
  it('before linking: the MASH only; a social worker is refused, and the refusal is audited', async () => {
    const contact = await receiveContact(database);
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await expect(viewContact(database.deps, worker, contact.id)).rejects.toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, subjectType: 'contact', subjectId: contact.id });
    const view = await viewContact(database.deps, await mashPractitioner(database), contact.id);
    expect(view.contact.reference).toBe(contact.reference);
    expect((await auditRows(database, 'front-door.contact.viewed')).at(-1)).toMatchObject({ subjectId: contact.id, childId: null });
  });

  it('once linked: the child’s record rules; a MASH practitioner cannot open a contact about a restricted child', async () => {
    const contact = await receiveContact(database);
    const [child] = await contactPeopleOf(database, contact.id);
    // Linked by the restricted record's named contact, who may change it.
    await db().updateTable('contactPerson').set({ personId: DEMO_CHILD_IDS.restricted, linkedAt: NOW, linkedByUserId: DEMO_USER_IDS.teamManager }).where('id', '=', child?.id ?? '').execute();
    await expect(viewContact(database.deps, await mashPractitioner(database), contact.id)).rejects.toMatchObject({ status: 403, reason: 'restricted' });
  });

  it('refuses screening to a social worker and changes to a decided contact', async () => {
    const contact = await receiveContact(database);
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await expect(recordConsent(database.deps, worker, contact.id, { consent: 'given', proceedWithoutConsent: null, overrideReason: null, rationale: undefined, version: 1 })).rejects.toBeInstanceOf(AccessRefusedError);
    await db().updateTable('contact').set({ status: 'decided', outcome: 'nfa', decisionRationale: 'x', decidedAt: NOW, decidedOn: '2026-04-02', decidedByUserId: DEMO_USER_IDS.mashManager }).where('id', '=', contact.id).execute();
    await expect(recordConsent(database.deps, await mashPractitioner(database), contact.id, { consent: 'given', proceedWithoutConsent: null, overrideReason: null, rationale: undefined, version: 1 })).rejects.toMatchObject({
      fieldErrors: { _form: expect.stringContaining('already been decided') as unknown },
    });
  });
});
