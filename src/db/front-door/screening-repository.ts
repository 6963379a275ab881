// MASH screening records beside a contact: requests to partner agencies and their answers, and
// multi-agency threshold discussions.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AgencyCheckOutcome, AgencyCheckStatus, PartnerAgency } from '../../domain/front-door/agency-checks.ts';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface AgencyCheckRow {
  readonly id: string;
  readonly agency: PartnerAgency;
  readonly status: AgencyCheckStatus;
  readonly withoutConsent: boolean;
  readonly requestedByName: string;
  readonly requestedAt: Date;
  readonly details: string | null;
  readonly answeredByName: string | null;
  readonly answeredAt: Date | null;
  readonly version: number;
}

export async function listAgencyChecks(db: Db, contactId: string): Promise<AgencyCheckRow[]> {
  const rows = await db
    .selectFrom('agencyCheck as a')
    .innerJoin('appUser as req', 'req.id', 'a.requestedByUserId')
    .leftJoin('appUser as ans', 'ans.id', 'a.answeredByUserId')
    .select([
      'a.id', 'a.agency', 'a.status', 'a.withoutConsent', 'req.displayName as requestedByName', 'a.requestedAt',
      'a.details', 'ans.displayName as answeredByName', 'a.answeredAt', 'a.version',
    ])
    .where('a.contactId', '=', contactId)
    .orderBy('a.requestedAt')
    .orderBy('a.agency')
    .execute();
  return rows.map((r) => ({ ...r, agency: r.agency as PartnerAgency }));
}

/** Requests checks from the agencies not yet asked; returns the agencies newly asked. */
export async function insertAgencyChecks(
  trx: Transaction<Database>,
  contactId: string,
  agencies: readonly PartnerAgency[],
  request: { withoutConsent: boolean; requestedByUserId: string; requestedAt: Date },
): Promise<PartnerAgency[]> {
  if (agencies.length === 0) return [];
  const rows = await trx
    .insertInto('agencyCheck')
    .values(agencies.map((agency) => ({ contactId, agency, ...request })))
    .onConflict((oc) => oc.columns(['contactId', 'agency']).doNothing())
    .returning('agency')
    .execute();
  return rows.map((r) => r.agency as PartnerAgency);
}

export async function loadAgencyCheck(db: Db, contactId: string, agency: PartnerAgency): Promise<AgencyCheckRow | undefined> {
  return (await listAgencyChecks(db, contactId)).find((c) => c.agency === agency);
}

export async function answerAgencyCheck(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  answer: { status: AgencyCheckOutcome; details: string | null; answeredByUserId: string; answeredAt: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('agencyCheck')
    .set({ ...answer, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface ThresholdDiscussionRow {
  readonly id: string;
  readonly heldOn: string;
  readonly agencies: string[];
  readonly summary: string;
  readonly agreedLevel: number | null;
  readonly recordedByName: string;
  readonly recordedAt: Date;
}

export async function listThresholdDiscussions(db: Db, contactId: string): Promise<ThresholdDiscussionRow[]> {
  return db
    .selectFrom('thresholdDiscussion as t')
    .innerJoin('appUser as u', 'u.id', 't.recordedByUserId')
    .select(['t.id', 't.heldOn', 't.agencies', 't.summary', 't.agreedLevel', 'u.displayName as recordedByName', 't.recordedAt'])
    .where('t.contactId', '=', contactId)
    .orderBy('t.heldOn')
    .orderBy('t.recordedAt')
    .execute();
}

export async function insertThresholdDiscussion(
  trx: Transaction<Database>,
  discussion: { contactId: string; heldOn: string; agencies: string[]; summary: string; agreedLevel: number | null; recordedByUserId: string; recordedAt: Date },
): Promise<string> {
  const row = await trx.insertInto('thresholdDiscussion').values(discussion).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
