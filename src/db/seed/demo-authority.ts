// Loads the demo authority into an empty database: the teams of seed 000, demo staff for every
// role, and synthetic families with children allocated across the teams. Bulk inserts in one
// transaction, with one audit event; ids of the people tests rely on are fixed.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hashPassword } from '../../app/auth/passwords.ts';
import { nhsCheckDigit } from '../../domain/shared/identifiers/nhs-number.ts';
import type { DatabaseHandle } from '../connect.ts';
import type { Database, NewPerson } from '../schema.ts';
import { appendAuditEvent } from '../shared/audit-repository.ts';
import { ADULT_NAMES_FEMALE, ADULT_NAMES_MALE, FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, STREETS, TOWNS } from './synthetic/names.ts';
import { createRandom, type Random } from './synthetic/random.ts';
import { seedDemoChildProtection } from './demo-child-protection.ts';
import { seedDemoChildInNeed } from './demo-child-in-need.ts';
import { seedDemoChildProtectionPlans } from './demo-child-protection-plans.ts';
import { seedDemoAssessments } from './demo-assessments.ts';
import { seedDemoYoungCarers } from './demo-young-carers.ts';
import { seedDemoFrontDoor } from './demo-front-door.ts';
import { seedDemoPreBirth } from './demo-pre-birth.ts';
import { seedDemoEarlyHelp } from './demo-early-help.ts';
import { seedDemoDisabilities } from './demo-disabilities.ts';
import { seedDemoRecords } from './demo-records.ts';
import { seedDemoCharacteristics, seedDemoUpnReasons } from './demo-returns.ts';
import { DEMO_PEOPLE_IDS, seedDemoPeople } from './demo-people.ts';
import { TEAMS } from './teams.ts';
import { DEMO_USER_IDS, DEMO_USERS, FIXED_STAFF, teamStaff, type DemoUser } from './users.ts';

export const DEMO_PASSWORD = 'hearth-demo-2026';

const pid = (n: number): string => `00000000-0000-4000-9000-${n.toString().padStart(12, '0')}`;

/** Children the tests and the README can name. */
export const DEMO_CHILD_IDS = {
  /** Allocated to the demo social worker in Family Support Team North. */
  allocated: pid(1),
  /** In Family Support Team North, restricted: the demo team manager is the named contact. */
  restricted: pid(2),
  /** A sealed adoption record, granted to the demo adoption worker only. */
  sealed: pid(3),
  /** Allocated in Family Support Team Central, to another worker. */
  otherTeam: pid(4),
  /** Jonathan Quinlan and "Jon Quinlan": one boy recorded twice, for the duplicate check and merge. */
  duplicateOriginal: DEMO_PEOPLE_IDS.duplicateOriginal,
  duplicateSecond: DEMO_PEOPLE_IDS.duplicateSecond,
  /** An unborn baby linked to their mother (DEMO_PEOPLE_IDS.unbornMother). */
  unborn: DEMO_PEOPLE_IDS.unborn,
} as const;

export async function hasDemoAuthority(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('team').select('id').where('code', '=', 'MASH').executeTakeFirst();
  return row !== undefined;
}

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const daysBefore = (now: Date, days: number): string => isoDate(new Date(now.getTime() - days * 86_400_000));

function syntheticNhsNumber(random: Random): string {
  // 999 000 0000 to 999 999 9999 is the NHS range reserved for test data.
  for (;;) {
    const nine = `999${String(random.int(0, 999_999)).padStart(6, '0')}`;
    const check = nhsCheckDigit(nine);
    if (check !== null) return `${nine}${String(check)}`;
  }
}

function address(random: Random) {
  return {
    addressLine1: `${String(random.int(1, 120))} ${random.pick(STREETS)}`,
    town: random.pick(TOWNS),
    postcode: `MK${String(random.int(1, 19))} ${String(random.int(1, 9))}${random.pick(['A', 'B', 'D', 'E', 'F', 'G', 'H', 'J'])}${random.pick(['L', 'N', 'P', 'Q', 'R', 'S', 'T', 'U', 'W'])}`,
  };
}

export async function seedDemoAuthority(handle: DatabaseHandle, now: Date, seed = 2026): Promise<void> {
  const random = createRandom(seed);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await handle.db.transaction().execute(async (trx) => {
    const teamIds = new Map<string, string>();
    for (const team of TEAMS) {
      const row = await trx
        .insertInto('team')
        .values({
          code: team.code,
          name: team.name,
          description: team.description,
          parentTeamId: team.parent === undefined ? null : (teamIds.get(team.parent) ?? null),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      teamIds.set(team.code, row.id);
    }
    const teamId = (code: string): string => {
      const id = teamIds.get(code);
      if (id === undefined) throw new Error(`unknown team ${code}`);
      return id;
    };

    const staff: DemoUser[] = [...DEMO_USERS, ...FIXED_STAFF, ...teamStaff()];
    await trx
      .insertInto('appUser')
      .values(staff.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, passwordHash, createdAt: now, updatedAt: now })))
      .execute();
    await trx
      .insertInto('userRole')
      .values(staff.flatMap((u) => u.roles.map((role) => ({ userId: u.id, role }))))
      .execute();
    await trx
      .insertInto('teamMembership')
      .values(staff.map((u) => ({ userId: u.id, teamId: teamId(u.teamCode), isManager: u.isManager })))
      .execute();

    const workersOf = (code: string) => staff.filter((u) => u.teamCode === code && !u.isManager);
    const caseTeams = ['FST_NORTH', 'FST_CENTRAL', 'FST_SOUTH', 'CWD', 'CIC', 'LEAVING_CARE', 'MASH'];
    const people: NewPerson[] = [];
    const relationships: { personId: string; relatedPersonId: string; relationship: string; parentalResponsibility: boolean; livesWith: boolean }[] = [];
    const allocations: { childId: string; teamId: string; workerUserId: string | null; startedOn: string }[] = [];
    let n = 100;

    const addFamily = (opts: {
      teamCode: string;
      workerId?: string | null;
      childId?: string;
      restriction?: 'none' | 'restricted' | 'sealed';
      contactId?: string;
      minAge?: number;
      maxAge?: number;
    }) => {
      const familyName = random.pick(FAMILY_NAMES);
      const home = address(random);
      const mother = pid(n++);
      const father = pid(n++);
      people.push({
        id: mother,
        personType: 'adult',
        givenName: random.pick(ADULT_NAMES_FEMALE),
        familyName,
        gender: 'female',
        dateOfBirth: daysBefore(now, random.int(20 * 365, 45 * 365)),
        ...home,
        createdAt: now,
        updatedAt: now,
      });
      const fatherAtHome = random.chance(0.5);
      people.push({
        id: father,
        personType: 'adult',
        givenName: random.pick(ADULT_NAMES_MALE),
        familyName: random.chance(0.7) ? familyName : random.pick(FAMILY_NAMES),
        gender: 'male',
        dateOfBirth: daysBefore(now, random.int(20 * 365, 50 * 365)),
        ...(fatherAtHome ? home : address(random)),
        createdAt: now,
        updatedAt: now,
      });
      const childCount = opts.childId === undefined ? random.int(1, 3) : 1;
      const children: string[] = [];
      for (let c = 0; c < childCount; c += 1) {
        const id = c === 0 && opts.childId !== undefined ? opts.childId : pid(n++);
        const female = random.chance(0.5);
        const ageDays = random.int((opts.minAge ?? 0) * 365 + 30, (opts.maxAge ?? 17) * 365 + 300);
        people.push({
          id,
          personType: 'child',
          givenName: random.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE),
          familyName,
          gender: female ? 'female' : 'male',
          dateOfBirth: daysBefore(now, ageDays),
          nhsNumber: syntheticNhsNumber(random),
          ...home,
          restriction: opts.restriction ?? 'none',
          restrictionContactUserId: opts.contactId ?? null,
          createdAt: now,
          updatedAt: now,
        });
        const workers = workersOf(opts.teamCode);
        const workerId = opts.workerId !== undefined ? opts.workerId : opts.teamCode === 'MASH' ? null : random.pick(workers).id;
        allocations.push({ childId: id, teamId: teamId(opts.teamCode), workerUserId: workerId, startedOn: daysBefore(now, random.int(5, 400)) });
        relationships.push({ personId: id, relatedPersonId: mother, relationship: 'parent', parentalResponsibility: true, livesWith: true });
        relationships.push({
          personId: id,
          relatedPersonId: father,
          relationship: 'parent',
          parentalResponsibility: random.chance(0.8),
          livesWith: fatherAtHome,
        });
        relationships.push({ personId: mother, relatedPersonId: id, relationship: 'child', parentalResponsibility: true, livesWith: true });
        relationships.push({ personId: father, relatedPersonId: id, relationship: 'child', parentalResponsibility: false, livesWith: fatherAtHome });
        children.push(id);
      }
      for (const a of children)
        for (const b of children)
          if (a !== b) relationships.push({ personId: a, relatedPersonId: b, relationship: 'sibling', parentalResponsibility: false, livesWith: true });
    };

    addFamily({ teamCode: 'FST_NORTH', workerId: DEMO_USER_IDS.socialWorker, childId: DEMO_CHILD_IDS.allocated, minAge: 6, maxAge: 9 });
    addFamily({
      teamCode: 'FST_NORTH',
      childId: DEMO_CHILD_IDS.restricted,
      restriction: 'restricted',
      contactId: DEMO_USER_IDS.teamManager,
      minAge: 10,
      maxAge: 14,
    });
    addFamily({ teamCode: 'ADOPTION', workerId: DEMO_USER_IDS.adoptionWorker, childId: DEMO_CHILD_IDS.sealed, restriction: 'sealed', minAge: 1, maxAge: 3 });
    addFamily({ teamCode: 'FST_CENTRAL', workerId: DEMO_USER_IDS.otherTeamWorker, childId: DEMO_CHILD_IDS.otherTeam, minAge: 3, maxAge: 8 });
    for (let f = 0; f < 3; f += 1) addFamily({ teamCode: 'FST_NORTH', workerId: DEMO_USER_IDS.socialWorker });
    addFamily({ teamCode: 'LEAVING_CARE', workerId: DEMO_USER_IDS.personalAdviser, minAge: 16, maxAge: 17 });
    for (let f = 0; f < 36; f += 1) {
      const team = caseTeams[f % caseTeams.length] ?? 'FST_NORTH';
      addFamily({ teamCode: team, ...(team === 'LEAVING_CARE' ? { minAge: 16, maxAge: 17 } : {}) });
    }

    await trx.insertInto('person').values(people).execute();
    await trx.insertInto('personRelationship').values(relationships).execute();
    await trx.insertInto('allocation').values(allocations).execute();
    await trx
      .insertInto('accessGrant')
      .values({ personId: DEMO_CHILD_IDS.sealed, userId: DEMO_USER_IDS.adoptionWorker, reason: 'Allocated adoption worker', createdAt: now })
      .execute();
    await seedDemoRecords(trx, { childId: DEMO_CHILD_IDS.allocated, now });
    const demoPeople = await seedDemoPeople(trx, { now, allocatedChildId: DEMO_CHILD_IDS.allocated, fstNorthTeamId: teamId('FST_NORTH') });
    await seedDemoFrontDoor(trx, { now, teamId });
    await seedDemoPreBirth(trx, { now, fstNorthTeamId: teamId('FST_NORTH') });
    await seedDemoChildProtection(trx, { now, teamId, childIds: { allocated: DEMO_CHILD_IDS.allocated, restricted: DEMO_CHILD_IDS.restricted } });
    await seedDemoChildInNeed(trx, {
      now,
      teamId: teamId('FST_NORTH'),
      allocatedChildId: DEMO_CHILD_IDS.allocated,
      restrictedChildId: DEMO_CHILD_IDS.restricted,
    });
    await seedDemoEarlyHelp(trx, { now, teamId });
    await seedDemoChildProtectionPlans(trx, {
      now,
      allocatedChildId: DEMO_CHILD_IDS.allocated,
      restrictedChildId: DEMO_CHILD_IDS.restricted,
      unbornId: DEMO_CHILD_IDS.unborn,
      fstNorthTeamId: teamId('FST_NORTH'),
    });
    await seedDemoAssessments(trx, { now, allocatedChildId: DEMO_CHILD_IDS.allocated, teamId });
    await seedDemoYoungCarers(trx, { now, allocatedChildId: DEMO_CHILD_IDS.allocated, teamId });
    await seedDemoDisabilities(trx, { now, teamId });
    // Last, so the children the module seeds above create have their characteristics too.
    await seedDemoCharacteristics(trx);
    await seedDemoUpnReasons(trx, now);
    await appendAuditEvent(
      trx,
      { actorUserId: null, actorLabel: 'hearth seed', requestId: null, ip: null },
      { action: 'seed.demo-authority.loaded', changes: { teams: TEAMS.length, staff: staff.length, people: people.length + demoPeople } },
      now,
    );
  });
  await sql`analyze`.execute(handle.db);
}
