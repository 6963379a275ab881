// Builders for the front-door tests: a contact recorded by the demo MASH practitioner, the children on
// it linked to new records, and its screening completed, each through the real use cases.
import type { ContactDetails, RecordedContactDetails } from '../../../src/app/front-door/contact-input.ts';
import { linkContactPerson } from '../../../src/app/front-door/link-people.ts';
import { recordConsent } from '../../../src/app/front-door/record-consent.ts';
import { recordContact } from '../../../src/app/front-door/record-contact.ts';
import { recordLevelOfNeed } from '../../../src/app/front-door/record-level-of-need.ts';
import { createPerson } from '../../../src/app/people/create-person.ts';
import { createPersonInput } from '../../../src/app/people/person-input.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import type { NeedLevel } from '../../../src/domain/front-door/levels-of-need.ts';
import { contextFor } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let counter = 0;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** A fresh synthetic family name (letters only, as names are). */
export function uniqueFamilyName(prefix = 'Fixture'): string {
  counter += 1;
  let n = counter;
  let suffix = '';
  do {
    suffix = `${LETTERS.charAt(n % 26)}${suffix}`;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `${prefix}${suffix}`;
}

/** What the public form carries. */
export function publicContactDetails(): ContactDetails {
  const familyName = uniqueFamilyName();
  return {
    referrerName: 'Sam Caller',
    referrerRole: 'Teacher',
    referrerOrganisation: 'Heron Drive Academy',
    referrerEmail: null,
    referrerPhone: '01632 960 002',
    referralSource: '2A',
    children: [{ givenName: 'Tamsin', familyName, dateOfBirth: '2016-06-01' }],
    adults: [{ givenName: 'Orla', familyName, relationship: 'mother' }],
    addressLine1: '3 Kestrel Court',
    town: 'Milton Keynes',
    postcode: 'MK9 3HS',
    worries: 'Tamsin says she is scared to go home.',
    childViews: null,
    whatTried: null,
    earlyHelpAssessmentDone: false,
    familyConsent: 'yes',
    familyConsentReason: null,
    immediateRisk: false,
    immediateRiskDetails: null,
  };
}

export function contactDetails(overrides: Partial<RecordedContactDetails> = {}): RecordedContactDetails {
  return { channel: 'phone', receivedDate: '2026-04-02', receivedTime: '09:30', ...publicContactDetails(), ...overrides };
}

export const mashPractitioner = (db: TestDatabase) => contextFor(db, DEMO_USER_IDS.mashPractitioner);
export const mashManager = (db: TestDatabase) => contextFor(db, DEMO_USER_IDS.mashManager);

export async function receiveContact(db: TestDatabase, overrides: Partial<RecordedContactDetails> = {}): Promise<{ id: string; reference: string; details: RecordedContactDetails }> {
  const details = contactDetails(overrides);
  const recorded = await recordContact(db.deps, await mashPractitioner(db), details);
  return { id: recorded.id, reference: recorded.reference, details };
}

export async function contactPeopleOf(db: TestDatabase, contactId: string) {
  return db.handle.db.selectFrom('contactPerson').selectAll().where('contactId', '=', contactId).orderBy('position').execute();
}

/** Links every child on the contact to a new record made through the people module. */
export async function linkChildren(db: TestDatabase, contactId: string): Promise<string[]> {
  const ctx = await mashPractitioner(db);
  const ids: string[] = [];
  for (const p of await contactPeopleOf(db, contactId)) {
    if (p.role !== 'child') continue;
    const input = createPersonInput.parse({ personType: 'child', givenName: p.givenName, familyName: p.familyName, ...(p.dateOfBirth === null ? {} : { dateOfBirth: p.dateOfBirth }), gender: 'female' });
    const { id } = await createPerson(db.deps, ctx, input);
    await linkContactPerson(db.deps, ctx, contactId, p.id, id);
    ids.push(id);
  }
  return ids;
}

export async function contactVersion(db: TestDatabase, contactId: string): Promise<number> {
  return (await db.handle.db.selectFrom('contact').select('version').where('id', '=', contactId).executeTakeFirstOrThrow()).version;
}

/** Links the children, records consent given and a level of need: ready for a decision. */
export async function screenedContact(db: TestDatabase, level: NeedLevel = 4, overrides: Partial<RecordedContactDetails> = {}): Promise<{ id: string; childIds: string[] }> {
  const contact = await receiveContact(db, overrides);
  const childIds = await linkChildren(db, contact.id);
  const ctx = await mashPractitioner(db);
  await recordConsent(db.deps, ctx, contact.id, { consent: 'given', proceedWithoutConsent: null, overrideReason: null, rationale: undefined, version: await contactVersion(db, contact.id) });
  const indicator = { 1: '1.health.1', 2: '2.health.1', 3: '3.health.1', 4: '4.health.13' }[level];
  await recordLevelOfNeed(db.deps, ctx, contact.id, { level, indicators: [indicator], rationale: 'Judged on what partners shared.', version: await contactVersion(db, contact.id) });
  return { id: contact.id, childIds };
}
