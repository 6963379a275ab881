// Demo staff: one sign-in for each role (printed at start-up), and a manager and workers in every
// team. All names are synthetic.
import type { Role } from '../../domain/shared/access/roles.ts';
import { ROLE_LABELS } from '../../domain/shared/access/roles.ts';
import { TEAMS } from './teams.ts';

export interface DemoUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly teamCode: string;
  readonly isManager: boolean;
}

const uid = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** Stable ids, so tests and docs can name them. */
export const DEMO_USER_IDS = {
  mashPractitioner: uid(1),
  mashManager: uid(2),
  socialWorker: uid(3),
  teamManager: uid(4),
  cpChair: uid(5),
  iro: uid(6),
  personalAdviser: uid(7),
  fosteringWorker: uid(8),
  adoptionWorker: uid(9),
  performanceOfficer: uid(10),
  admin: uid(11),
  otherTeamWorker: uid(12),
} as const;

const ROLE_USERS: readonly DemoUser[] = [
  {
    id: DEMO_USER_IDS.mashPractitioner,
    username: 'mash.practitioner',
    displayName: 'Priya Okafor',
    roles: ['mash_practitioner'],
    teamCode: 'MASH',
    isManager: false,
  },
  { id: DEMO_USER_IDS.mashManager, username: 'mash.manager', displayName: 'Declan Ashworth', roles: ['mash_manager'], teamCode: 'MASH', isManager: true },
  {
    id: DEMO_USER_IDS.socialWorker,
    username: 'social.worker',
    displayName: 'Amara Lindqvist',
    roles: ['social_worker'],
    teamCode: 'FST_NORTH',
    isManager: false,
  },
  { id: DEMO_USER_IDS.teamManager, username: 'team.manager', displayName: 'Gareth Munroe', roles: ['team_manager'], teamCode: 'FST_NORTH', isManager: true },
  { id: DEMO_USER_IDS.cpChair, username: 'cp.chair', displayName: 'Helena Vasquez', roles: ['cp_chair'], teamCode: 'QA_IRO', isManager: false },
  { id: DEMO_USER_IDS.iro, username: 'iro', displayName: 'Tobias Wren', roles: ['iro'], teamCode: 'QA_IRO', isManager: false },
  {
    id: DEMO_USER_IDS.personalAdviser,
    username: 'personal.adviser',
    displayName: 'Keisha Barnwell',
    roles: ['personal_adviser'],
    teamCode: 'LEAVING_CARE',
    isManager: false,
  },
  {
    id: DEMO_USER_IDS.fosteringWorker,
    username: 'fostering.worker',
    displayName: 'Rowan Delacroix',
    roles: ['fostering_worker'],
    teamCode: 'FOSTERING_SS',
    isManager: false,
  },
  {
    id: DEMO_USER_IDS.adoptionWorker,
    username: 'adoption.worker',
    displayName: 'Imogen Farrant',
    roles: ['adoption_worker'],
    teamCode: 'ADOPTION',
    isManager: false,
  },
  {
    id: DEMO_USER_IDS.performanceOfficer,
    username: 'performance.officer',
    displayName: 'Samir Haddad',
    roles: ['performance_officer'],
    teamCode: 'PERFORMANCE',
    isManager: false,
  },
  { id: DEMO_USER_IDS.admin, username: 'admin', displayName: 'Morgan Pryce', roles: ['system_admin'], teamCode: 'ADMIN', isManager: false },
];

/** Named staff the tests rely on beyond one per role: a social worker in another team. */
export const FIXED_STAFF: readonly DemoUser[] = [
  {
    id: DEMO_USER_IDS.otherTeamWorker,
    username: 'other.worker',
    displayName: 'Nell Corrigan',
    roles: ['social_worker'],
    teamCode: 'FST_CENTRAL',
    isManager: false,
  },
];

export const DEMO_USERS = ROLE_USERS.map((u) => ({
  ...u,
  roleLabel: ROLE_LABELS[u.roles[0] ?? 'social_worker'],
  teamName: TEAMS.find((t) => t.code === u.teamCode)?.name ?? u.teamCode,
}));

const STAFF_GIVEN = [
  'Alexis',
  'Bethan',
  'Callum',
  'Dalia',
  'Ewan',
  'Farah',
  'Gideon',
  'Harriet',
  'Idris',
  'Juno',
  'Kieran',
  'Leona',
  'Marcus',
  'Nadia',
  'Oscar',
  'Phoebe',
  'Quentin',
  'Rhea',
  'Stellan',
  'Tamsin',
  'Umar',
  'Verity',
  'Wilf',
  'Yasmin',
  'Zara',
];
const STAFF_FAMILY = [
  'Abernethy',
  'Blackwood',
  'Carrington',
  'Dunmore',
  'Everleigh',
  'Fairbairn',
  'Greaves',
  'Hollis',
  'Ingleby',
  'Jessop',
  'Kilbride',
  'Lockhart',
  'Merriman',
  'Northcott',
  'Ormsby',
  'Pemberton',
  'Quill',
  'Redfern',
  'Sallow',
  'Thackeray',
  'Underwood',
  'Vane',
  'Whitlock',
  'Yardley',
];

function workerRole(teamCode: string): Role {
  if (teamCode === 'MASH') return 'mash_practitioner';
  if (teamCode === 'LEAVING_CARE') return 'personal_adviser';
  if (teamCode.startsWith('FOSTERING') || teamCode === 'POST_SGO') return 'fostering_worker';
  if (teamCode === 'ADOPTION') return 'adoption_worker';
  if (teamCode === 'QA_IRO') return 'iro';
  if (teamCode === 'PERFORMANCE') return 'performance_officer';
  return 'social_worker';
}

/** A manager and two workers for every team that has casework (beyond the role users above). */
export function teamStaff(): DemoUser[] {
  const staff: DemoUser[] = [];
  let n = 100;
  const skip = new Set(['ADMIN', 'PERFORMANCE', 'QA_IRO']);
  for (const team of TEAMS) {
    if (skip.has(team.code)) continue;
    const hasManager = ROLE_USERS.some((u) => u.teamCode === team.code && u.isManager);
    const people: { role: Role; isManager: boolean }[] = [
      ...(hasManager ? [] : [{ role: team.code === 'MASH' ? ('mash_manager' as Role) : ('team_manager' as Role), isManager: true }]),
      { role: workerRole(team.code), isManager: false },
      { role: workerRole(team.code), isManager: false },
    ];
    for (const p of people) {
      const given = STAFF_GIVEN[n % STAFF_GIVEN.length] ?? 'Alex';
      const family = STAFF_FAMILY[(n * 7) % STAFF_FAMILY.length] ?? 'Smith';
      staff.push({
        id: uid(n),
        username: `${given}.${family}.${String(n)}`.toLowerCase(),
        displayName: `${given} ${family}`,
        roles: [p.role],
        teamCode: team.code,
        isManager: p.isManager,
      });
      n += 1;
    }
  }
  return staff;
}
