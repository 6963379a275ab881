// Contacts: the record of everything that reaches the front door, the people each names and the
// screening recorded on it. Plain functions taking the transaction first (CONVENTIONS.md 14).
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { ContactChannel, ContactStatus, FamilyConsent } from '../../domain/front-door/contact.ts';
import type { ConsentToChecks, OverrideReason } from '../../domain/front-door/consent.ts';
import type { MashOutcome } from '../../domain/front-door/mash-decision.ts';
import { visiblePeople } from '../people/person-visibility.ts';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface NewContactPerson {
  /** Given only by the demo seed, for stable ids. */
  readonly id?: string;
  readonly role: 'child' | 'adult';
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly relationship: string | null;
}

export interface NewContact {
  /** Given only by the demo seed, for stable ids. */
  readonly id?: string;
  readonly reference: string;
  readonly channel: ContactChannel;
  readonly receivedAt: Date;
  readonly receivedOn: string;
  readonly decisionDueOn: string;
  readonly referralSource: string;
  readonly referrerName: string | null;
  readonly referrerRole: string | null;
  readonly referrerOrganisation: string | null;
  readonly referrerEmail: string | null;
  readonly referrerPhone: string | null;
  readonly addressLine1: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
  readonly worries: string;
  readonly childViews: string | null;
  readonly whatTried: string | null;
  readonly earlyHelpAssessmentDone: boolean;
  readonly familyConsent: FamilyConsent;
  readonly familyConsentReason: string | null;
  readonly immediateRisk: boolean;
  readonly immediateRiskDetails: string | null;
  readonly recordedByUserId: string | null;
  readonly submissionToken: string | null;
  readonly submissionHash: string | null;
  readonly people: readonly NewContactPerson[];
}

/**
 * Inserts a contact and its people. Returns undefined, writing nothing, when the reference or the
 * submission token is already taken (the caller tells which, and retries or replays).
 */
export async function insertContact(trx: Transaction<Database>, contact: NewContact): Promise<{ id: string } | undefined> {
  const { people, ...values } = contact;
  const row = await trx.insertInto('contact').values(values).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (row === undefined) return undefined;
  if (people.length > 0) {
    await trx
      .insertInto('contactPerson')
      .values(people.map((p, i) => ({ contactId: row.id, position: i + 1, ...p })))
      .execute();
  }
  return row;
}

export async function contactBySubmissionToken(trx: Db, token: string): Promise<{ id: string; reference: string; submissionHash: string | null } | undefined> {
  return trx.selectFrom('contact').select(['id', 'reference', 'submissionHash']).where('submissionToken', '=', token).executeTakeFirst();
}

export async function referenceTaken(trx: Db, reference: string): Promise<boolean> {
  return (await trx.selectFrom('contact').select('id').where('reference', '=', reference).executeTakeFirst()) !== undefined;
}

export interface ContactPersonRow {
  readonly id: string;
  readonly position: number;
  readonly role: 'child' | 'adult';
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly relationship: string | null;
  readonly personId: string | null;
  readonly linkedName: string | null;
  readonly linkedDateOfBirth: string | null;
}

export interface ContactRow {
  readonly id: string;
  readonly reference: string;
  readonly channel: ContactChannel;
  readonly status: ContactStatus;
  readonly receivedAt: Date;
  readonly receivedOn: string;
  readonly decisionDueOn: string;
  readonly referralSource: string;
  readonly referrerName: string | null;
  readonly referrerRole: string | null;
  readonly referrerOrganisation: string | null;
  readonly referrerEmail: string | null;
  readonly referrerPhone: string | null;
  readonly addressLine1: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
  readonly worries: string;
  readonly childViews: string | null;
  readonly whatTried: string | null;
  readonly earlyHelpAssessmentDone: boolean;
  readonly familyConsent: FamilyConsent;
  readonly familyConsentReason: string | null;
  readonly immediateRisk: boolean;
  readonly immediateRiskDetails: string | null;
  readonly recordedByName: string | null;
  readonly consentToChecks: ConsentToChecks | null;
  readonly checksWithoutConsent: boolean | null;
  readonly consentOverrideReason: OverrideReason | null;
  readonly consentRationale: string | null;
  readonly consentRecordedByName: string | null;
  readonly consentRecordedAt: Date | null;
  readonly needLevel: number | null;
  readonly needIndicators: string[];
  readonly needRationale: string | null;
  readonly needRecordedByName: string | null;
  readonly needRecordedAt: Date | null;
  readonly outcome: MashOutcome | null;
  readonly decisionRationale: string | null;
  readonly decidedByName: string | null;
  readonly decidedAt: Date | null;
  readonly decidedOn: string | null;
  readonly decisionWorkingDays: number | null;
  readonly decidedWithinTimescale: boolean | null;
  readonly version: number;
  readonly people: readonly ContactPersonRow[];
  readonly document: { readonly id: string; readonly filename: string; readonly kind: string; readonly sizeBytes: number; readonly uploadedAt: Date } | null;
}

export async function loadContact(trx: Db, contactId: string): Promise<ContactRow | undefined> {
  const row = await trx
    .selectFrom('contact as c')
    .leftJoin('appUser as rec', 'rec.id', 'c.recordedByUserId')
    .leftJoin('appUser as con', 'con.id', 'c.consentRecordedByUserId')
    .leftJoin('appUser as need', 'need.id', 'c.needRecordedByUserId')
    .leftJoin('appUser as dec', 'dec.id', 'c.decidedByUserId')
    .select([
      'c.id', 'c.reference', 'c.channel', 'c.status', 'c.receivedAt', 'c.receivedOn', 'c.decisionDueOn', 'c.referralSource',
      'c.referrerName', 'c.referrerRole', 'c.referrerOrganisation', 'c.referrerEmail', 'c.referrerPhone',
      'c.addressLine1', 'c.town', 'c.postcode', 'c.worries', 'c.childViews', 'c.whatTried', 'c.earlyHelpAssessmentDone',
      'c.familyConsent', 'c.familyConsentReason', 'c.immediateRisk', 'c.immediateRiskDetails',
      'rec.displayName as recordedByName',
      'c.consentToChecks', 'c.checksWithoutConsent', 'c.consentOverrideReason', 'c.consentRationale',
      'con.displayName as consentRecordedByName', 'c.consentRecordedAt',
      'c.needLevel', 'c.needIndicators', 'c.needRationale', 'need.displayName as needRecordedByName', 'c.needRecordedAt',
      'c.outcome', 'c.decisionRationale', 'dec.displayName as decidedByName', 'c.decidedAt', 'c.decidedOn',
      'c.decisionWorkingDays', 'c.decidedWithinTimescale', 'c.version',
    ])
    .where('c.id', '=', contactId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const [people, document] = await Promise.all([
    contactPeople(trx, contactId),
    trx
      .selectFrom('contactDocument')
      .select(['id', 'filename', 'kind', 'sizeBytes', 'uploadedAt'])
      .where('contactId', '=', contactId)
      .executeTakeFirst(),
  ]);
  return { ...row, people, document: document ?? null };
}

export async function contactPeople(trx: Db, contactId: string): Promise<ContactPersonRow[]> {
  return trx
    .selectFrom('contactPerson as cp')
    .leftJoin('person as p', 'p.id', 'cp.personId')
    .select([
      'cp.id', 'cp.position', 'cp.role', 'cp.givenName', 'cp.familyName', 'cp.dateOfBirth', 'cp.relationship', 'cp.personId',
      sql<string | null>`case when p.id is null then null else p.given_name || ' ' || p.family_name end`.as('linkedName'),
      'p.dateOfBirth as linkedDateOfBirth',
    ])
    .where('cp.contactId', '=', contactId)
    .orderBy('cp.position')
    .execute();
}

/** The contact's status and version, locked for the rest of the transaction (screening steps serialise per contact). */
export async function lockContact(trx: Transaction<Database>, contactId: string): Promise<{ status: ContactStatus; version: number; receivedOn: string; decisionDueOn: string; referralSource: string; consentToChecks: ConsentToChecks | null; checksWithoutConsent: boolean | null; needLevel: number | null; familyConsent: FamilyConsent } | undefined> {
  return trx
    .selectFrom('contact')
    .select(['status', 'version', 'receivedOn', 'decisionDueOn', 'referralSource', 'consentToChecks', 'checksWithoutConsent', 'needLevel', 'familyConsent'])
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
}

/** Moves a received contact into screening (T1); no change once it is screening or decided. */
export async function markScreening(trx: Transaction<Database>, contactId: string): Promise<void> {
  await trx.updateTable('contact').set({ status: 'screening' }).where('id', '=', contactId).where('status', '=', 'received').execute();
}

/** Applies `values` when the version still matches and the contact is still open; false when not. */
export async function updateOpenContact(
  trx: Transaction<Database>,
  contactId: string,
  expectedVersion: number,
  values: UpdatableContact,
): Promise<boolean> {
  const result = await trx
    .updateTable('contact')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', contactId)
    .where('version', '=', expectedVersion)
    .where('status', '<>', 'decided')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface UpdatableContact {
  readonly status?: ContactStatus;
  readonly consentToChecks?: ConsentToChecks;
  readonly checksWithoutConsent?: boolean;
  readonly consentOverrideReason?: OverrideReason | null;
  readonly consentRationale?: string | null;
  readonly consentRecordedByUserId?: string;
  readonly consentRecordedAt?: Date;
  readonly needLevel?: number;
  readonly needIndicators?: string[];
  readonly needRationale?: string;
  readonly needRecordedByUserId?: string;
  readonly needRecordedAt?: Date;
  readonly outcome?: MashOutcome;
  readonly decisionRationale?: string;
  readonly decidedByUserId?: string;
  readonly decidedAt?: Date;
  readonly decidedOn?: string;
  readonly decisionWorkingDays?: number;
  readonly decidedWithinTimescale?: boolean;
}

export async function linkContactPerson(trx: Transaction<Database>, contactId: string, contactPersonId: string, personId: string, userId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('contactPerson')
    .set({ personId, linkedByUserId: userId, linkedAt: now })
    .where('id', '=', contactPersonId)
    .where('contactId', '=', contactId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertContactDocument(
  trx: Transaction<Database>,
  doc: { contactId: string; filename: string; kind: string; sizeBytes: number; sha256: string; content: Uint8Array; uploadedAt: Date; uploadedByUserId: string | null },
): Promise<{ id: string } | undefined> {
  return trx.insertInto('contactDocument').values(doc).onConflict((oc) => oc.column('contactId').doNothing()).returning('id').executeTakeFirst();
}

export async function loadContactDocument(trx: Db, contactId: string): Promise<{ filename: string; kind: string; content: Uint8Array } | undefined> {
  return trx.selectFrom('contactDocument').select(['filename', 'kind', 'content']).where('contactId', '=', contactId).executeTakeFirst();
}

export async function contactForAttachment(
  trx: Db,
  contactId: string,
): Promise<{ reference: string; receivedAt: Date; channel: ContactChannel; hasDocument: boolean; status: ContactStatus; earlyHelpAssessmentDone: boolean } | undefined> {
  return trx
    .selectFrom('contact as c')
    .select((eb) => [
      'c.reference',
      'c.receivedAt',
      'c.channel',
      'c.status',
      'c.earlyHelpAssessmentDone',
      eb.exists(eb.selectFrom('contactDocument as d').select('d.id').whereRef('d.contactId', '=', 'c.id')).$castTo<boolean>().as('hasDocument'),
    ])
    .where('c.id', '=', contactId)
    .executeTakeFirst();
}

/**
 * A contact the actor may see in a list: none of its linked people is hidden from them (a contact
 * about a restricted or sealed child is left out for anyone the child's record would refuse).
 */
export function contactVisibleTo(actor: Actor, now: Date): (eb: ExpressionBuilder<Database, 'contact'>) => Expression<SqlBool> {
  const visible = visiblePeople(actor, now);
  return (eb) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('contactPerson as vcp')
          .innerJoin('person', 'person.id', 'vcp.personId')
          .select(sql`1`.as('one'))
          .whereRef('vcp.contactId', '=', 'contact.id')
          .where((inner) => inner.not(visible(inner as unknown as ExpressionBuilder<Database, 'person'>))),
      ),
    );
}

export interface QueueRow {
  readonly id: string;
  readonly reference: string;
  readonly channel: ContactChannel;
  readonly status: ContactStatus;
  readonly receivedAt: Date;
  readonly receivedOn: string;
  readonly decisionDueOn: string;
  readonly immediateRisk: boolean;
  readonly referrerOrganisation: string | null;
  readonly childNames: string | null;
  readonly needLevel: number | null;
}

/** Contacts awaiting a decision, oldest first, that the actor may see. */
export async function listOpenContacts(db: Db, actor: Actor, now: Date, limit = 500): Promise<QueueRow[]> {
  return db
    .selectFrom('contact')
    .select((eb) => [
      'contact.id', 'contact.reference', 'contact.channel', 'contact.status', 'contact.receivedAt', 'contact.receivedOn',
      'contact.decisionDueOn', 'contact.immediateRisk', 'contact.referrerOrganisation', 'contact.needLevel',
      eb
        .selectFrom('contactPerson as cp')
        .select(sql<string>`string_agg(cp.given_name || ' ' || cp.family_name, ', ' order by cp.position)`.as('names'))
        .whereRef('cp.contactId', '=', 'contact.id')
        .where('cp.role', '=', 'child')
        .as('childNames'),
    ])
    .where('contact.status', '<>', 'decided')
    .where(contactVisibleTo(actor, now))
    .orderBy('contact.immediateRisk', 'desc')
    .orderBy('contact.receivedAt')
    .limit(limit)
    .execute();
}

export interface DecidedRow {
  readonly id: string;
  readonly reference: string;
  readonly receivedOn: string;
  readonly decidedOn: string | null;
  readonly outcome: MashOutcome | null;
  readonly decidedWithinTimescale: boolean | null;
  readonly childNames: string | null;
}

/** The most recent decisions, for the foot of the queue. */
export async function listRecentDecisions(db: Db, actor: Actor, now: Date, limit = 20): Promise<DecidedRow[]> {
  return db
    .selectFrom('contact')
    .select((eb) => [
      'contact.id', 'contact.reference', 'contact.receivedOn', 'contact.decidedOn', 'contact.outcome', 'contact.decidedWithinTimescale',
      eb
        .selectFrom('contactPerson as cp')
        .select(sql<string>`string_agg(cp.given_name || ' ' || cp.family_name, ', ' order by cp.position)`.as('names'))
        .whereRef('cp.contactId', '=', 'contact.id')
        .where('cp.role', '=', 'child')
        .as('childNames'),
    ])
    .where('contact.status', '=', 'decided')
    .where(contactVisibleTo(actor, now))
    .orderBy('contact.decidedAt', 'desc')
    .limit(limit)
    .execute();
}

export interface PersonHistoryItem {
  readonly kind: 'contact' | 'referral' | 'early_help_referral';
  readonly id: string;
  readonly personId: string;
  readonly contactId: string;
  readonly reference: string;
  readonly date: string;
  readonly receivedAt: Date;
  readonly outcome: string | null;
  readonly detail: string | null;
}

/** Every contact, social care referral and early help referral about these people, except those of `excludeContactId`. */
export async function historyOf(db: Db, personIds: readonly string[], excludeContactId: string | null): Promise<PersonHistoryItem[]> {
  if (personIds.length === 0) return [];
  const exclude = excludeContactId ?? '00000000-0000-0000-0000-000000000000';
  const [contacts, referrals, earlyHelp] = await Promise.all([
    db
      .selectFrom('contactPerson as cp')
      .innerJoin('contact as c', 'c.id', 'cp.contactId')
      .select(['c.id', 'cp.personId', 'c.reference', 'c.receivedOn', 'c.receivedAt', 'c.outcome', 'c.status'])
      .where('cp.personId', 'in', personIds)
      .where('c.id', '<>', exclude)
      .execute(),
    db
      .selectFrom('referral as r')
      .innerJoin('contact as c', 'c.id', 'r.contactId')
      .innerJoin('team as t', 't.id', 'r.teamId')
      .select(['r.id', 'r.childId', 'r.contactId', 'c.reference', 'r.referredOn', 'c.receivedAt', 'r.purpose', 't.name as teamName', 'r.status'])
      .where('r.childId', 'in', personIds)
      .where('r.contactId', '<>', exclude)
      .execute(),
    db
      .selectFrom('earlyHelpReferral as e')
      .innerJoin('contact as c', 'c.id', 'e.contactId')
      .select(['e.id', 'e.childId', 'c.id as contactId', 'c.reference', 'e.referredOn', 'c.receivedAt'])
      .where('e.childId', 'in', personIds)
      .where('e.contactId', '<>', exclude)
      .execute(),
  ]);
  const items: PersonHistoryItem[] = [
    ...contacts.map((c) => ({
      kind: 'contact' as const,
      id: c.id,
      personId: c.personId ?? '',
      contactId: c.id,
      reference: c.reference,
      date: c.receivedOn,
      receivedAt: c.receivedAt,
      outcome: c.outcome,
      detail: c.status,
    })),
    ...referrals.map((r) => ({
      kind: 'referral' as const,
      id: r.id,
      personId: r.childId,
      contactId: r.contactId,
      reference: r.reference,
      date: r.referredOn,
      receivedAt: r.receivedAt,
      outcome: r.purpose,
      detail: r.teamName,
    })),
    ...earlyHelp.map((e) => ({
      kind: 'early_help_referral' as const,
      id: e.id,
      personId: e.childId,
      contactId: e.contactId,
      reference: e.reference,
      date: e.referredOn,
      receivedAt: e.receivedAt,
      outcome: null,
      detail: null,
    })),
  ];
  return items.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
