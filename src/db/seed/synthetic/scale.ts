// `hearth seed --scale N`: a synthetic English authority of N children with ten years of history,
// for demos (1,000), a large authority (60,000) and search at scale (about 1,000,000 people).
//
// How it is built
//  1. Stories (stories.ts). Each family gets a story from (seed, family number, as-of day) alone:
//     its children (ages, twins, an unborn baby), and episodes of help — contact, early help,
//     assessment, child in need, child protection, care, leaving care, disability — with the
//     dates of every milestone (Milestones) and the allocations they imply (Phase: child, team,
//     start, end or still open). Proportions and durations are in proportions.ts with sources.
//  2. Sizing pass: every story is planned once to count the open caseload on the as-of day, and
//     staff are sized from it (staff.ts: 9 families per Family Support worker, seed 000).
//  3. Writing pass: stories are planned again, chunk by chunk, named (people.ts), given duplicates
//     with ground truth (duplicates.ts), and handed to each journey module in MODULES, which
//     pushes rows into a RowSink; each chunk is flushed with one unnest() insert per table and
//     batch (bulk-insert.ts). Everything runs in one transaction, then ANALYZE.
//  4. Audit history (audit-history.ts): record views gathered during the pass are appended to
//     the hash chain in time order, so `hearth verify-audit` passes on a generated authority.
//
// Journeys written so far: people (people-module.ts), duplicates, casework (allocations, sealed
// records' grants, audit history), the front door (journeys/front-door.ts: contacts, screening,
// decisions, referrals), assessments and child in need (journeys/assessments.ts: assessments with
// census factors, next steps, CIN episodes, plans, reviews and closures), child protection
// (journeys/child-protection.ts: strategy discussions, s47 enquiries, initial and review
// conferences, CP plans with categories) and early help episodes (journeys/early-help.ts). Modules
// hand ids to later ones through FamilyRecord.links (a referral's id to its assessment…). Still to
// come as their tables land: children in care and care leavers; their dates are in the stories.
//
// Adding a journey (assessments, CP plans, children in care, care leavers…)
//  - Its migration creates the tables; the generator never creates tables.
//  - Write `src/db/seed/synthetic/journeys/<journey>.ts` exporting a JourneyModule (module.ts):
//    `tables` lists its TableSpecs (parents before children), `emit(family, ctx, sink)` reads the
//    family's episodes — e.g. `episode.milestones.initialConference` and
//    `childProtectionPlanEnd` for CP plans, `lookedAfterStart`/`lookedAfterOutcome` and the CIC
//    and LEAVING_CARE phases for care — and pushes one row per record. Ids come from
//    `ctx.nextId('<space>')` (add the space in ids.ts); randomness from the module's own stream,
//    `createRandom(mixSeed(ctx.seed, family.shape.index, textSeed('<journey>')))`, so adding a
//    module never changes what the other modules generate for the same seed.
//  - Add it to MODULES below (after the modules whose tables it references).
//  - If the journey needs facts the stories do not have yet, add them to Milestones in
//    stories.ts using new random draws *after* the existing ones, and extend the proportions
//    test in test/db/seed/scale.test.ts.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword } from '../../../app/auth/passwords.ts';
import type { DatabaseHandle } from '../../connect.ts';
import { appendAuditEvent } from '../../shared/audit-repository.ts';
import { DEMO_PASSWORD, hasDemoAuthority, seedDemoAuthority } from '../demo-authority.ts';
import { AuditHistory } from './audit-history.ts';
import { RowSink, type TableSpec } from './bulk-insert.ts';
import { caseworkModule } from './casework.ts';
import { dayOf, isoOf } from './dates.ts';
import { duplicatesOf, type DuplicatePair } from './duplicates.ts';
import { mixSeed, scaleId, type IdSpace } from './ids.ts';
import type { FamilyRecord, GeneratorContext, JourneyModule } from './module.ts';
import { NhsNumbers, peopleOf } from './people.ts';
import { Upns } from './details.ts';
import { duplicatesModule, peopleModule } from './people-module.ts';
import { assessmentsModule } from './journeys/assessments.ts';
import { childProtectionModule } from './journeys/child-protection.ts';
import { earlyHelpModule } from './journeys/early-help.ts';
import { frontDoorModule } from './journeys/front-door.ts';
import { noProgress, type ProgressFn } from './progress.ts';
import { createRandom } from './random.ts';
import { emptyTally, planStaff, StaffDirectory, type CaseloadTally, type StaffMember } from './staff.ts';
import { openStatusOf, planFamily, type FamilyShape, type Phase } from './stories.ts';

/** The journey modules, in the order their rows are written. */
export const MODULES: readonly JourneyModule[] = [
  peopleModule,
  duplicatesModule,
  caseworkModule,
  frontDoorModule,
  assessmentsModule,
  childProtectionModule,
  earlyHelpModule,
];

export interface ScaleOptions {
  /** Number of children (including unborn), not counting duplicate records. */
  readonly children: number;
  readonly seed?: number;
  /** The day the history runs up to (ISO date); defaults to today. */
  readonly asOf?: string;
  readonly years?: number;
  /** Generate record-view audit history (default true). */
  readonly auditHistory?: boolean;
  readonly onProgress?: ProgressFn;
  /** Families per written chunk. */
  readonly chunkFamilies?: number;
}

export interface ScaleResult {
  readonly seed: number;
  readonly asOf: string;
  readonly families: number;
  readonly children: number;
  readonly people: number;
  readonly staff: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly tally: CaseloadTally;
  /** Ground truth for the matching benchmark. */
  readonly duplicates: readonly DuplicatePair[];
}

export class ScaleAuthorityExistsError extends Error {}

/** The first generated user's id: present once a scale authority has been loaded. */
export const FIRST_SCALE_USER_ID = scaleId('user', 1);

export async function hasScaleAuthority(handle: DatabaseHandle): Promise<boolean> {
  return (await handle.db.selectFrom('appUser').select('id').where('id', '=', FIRST_SCALE_USER_ID).executeTakeFirst()) !== undefined;
}

function tallyFamily(tally: CaseloadTally, shape: FamilyShape, asOf: number): void {
  tally.children += shape.children.length;
  const teams = new Set<string>();
  for (const p of shape.phases) {
    if (p.team === 'MASH' && p.start >= asOf - 365) tally.contactsLastYear += 1;
    const status = openStatusOf(shape, p, asOf);
    if (status === null) continue;
    teams.add(p.team);
    tally.openChildren.set(p.team, (tally.openChildren.get(p.team) ?? 0) + 1);
    tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
  }
  for (const t of teams) tally.openFamilies.set(t, (tally.openFamilies.get(t) ?? 0) + 1);
}

/** Plans every family once: how many there are and the open caseload that sizes the staff. */
export function sizeAuthority(seed: number, children: number, asOf: number, years: number): { families: number; tally: CaseloadTally } {
  const tally = emptyTally();
  let families = 0;
  while (tally.children < children) {
    tallyFamily(tally, planFamily(seed, families, asOf, years, children - tally.children), asOf);
    families += 1;
  }
  return { families, tally };
}

const USER_TABLE: TableSpec = {
  table: 'app_user',
  columns: [
    ['id', 'uuid'],
    ['username', 'text'],
    ['display_name', 'text'],
    ['password_hash', 'text'],
    ['active', 'boolean'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};
const ROLE_TABLE: TableSpec = {
  table: 'user_role',
  columns: [
    ['user_id', 'uuid'],
    ['role', 'text'],
  ],
};
const MEMBERSHIP_TABLE: TableSpec = {
  table: 'team_membership',
  columns: [
    ['user_id', 'uuid'],
    ['team_id', 'uuid'],
    ['is_manager', 'boolean'],
  ],
};

export async function seedScaleAuthority(handle: DatabaseHandle, now: Date, options: ScaleOptions): Promise<ScaleResult> {
  const seed = options.seed ?? 2026;
  const years = options.years ?? 10;
  const asOfIso = options.asOf ?? now.toISOString().slice(0, 10);
  const asOf = dayOf(asOfIso);
  const progress = options.onProgress ?? noProgress;
  const chunk = options.chunkFamilies ?? 2_000;
  if (!Number.isInteger(options.children) || options.children < 1) throw new RangeError('children must be a whole number of 1 or more');

  if (!(await hasDemoAuthority(handle.db))) await seedDemoAuthority(handle, now, seed);
  if (await hasScaleAuthority(handle)) throw new ScaleAuthorityExistsError('A scale authority is already loaded in this database. Use a fresh database.');

  progress('planning', 0, options.children);
  const { families, tally } = sizeAuthority(seed, options.children, asOf, years);
  progress('planning', options.children, options.children);
  const staff = planStaff(seed, tally, years);
  const directory = new StaffDirectory(staff);
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const teams = new Map((await handle.db.selectFrom('team').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
  const teamId = (code: string): string => {
    const id = teams.get(code);
    if (id === undefined) throw new Error(`unknown team ${code}`);
    return id;
  };

  const sequences = new Map<string, number>();
  const nextNumber = (sequence: string): number => {
    const n = (sequences.get(sequence) ?? 0) + 1;
    sequences.set(sequence, n);
    return n;
  };
  const nextId = (space: IdSpace): string => scaleId(space, nextNumber(`id:${space}`));
  const audit = options.auditHistory === false ? null : new AuditHistory();
  const ctx: GeneratorContext = {
    seed,
    asOf,
    staff: directory,
    audit,
    teamId,
    staffName: (id) => names.get(id) ?? 'Former member of staff',
    nextId,
    nextNumber,
  };
  const sink = new RowSink();
  for (const spec of [USER_TABLE, ROLE_TABLE, MEMBERSHIP_TABLE]) sink.declare(spec);
  for (const module of MODULES) for (const spec of module.tables) sink.declare(spec);
  const duplicates: DuplicatePair[] = [];
  const nhs = new NhsNumbers(mixSeed(seed, 5) % 10_000_000);
  const ids = { nextPersonId: () => nextId('person'), upns: new Upns() };
  let childrenLeft = options.children;
  let people = 0;

  const result = await handle.db.transaction().execute(async (trx) => {
    writeStaff(sink, staff, passwordHash, teamId, now);
    await sink.flush(trx);
    for (let f = 0; f < families; f += 1) {
      const shape = planFamily(seed, f, asOf, years, childrenLeft);
      childrenLeft -= shape.children.length;
      const familyPeople = peopleOf(seed, shape, ids, nhs);
      const dups = duplicatesOf(seed, shape, familyPeople, asOf, ids);
      people += familyPeople.children.length + familyPeople.adults.length + dups.length;
      duplicates.push(...dups.map((d) => d.pair));
      const family = familyRecord(seed, shape, familyPeople, dups, directory, () => nextId('allocation'));
      for (const module of MODULES) module.emit(family, ctx, sink);
      if ((f + 1) % chunk === 0 || f + 1 === families) {
        await sink.flush(trx);
        progress('people', f + 1, families);
      }
    }
    if (audit !== null) {
      progress('audit history', 0, audit.count);
      await audit.write(trx, (done) => progress('audit history', done, audit.count));
    }
    const rows = { ...sink.counts(), ...(audit === null ? {} : { audit_event: audit.count }) };
    await appendAuditEvent(
      trx,
      { actorUserId: null, actorLabel: 'hearth seed', requestId: null, ip: null },
      // camelCase keys only: Kysely's CamelCasePlugin rewrites nested jsonb keys on read, and the
      // chain is verified on what is read back.
      { action: 'seed.scale-authority.loaded', changes: { seed, asOf: asOfIso, years, children: options.children, rows: camelKeys(rows) } },
      now,
    );
    return rows;
  });
  // Statistics for the planner, and the visibility map a database in service keeps through
  // autovacuum: without it a freshly loaded table cannot use index-only scans (person search's
  // date-of-birth lookup, 0022), and a benchmark would measure a state no live system is in.
  progress('vacuum analyze', 0, 1);
  await sql`vacuum analyze`.execute(handle.db);
  progress('vacuum analyze', 1, 1);
  return { seed, asOf: isoOf(asOf), families, children: options.children, people, staff: staff.length, rows: result, tally, duplicates };
}

const camelKeys = (o: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

function writeStaff(sink: RowSink, staff: readonly StaffMember[], passwordHash: string, teamId: (code: string) => string, now: Date): void {
  const at = now.toISOString();
  for (const s of staff) {
    sink.push(USER_TABLE, [s.id, s.username, s.displayName, s.active ? passwordHash : null, s.active, at, at]);
    sink.push(ROLE_TABLE, [s.id, s.role]);
    sink.push(MEMBERSHIP_TABLE, [s.id, teamId(s.teamCode), s.isManager]);
  }
}

function familyRecord(
  seed: number,
  shape: FamilyShape,
  people: FamilyRecord['people'],
  duplicates: FamilyRecord['duplicates'],
  directory: StaffDirectory,
  nextAllocationId: () => string,
): FamilyRecord {
  const random = createRandom(mixSeed(seed, shape.index, 5));
  const byKey = new Map(people.children.map((c) => [c.childKey, c.id]));
  const allocationIds = new Map(shape.phases.map((p) => [p, nextAllocationId()]));
  const workers = new Map<string, string | null>();
  return {
    shape,
    people,
    duplicates,
    childId: (key) => {
      const id = byKey.get(key);
      if (id === undefined) throw new Error(`family ${String(shape.index)} has no child ${String(key)}`);
      return id;
    },
    workerOf: (phase: Phase) => {
      const open = phase.end === null;
      const key = `${phase.team}|${phase.workerKey}|${String(open)}`;
      if (!workers.has(key)) {
        workers.set(key, open ? (phase.team === 'MASH' ? null : directory.nextCurrent(phase.team)) : directory.anyWorker(phase.team, random));
      }
      return workers.get(key) ?? null;
    },
    links: new Map(),
    allocationId: (phase: Phase) => {
      const id = allocationIds.get(phase);
      if (id === undefined) throw new Error(`family ${String(shape.index)}: a phase without an allocation`);
      return id;
    },
  };
}

/** A checksum of every person's names in id order: the same seed must give the same value. */
export async function nameChecksum(handle: DatabaseHandle): Promise<string> {
  const hash = createHash('sha256');
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await handle.db
      .selectFrom('person')
      .select(['id', 'givenName', 'familyName', 'dateOfBirth'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(20_000)
      .execute();
    for (const r of rows) hash.update(`${r.id}|${r.givenName}|${r.familyName}|${r.dateOfBirth ?? ''}\n`);
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last.id;
  }
  return hash.digest('hex');
}
