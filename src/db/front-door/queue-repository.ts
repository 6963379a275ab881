// Lookups the MASH queue and dashboard make across many contacts at once.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

/** The children linked to each contact. */
export async function linkedChildrenOf(db: Db, contactIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (contactIds.length === 0) return out;
  const rows = await db
    .selectFrom('contactPerson')
    .select(['contactId', 'personId'])
    .where('contactId', 'in', contactIds)
    .where('role', '=', 'child')
    .where('personId', 'is not', null)
    .execute();
  for (const row of rows) {
    if (row.personId === null) continue;
    out.set(row.contactId, [...(out.get(row.contactId) ?? []), row.personId]);
  }
  return out;
}

export interface DashboardRow {
  readonly id: string;
  readonly receivedAt: Date;
  readonly receivedOn: string;
  readonly decidedOn: string | null;
  readonly outcome: string | null;
  readonly decisionWorkingDays: number | null;
  readonly decidedWithinTimescale: boolean | null;
}

/** Contacts received, or decided, on or after `from`. Counts only: no names. */
export async function contactsForDashboard(db: Db, from: string): Promise<DashboardRow[]> {
  return db
    .selectFrom('contact')
    .select(['id', 'receivedAt', 'receivedOn', 'decidedOn', 'outcome', 'decisionWorkingDays', 'decidedWithinTimescale'])
    .where((eb) => eb.or([eb('receivedOn', '>=', from), eb('decidedOn', '>=', from)]))
    .execute();
}

export async function countAwaitingDecision(db: Db): Promise<number> {
  const row = await db.selectFrom('contact').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '<>', 'decided').executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ChildFrontDoorEvents {
  readonly contacts: readonly { id: string; reference: string; channel: string; receivedOn: string; receivedAt: Date; outcome: string | null; decidedOn: string | null; decidedByName: string | null; recordedByName: string | null }[];
  readonly referrals: readonly { id: string; purpose: string; referredOn: string; teamName: string; allocatedAt: Date | null; workerName: string | null }[];
  readonly earlyHelp: readonly { id: string; referredOn: string; needLevel: number }[];
}

/** What the front door recorded about one child, for their chronology. */
export async function frontDoorEventsOf(db: Db, childId: string, range: { from: string | null; to: string | null }): Promise<ChildFrontDoorEvents> {
  const within = <T extends { date: string }>(rows: T[]): T[] => rows.filter((r) => (range.from === null || r.date >= range.from) && (range.to === null || r.date <= range.to));
  const [contacts, referrals, earlyHelp] = await Promise.all([
    db
      .selectFrom('contactPerson as cp')
      .innerJoin('contact as c', 'c.id', 'cp.contactId')
      .leftJoin('appUser as d', 'd.id', 'c.decidedByUserId')
      .leftJoin('appUser as r', 'r.id', 'c.recordedByUserId')
      .select(['c.id', 'c.reference', 'c.channel', 'c.receivedOn', 'c.receivedAt', 'c.outcome', 'c.decidedOn', 'd.displayName as decidedByName', 'r.displayName as recordedByName'])
      .where('cp.personId', '=', childId)
      .execute(),
    db
      .selectFrom('referral as f')
      .innerJoin('team as t', 't.id', 'f.teamId')
      .leftJoin('appUser as w', 'w.id', 'f.allocatedWorkerUserId')
      .select(['f.id', 'f.purpose', 'f.referredOn', 't.name as teamName', 'f.allocatedAt', 'w.displayName as workerName'])
      .where('f.childId', '=', childId)
      .execute(),
    db.selectFrom('earlyHelpReferral').select(['id', 'referredOn', 'needLevel']).where('childId', '=', childId).execute(),
  ]);
  return {
    contacts: within(contacts.map((c) => ({ ...c, date: c.receivedOn }))),
    referrals: within(referrals.map((r) => ({ ...r, date: r.referredOn }))),
    earlyHelp: within(earlyHelp.map((e) => ({ ...e, date: e.referredOn }))),
  };
}
