// Staff in proportion to the open caseload: workers per team from the caseload targets (9 families
// per Family Support worker, seed 000), a team manager and deputies, IROs and CP chairs for the
// children on plans and in care, and former staff (inactive accounts) who held the older cases.
import type { Role } from '../../../domain/shared/access/roles.ts';
import { mixSeed, scaleId } from './ids.ts';
import {
  CASELOAD_TARGETS,
  CONTACTS_PER_MASH_PRACTITIONER_YEAR,
  CP_CHILDREN_PER_CHAIR,
  LOOKED_AFTER_PER_FOSTERING_WORKER,
  LOOKED_AFTER_PER_IRO,
  STAFF_TURNOVER_PER_YEAR,
  WORKERS_PER_MANAGER,
} from './proportions.ts';
import { adultGivenName, surname } from './people.ts';
import { createRandom, type Random } from './random.ts';

/** What the sizing pass counted on the as-of day. */
export interface CaseloadTally {
  readonly openFamilies: Map<string, number>;
  readonly openChildren: Map<string, number>;
  contactsLastYear: number;
  /** Open children by what their case is (openStatusOf in stories.ts). */
  readonly byStatus: Map<string, number>;
  children: number;
}

export const emptyTally = (): CaseloadTally => ({ openFamilies: new Map(), openChildren: new Map(), contactsLastYear: 0, byStatus: new Map(), children: 0 });

export interface StaffMember {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly teamCode: string;
  readonly isManager: boolean;
  readonly active: boolean;
}

function workerRole(teamCode: string): Role {
  if (teamCode === 'MASH') return 'mash_practitioner';
  if (teamCode === 'LEAVING_CARE') return 'personal_adviser';
  if (teamCode.startsWith('FOSTERING') || teamCode === 'POST_SGO') return 'fostering_worker';
  if (teamCode === 'ADOPTION') return 'adoption_worker';
  if (teamCode === 'PERFORMANCE') return 'performance_officer';
  return 'social_worker';
}

/** How many current workers each team needs. */
export function workersNeeded(tally: CaseloadTally): Map<string, number> {
  const need = new Map<string, number>();
  for (const [team, target] of Object.entries(CASELOAD_TARGETS)) {
    const open = (target.unit === 'families' ? tally.openFamilies : tally.openChildren).get(team) ?? 0;
    need.set(team, Math.max(1, Math.ceil(open / target.perWorker)));
  }
  const small = (n: number) => Math.max(1, Math.round(n));
  const lookedAfter = tally.byStatus.get('looked_after') ?? 0;
  need.set('MASH', Math.max(2, Math.ceil(tally.contactsLastYear / CONTACTS_PER_MASH_PRACTITIONER_YEAR)));
  need.set('FOSTERING_SS', small(lookedAfter / LOOKED_AFTER_PER_FOSTERING_WORKER));
  need.set('FOSTERING_RA', small(lookedAfter / (LOOKED_AFTER_PER_FOSTERING_WORKER * 2)));
  need.set('POST_SGO', small(lookedAfter / 150));
  const open = [...tally.openChildren.values()].reduce((a, b) => a + b, 0);
  for (const team of ['FAST', 'FAST_EDT', 'FAST_CONTACT', 'FAST_SAIT', 'FAST_HRP']) need.set(team, small(open / 1_500));
  need.set('PERFORMANCE', 2 + Math.floor(tally.children / 30_000));
  return need;
}

function member(random: Random, n: number, role: Role, teamCode: string, isManager: boolean, active: boolean): StaffMember {
  const male = random.chance(0.25); // about three in four social workers are women (CFG)
  const given = adultGivenName(random, male);
  const family = surname(random);
  const slug = `${given}.${family}`.toLowerCase().replace(/[^a-z0-9.-]/g, '');
  return { id: scaleId('user', n), username: `${slug}.s${String(n)}`, displayName: `${given} ${family}`, role, teamCode, isManager, active };
}

/** The staff of the authority, deterministic in (seed, tally, years). */
export function planStaff(seed: number, tally: CaseloadTally, years: number): StaffMember[] {
  const random = createRandom(mixSeed(seed, 3));
  const staff: StaffMember[] = [];
  let n = 1;
  const add = (role: Role, team: string, isManager: boolean, active: boolean) => staff.push(member(random, n++, role, team, isManager, active));
  for (const [team, workers] of workersNeeded(tally)) {
    const role = workerRole(team);
    const managerRole: Role = team === 'MASH' ? 'mash_manager' : team === 'PERFORMANCE' ? 'performance_officer' : 'team_manager';
    const managers = 1 + Math.floor(workers / WORKERS_PER_MANAGER);
    for (let i = 0; i < managers; i += 1) add(managerRole, team, true, true);
    for (let i = 0; i < workers; i += 1) add(role, team, false, true);
    const former = Math.round(workers * STAFF_TURNOVER_PER_YEAR * years);
    for (let i = 0; i < former; i += 1) add(role, team, false, false);
  }
  const iros = Math.max(1, Math.ceil((tally.byStatus.get('looked_after') ?? 0) / LOOKED_AFTER_PER_IRO));
  const chairs = Math.max(1, Math.ceil((tally.byStatus.get('child_protection') ?? 0) / CP_CHILDREN_PER_CHAIR));
  add('team_manager', 'QA_IRO', true, true);
  for (let i = 0; i < iros; i += 1) add('iro', 'QA_IRO', false, true);
  for (let i = 0; i < chairs; i += 1) add('cp_chair', 'QA_IRO', false, true);
  return staff;
}

/** Who holds a case: current workers for open cases (in turn), anyone who worked there for old ones. */
export class StaffDirectory {
  private readonly current = new Map<string, readonly StaffMember[]>();
  private readonly everyone = new Map<string, readonly StaffMember[]>();
  private readonly managers = new Map<string, readonly StaffMember[]>();
  private readonly turn = new Map<string, number>();

  constructor(readonly staff: readonly StaffMember[]) {
    const group = (pick: (s: StaffMember) => boolean) => {
      const map = new Map<string, StaffMember[]>();
      for (const s of staff) if (pick(s)) map.set(s.teamCode, [...(map.get(s.teamCode) ?? []), s]);
      return map;
    };
    for (const [k, v] of group((s) => s.active && !s.isManager)) this.current.set(k, v);
    for (const [k, v] of group((s) => !s.isManager)) this.everyone.set(k, v);
    for (const [k, v] of group((s) => s.isManager)) this.managers.set(k, v);
  }

  /** The next current worker in the team, in turn, so caseloads come out even. */
  nextCurrent(team: string): string | null {
    const list = this.current.get(team);
    if (list === undefined || list.length === 0) return null;
    const i = this.turn.get(team) ?? 0;
    this.turn.set(team, i + 1);
    return list[i % list.length]?.id ?? null;
  }

  anyWorker(team: string, random: Random): string | null {
    const list = this.everyone.get(team);
    return list === undefined || list.length === 0 ? null : random.pick(list).id;
  }

  manager(team: string): string | null {
    return this.managers.get(team)?.[0]?.id ?? null;
  }
}
