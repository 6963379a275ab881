// The access matrix (RELIABILITY.md §4.6): who may reach every route, on which record, written out
// here independently of the policy code under test (src/domain/shared/access/*) and turned into
// one cell per route × subject × record state by buildAccessMatrix(), from the server's own route
// table (`buildServer(...).routes`). access-matrix.test.ts runs every cell against the real server.
//
// When you add a route, the matrix test fails until this file knows it:
//  - add an entry to ROUTES ('METHOD /url/:param'); HEAD routes follow their GET entry (and are
//    tried on the first state of each parameter only: they run the GET handler);
//  - a new permission: add it to ROLE_PERMISSIONS under the roles that hold it;
//  - a new URL parameter: add it to PARAMS, with a value for each state worth testing (for a child:
//    ordinary, restricted, sealed, missing) and what each subject should get there;
//  - a POST route: give a valid `body`, so an allowed cell really does its work.
// Deny codes (RELIABILITY.md §3.2): anonymous pages 303 to sign-in, anonymous API 401, a role
// without the permission 403, a restricted record 403 (with whom to ask), a sealed or missing one 404.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { DEMO_ASSESSMENT_IDS } from '../../src/db/seed/demo-assessments.ts';
import { DEMO_CHILD_IDS, DEMO_PASSWORD } from '../../src/db/seed/demo-authority.ts';
import { DEMO_PRE_BIRTH_IDS } from '../../src/db/seed/demo-pre-birth.ts';
import { DEMO_CHILD_PROTECTION_IDS } from '../../src/db/seed/demo-child-protection.ts';
import { DEMO_PEOPLE_IDS } from '../../src/db/seed/demo-people.ts';
import { DEMO_RECORD_IDS } from '../../src/db/seed/demo-records.ts';
import { DEMO_EARLY_HELP_IDS } from '../../src/db/seed/demo-early-help.ts';
import { DEMO_USER_IDS, DEMO_USERS, FIXED_STAFF, teamStaff } from '../../src/db/seed/users.ts';
import { DEMO_CP_IDS } from '../../src/db/seed/demo-child-protection-plans.ts';
import { DEMO_YOUNG_CARER_IDS } from '../../src/db/seed/demo-young-carers.ts';
import type { RouteContractEntry } from '../../src/web/plugins/route-contract.ts';
import type { RequestBody } from './http-client.ts';
import { NOT_YET_IN_MATRIX } from './not-yet-in-matrix.ts';

export const ANONYMOUS = 'anonymous';

/** A social worker in Family Support Team South holding a named grant on the restricted record. */
export const GRANTEE = {
  id: '00000000-0000-4000-a000-000000000001',
  username: 'matrix.grantee',
  displayName: 'Matrix Grantee',
  role: 'social_worker',
  teamCode: 'FST_SOUTH',
} as const;
/** An account the administrator's cells may edit freely. */
export const TARGET_USER = {
  id: '00000000-0000-4000-a000-000000000002',
  username: 'matrix.target',
  displayName: 'Matrix Target',
  role: 'iro',
  teamCode: 'QA_IRO',
} as const;

const OTHER_WORKER = FIXED_STAFF.find((u) => u.username === 'other.worker');

/** Every point of view: one demo user per role, a worker in another team, a named grantee, anonymous. */
export const SUBJECTS: readonly { readonly username: string; readonly roles: readonly string[] }[] = [
  ...DEMO_USERS.map((u) => ({ username: u.username, roles: u.roles })),
  { username: 'other.worker', roles: OTHER_WORKER?.roles ?? ['social_worker'] },
  { username: GRANTEE.username, roles: [GRANTEE.role] },
  { username: ANONYMOUS, roles: [] },
];

// ---------------------------------------------------------------------------------------------
// Function level: which role holds which permission (written out, not read from permissions.ts).
const CASEWORK = [
  'work:view-own',
  'people:view-child',
  'people:change-child',
  'teams:view',
  'records:export-chronology',
  'people:search',
  'people:create-person',
  'pre-birth:record',
  'child-in-need:record',
];
const MANAGER = [
  ...CASEWORK,
  'audit:view',
  'records:record-management-oversight',
  'people:restrict',
  'people:merge',
  'casework:allocate',
  'casework:view-referrals',
  'front-door:view-dashboard',
];
const FRONT_DOOR = ['front-door:record-contact', 'front-door:view-queue', 'front-door:screen'];
// Strategy discussions and section 47 enquiries are recorded by social workers, their managers, the MASH and CP chairs.
const CHILD_PROTECTION = 'child-protection:record-enquiry';

// Early help: the queue for the MASH and case teams, allocation by managers.
const EARLY_HELP_QUEUE = ['early-help:view-queue'];
const EARLY_HELP_ALLOCATE = ['early-help:view-queue', 'early-help:allocate', 'early-help:work'];

// A social worker writes assessments; a team manager writes and authorises them (seed 004 §8).
const ASSESSOR = ['assessments:record'];
const AUTHORISER = ['assessments:record', 'assessments:authorise'];
// Young carers' needs assessments: written by social workers and team managers, authorised by team managers.
const YOUNG_CARER_ASSESSOR = ['young-carers:record'];
const YOUNG_CARER_AUTHORISER = ['young-carers:record', 'young-carers:authorise'];

// Children with disabilities (seed 004 §13): the worker records; the team manager also confirms eligibility and records the panel's decision.
const DISABILITIES_WORKER = ['disabilities:record'];
const DISABILITIES_MANAGER = ['disabilities:record', 'disabilities:confirm', 'disabilities:record-panel-decision'];

export const ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  mash_practitioner: [...CASEWORK, ...FRONT_DOOR, 'front-door:view-dashboard', 'casework:view-referrals', CHILD_PROTECTION, ...EARLY_HELP_QUEUE],
  mash_manager: [...MANAGER, ...FRONT_DOOR, 'front-door:decide', CHILD_PROTECTION, ...EARLY_HELP_ALLOCATE],
  social_worker: [...CASEWORK, CHILD_PROTECTION, ...EARLY_HELP_QUEUE, 'early-help:work', 'child-protection:record', ...ASSESSOR, ...YOUNG_CARER_ASSESSOR, ...DISABILITIES_WORKER],
  // closes child in need episodes (child-in-need:close)
  team_manager: [...MANAGER, CHILD_PROTECTION, 'returns:build', 'child-in-need:close', ...EARLY_HELP_ALLOCATE, 'child-protection:record', 'child-protection:convene', 'child-protection:view-dashboard', ...AUTHORISER, ...YOUNG_CARER_AUTHORISER, ...DISABILITIES_MANAGER],
  cp_chair: [...CASEWORK, CHILD_PROTECTION, 'child-protection:record', 'child-protection:chair', 'child-protection:view-dashboard'],
  iro: CASEWORK,
  personal_adviser: CASEWORK,
  fostering_worker: CASEWORK,
  adoption_worker: CASEWORK,
  // Performance officers report on every child and change none.
  performance_officer: ['work:view-own', 'people:view-child', 'teams:view', 'people:search', 'front-door:view-dashboard', 'returns:build', 'child-protection:view-dashboard'],
  // A system administrator manages accounts and the audit log, and holds no case data.
  system_admin: ['teams:view', 'admin:manage-users', 'audit:verify', 'audit:view'],
};

const KNOWN_PERMISSIONS = new Set(Object.values(ROLE_PERMISSIONS).flat());

// ---------------------------------------------------------------------------------------------
// Record level: what each subject gets on each demo record, to read and to change it.
export type Expected = 'allow' | 403 | 404;
type ReadChange = readonly [read: Expected, change: Expected];
export type RecordState = 'ordinary' | 'restricted' | 'sealed';
const A = 'allow';

/**
 * ordinary: DEMO_CHILD_IDS.allocated, Family Support Team North, allocated to social.worker.
 * restricted: DEMO_CHILD_IDS.restricted, Family Support Team North, allocated to another worker,
 *   team.manager is the named contact, GRANTEE holds a named grant.
 * sealed: DEMO_CHILD_IDS.sealed, Adoption, allocated to and granted to adoption.worker only.
 */
export const RECORD_ACCESS: Readonly<Record<string, Readonly<Record<RecordState, ReadChange>>>> = {
  // cross-case roles read and change ordinary records; never restricted or sealed ones
  'mash.practitioner': { ordinary: [A, A], restricted: [403, 403], sealed: [404, 404] },
  'mash.manager': { ordinary: [A, A], restricted: [403, 403], sealed: [404, 404] },
  // the allocated worker of the ordinary record; in the restricted record's team but not its worker
  'social.worker': { ordinary: [A, A], restricted: [403, 403], sealed: [404, 404] },
  // manages the allocated team; named contact of the restricted record
  'team.manager': { ordinary: [A, A], restricted: [A, A], sealed: [404, 404] },
  'cp.chair': { ordinary: [A, A], restricted: [403, 403], sealed: [404, 404] },
  iro: { ordinary: [A, A], restricted: [403, 403], sealed: [404, 404] },
  // no relationship to any of them
  'personal.adviser': { ordinary: [403, 403], restricted: [403, 403], sealed: [404, 404] },
  'fostering.worker': { ordinary: [403, 403], restricted: [403, 403], sealed: [404, 404] },
  // the only one named on the sealed record
  'adoption.worker': { ordinary: [403, 403], restricted: [403, 403], sealed: [A, A] },
  // reads every ordinary record, changes nothing
  'performance.officer': { ordinary: [A, 403], restricted: [403, 403], sealed: [404, 404] },
  // no case data (and no one, administrator included, learns a sealed record exists)
  admin: { ordinary: [403, 403], restricted: [403, 403], sealed: [404, 404] },
  // a social worker in another team
  'other.worker': { ordinary: [403, 403], restricted: [403, 403], sealed: [404, 404] },
  // a named grant opens the restricted record, and nothing else
  [GRANTEE.username]: { ordinary: [403, 403], restricted: [A, A], sealed: [404, 404] },
};

// ---------------------------------------------------------------------------------------------
// URL parameters: the values each is tried with, and what each subject should get there.
export interface ParamState {
  readonly state: string;
  readonly value: string;
  expect(subject: string, action: 'read' | 'change'): Expected;
  /** A refusal here must leave an `access.record.refused` audit row (record-level refusals do). */
  readonly auditedRefusal: boolean;
  /**
   * For an id that lives inside another record (a note inside a child's record): the states of the
   * enclosing parameter this value is tried with, e.g. { param: 'childId', states: ['restricted'] }.
   */
  readonly within?: { readonly param: string; readonly states: readonly string[] };
  /** For a record each subject needs for themselves (one a POST uses up): the value for that subject. */
  valueFor?(subject: string): string;
}

const recordState = (state: RecordState, value: string): ParamState => ({
  state,
  value,
  expect: (subject, action) => RECORD_ACCESS[subject]?.[state][action === 'read' ? 0 : 1] ?? 404,
  auditedRefusal: true,
});

const rolesOf = (subject: string): readonly string[] => SUBJECTS.find((s) => s.username === subject)?.roles ?? [];
const holds = (subject: string, permission: string): boolean => rolesOf(subject).some((role) => ROLE_PERMISSIONS[role]?.includes(permission));

export const MISSING_CHILD_ID = '00000000-0000-4000-9000-0000000dead0';
const MISSING_ID = '00000000-0000-4000-a000-00000000dead';

const fixture = (n: number): string => `00000000-0000-4000-a000-${String(100 + n).padStart(12, '0')}`;
/** Records the security fixtures (fixtures.ts) put inside each demo record, by record state. */
export const FIXTURE_IDS = {
  ordinary: {
    note: DEMO_RECORD_IDS.safetyPlanNote,
    document: DEMO_RECORD_IDS.safetyPlanDocument,
    name: fixture(1),
    contact: fixture(2),
    contactPerson: fixture(3),
  },
  restricted: { note: fixture(11), document: fixture(12), name: fixture(13), contact: fixture(14), contactPerson: fixture(15) },
  sealed: { note: fixture(21), document: fixture(22), name: fixture(23), contact: fixture(24), contactPerson: fixture(25) },
  /** A contact whose child is not yet linked to any record: the MASH's alone. */
  unlinked: { contact: fixture(31), contactPerson: fixture(32) },
  /** Adults restricted (team.manager the contact, GRANTEE granted) and sealed (adoption.worker granted) like the demo children. */
  restrictedAdult: fixture(41),
  sealedAdult: fixture(42),
  /** A second restricted adult, to be merged into another record (the first stays, to merge others into). */
  restrictedAdult2: fixture(43),
  /** A contact about the ordinary child with consent and level of need recorded: ready for its decision. */
  decide: { contact: fixture(51), contactPerson: fixture(52) },
  /** Referrals to Family Support Team North awaiting allocation, about each demo child. */
  referral: { ordinary: fixture(61), restricted: fixture(62), sealed: fixture(63) },
} as const;

/** Records each subject uses up for themselves (a name to remove, two adults to merge), by subject. */
export const subjectIndex = (subject: string): number => SUBJECTS.findIndex((s) => s.username === subject);
export const perSubject = {
  name: (state: RecordState, subject: string): string => fixture(200 + RECORD_STATES.indexOf(state) * 20 + subjectIndex(subject)),
  mergeSurvivor: (subject: string): string => fixture(300 + subjectIndex(subject)),
  mergeDuplicate: (subject: string): string => fixture(320 + subjectIndex(subject)),
  mergeSecond: (subject: string): string => fixture(340 + subjectIndex(subject)),
};

const RECORD_STATES = ['ordinary', 'restricted', 'sealed'] as const;

/** An id inside a child's record, tried in its own record and (as `other-record`) inside another. */
function inside(param: string, kind: 'note' | 'document'): ParamState[] {
  const allow = () => 'allow' as const;
  return [
    ...RECORD_STATES.map((state) => ({ state, value: FIXTURE_IDS[state][kind], expect: allow, auditedRefusal: false, within: { param, states: [state] } })),
    // the sealed record's id under the ordinary record's URL: never reached through another record
    { state: 'other-record', value: FIXTURE_IDS.sealed[kind], expect: () => 404 as const, auditedRefusal: false, within: { param, states: ['ordinary'] } },
    { state: 'missing', value: MISSING_ID, expect: () => 404 as const, auditedRefusal: false, within: { param, states: ['ordinary'] } },
  ];
}

/** A contact: before its child is linked, the MASH's alone; once linked, the child's record decides. */
function contactState(state: RecordState | 'unlinked'): ParamState {
  if (state === 'unlinked') {
    return { state, value: FIXTURE_IDS.unlinked.contact, expect: (subject) => (holds(subject, 'front-door:view-queue') ? 'allow' : 403), auditedRefusal: true };
  }
  const child = recordState(state, FIXTURE_IDS[state].contact);
  // changing a contact (screening, deciding) is the MASH's work, whoever holds the child's record
  return { ...child, expect: (subject, action) => (action === 'change' && !holds(subject, 'front-door:screen') ? 403 : child.expect(subject, action)) };
}

/** A record reached through another id (a strategy discussion, an enquiry) whose child is in `state`. */
const childRecordState = (name: string, state: RecordState, value: string): ParamState => ({ ...recordState(state, value), state: name });

/**
 * A group strategy meeting about the ordinary and the restricted child: open to whoever may open
 * either child's record (each sees only the children they may), refused (403) to everyone else.
 */
const groupMeetingState: ParamState = {
  state: 'group (ordinary + restricted)',
  value: DEMO_CHILD_PROTECTION_IDS.groupMeeting,
  expect: (subject, action) => {
    const access = RECORD_ACCESS[subject];
    const i = action === 'read' ? 0 : 1;
    if (access?.ordinary[i] === 'allow' || access?.restricted[i] === 'allow') return 'allow';
    return 403;
  },
  auditedRefusal: true,
};

const missingIdStates = (): ParamState[] => [
  { state: 'missing', value: '00000000-0000-4000-9000-0000000dead1', expect: () => 404, auditedRefusal: false },
  { state: 'malformed', value: 'not-a-uuid', expect: () => 404, auditedRefusal: false },
];
export const MISSING_ASSESSMENT_ID = '00000000-0000-4000-8a55-0000000dead0';
export const MISSING_YOUNG_CARER_ID = '00000000-0000-4000-8c4e-0000000dead0';

/** The referral the in-progress demo assessment was started from (allocated, on the ordinary record). */
const ASSESSMENT_REFERRAL: Readonly<Record<string, readonly ParamState[]>> = {
  referralId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.inProgressReferral), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
};

export const PARAMS: Readonly<Record<string, readonly ParamState[]>> = {
  childId: [
    recordState('ordinary', DEMO_CHILD_IDS.allocated),
    recordState('restricted', DEMO_CHILD_IDS.restricted),
    recordState('sealed', DEMO_CHILD_IDS.sealed),
    { state: 'missing', value: MISSING_CHILD_ID, expect: () => 404, auditedRefusal: true },
    { state: 'malformed', value: 'not-a-uuid', expect: () => 404, auditedRefusal: false },
  ],
  // The pre-birth pages (src/web/pre-birth/shared.ts) on a record that began unborn: the demo unborn
  // child at about 18 weeks is allocated like the ordinary record (Family Support Team North, the demo
  // social worker, no grants), so it gets the ordinary record's expectations. The restricted and sealed
  // demo records are born children with no pre-birth plan (their forms answer 404 even to those who
  // may open them), so they are not states here; the pages use the same guard as every child page
  // (openChildRecord), whose restricted and sealed answers the :childId routes above test.
  preBirthChildId: [
    recordState('ordinary', DEMO_PRE_BIRTH_IDS.unborn18Weeks),
    { state: 'missing', value: MISSING_CHILD_ID, expect: () => 404, auditedRefusal: true },
    { state: 'malformed', value: 'not-a-uuid', expect: () => 404, auditedRefusal: false },
  ],
  strategyDiscussionId: [
    groupMeetingState,
    childRecordState('ordinary child', 'ordinary', DEMO_CHILD_PROTECTION_IDS.ordinaryDiscussion),
    childRecordState('restricted child', 'restricted', DEMO_CHILD_PROTECTION_IDS.restrictedDiscussion),
    ...missingIdStates(),
  ],
  section47Id: [
    childRecordState('ordinary child', 'ordinary', DEMO_CHILD_PROTECTION_IDS.ordinaryEnquiry),
    childRecordState('restricted child', 'restricted', DEMO_CHILD_PROTECTION_IDS.restrictedEnquiry),
    ...missingIdStates(),
  ],
  // Return runs (src/web/returns): any holder of returns:build sees any run; none exists in the demo.
  runId: [
    { state: 'missing', value: '00000000-0000-4000-a000-00000000beef', expect: () => 404, auditedRefusal: false },
    { state: 'malformed', value: 'not-a-uuid', expect: () => 404, auditedRefusal: false },
  ],
  // any person's record: a child's follows the child-record rules; an ordinary adult's is open to
  // every role that opens children's records, and changed by every role that changes them
  personId: [
    recordState('ordinary', DEMO_CHILD_IDS.allocated),
    recordState('restricted', DEMO_CHILD_IDS.restricted),
    recordState('sealed', DEMO_CHILD_IDS.sealed),
    {
      state: 'adult',
      value: DEMO_PEOPLE_IDS.duplicateMother,
      expect: (subject, action) => (holds(subject, action === 'read' ? 'people:view-child' : 'people:change-child') ? 'allow' : 403),
      auditedRefusal: true,
    },
    { state: 'missing', value: MISSING_CHILD_ID, expect: () => 404, auditedRefusal: true },
    { state: 'malformed', value: 'not-a-uuid', expect: () => 404, auditedRefusal: false },
  ],
  noteId: inside('childId', 'note'),
  documentId: inside('childId', 'document'),
  contactId: [
    contactState('unlinked'),
    contactState('ordinary'),
    contactState('restricted'),
    contactState('sealed'),
    { state: 'missing', value: MISSING_ID, expect: () => 404, auditedRefusal: false },
  ],
  contactPersonId: [
    ...(['unlinked', ...RECORD_STATES] as const).map((state) => ({
      state,
      value: FIXTURE_IDS[state].contactPerson,
      expect: () => 'allow' as const,
      auditedRefusal: false,
      within: { param: 'contactId', states: [state] },
    })),
    // the sealed contact's person under the ordinary contact's URL
    {
      state: 'other-contact',
      value: FIXTURE_IDS.sealed.contactPerson,
      expect: () => 404,
      auditedRefusal: false,
      within: { param: 'contactId', states: ['ordinary'] },
    },
  ],
  // a name each subject may remove (once) from each record; another record's name; none
  nameId: [
    ...RECORD_STATES.map((state) => ({
      state,
      value: perSubject.name(state, 'anonymous'),
      valueFor: (subject: string) => perSubject.name(state, subject),
      expect: () => 'allow' as const,
      auditedRefusal: false,
      within: { param: 'personId', states: [state] },
    })),
    {
      state: 'other-record',
      value: FIXTURE_IDS.sealed.name,
      expect: () => 404 as const,
      auditedRefusal: false,
      within: { param: 'personId', states: ['ordinary'] },
    },
    { state: 'missing', value: MISSING_ID, expect: () => 404 as const, auditedRefusal: false, within: { param: 'personId', states: ['ordinary'] } },
  ],
  agency: [
    // a check requested from the police on every fixture contact
    ...(['unlinked', ...RECORD_STATES] as const).map((state) => ({
      state: `police (${state})`,
      value: 'police',
      expect: () => 'allow' as const,
      auditedRefusal: false,
      within: { param: 'contactId', states: [state] },
    })),
    { state: 'not-requested', value: 'housing', expect: () => 404, auditedRefusal: false, within: { param: 'contactId', states: ['ordinary'] } },
    { state: 'unknown-agency', value: 'nowhere', expect: () => 404, auditedRefusal: false, within: { param: 'contactId', states: ['ordinary'] } },
  ],
  // allocating a referral: the child's record rules for a change, and a manager of the referral's team
  // (Family Support Team North: team.manager) or a MASH manager, who allocates for every team
  referralId: [
    ...RECORD_STATES.map((state) => {
      const child = recordState(state, FIXTURE_IDS.referral[state]);
      const mayAllocate = (subject: string) => subject === 'team.manager' || rolesOf(subject).includes('mash_manager');
      return {
        ...child,
        expect: (subject: string) => (child.expect(subject, 'change') === 'allow' && !mayAllocate(subject) ? 403 : child.expect(subject, 'change')),
      };
    }),
    { state: 'missing', value: MISSING_ID, expect: () => 404, auditedRefusal: false },
  ],
  // The demo early help referral waiting in the queue (its child is with the early help team, no
  // worker): only a MASH manager among the subjects may allocate it (team.manager manages another team).
  earlyHelpReferralId: [
    { state: 'waiting', value: DEMO_EARLY_HELP_IDS.queueReferral, expect: (subject) => (subject === 'mash.manager' ? 'allow' : 403), auditedRefusal: true },
    { state: 'missing', value: '00000000-0000-4000-8e00-0000000dead0', expect: () => 404, auditedRefusal: false },
  ],
  // The demo episode waiting for its wellbeing assessment (its child is with an early help worker):
  // only a MASH manager among the subjects may work on it.
  earlyHelpEpisodeId: [
    { state: 'open', value: DEMO_EARLY_HELP_IDS.allocatedEpisode, expect: (subject) => (subject === 'mash.manager' ? 'allow' : 403), auditedRefusal: true },
    { state: 'missing', value: '00000000-0000-4000-8e00-0000000dead1', expect: () => 404, auditedRefusal: false },
  ],
  // The ordinary demo child's first review conference, waiting to be held (the chair records it once):
  // a conference page is a page of that child's record.
  conferenceId: [
    recordState('ordinary', DEMO_CP_IDS.allocatedReview),
    { state: 'missing', value: '00000000-0000-4000-8c00-0000000dead0', expect: () => 404, auditedRefusal: false },
  ],
  // A conference that has been held (its letters exist): the ordinary demo child's initial conference.
  heldConferenceId: [
    recordState('ordinary', DEMO_CP_IDS.allocatedInitialConference),
    { state: 'missing', value: '00000000-0000-4000-8c00-0000000dead0', expect: () => 404, auditedRefusal: false },
  ],
  // Assessment pages are addressed by the assessment; its child's record decides access. Each page
  // names its parameter for the state it acts on, and gets the demo assessment in that state
  // (src/db/seed/demo-assessments.ts), on a child with the ordinary record's facts: Family Support
  // Team North, allocated to social.worker.
  assessmentId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.inProgress), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
  // Young carers' assessments (src/db/seed/demo-young-carers.ts), as assessments: on children with the ordinary record's facts.
  youngCarerAssessmentId: [recordState('ordinary', DEMO_YOUNG_CARER_IDS.inProgress), { state: 'missing', value: MISSING_YOUNG_CARER_ID, expect: () => 404, auditedRefusal: false }],
  authorisedYoungCarerAssessmentId: [
    recordState('ordinary', DEMO_YOUNG_CARER_IDS.authorised),
    { state: 'missing', value: MISSING_YOUNG_CARER_ID, expect: () => 404, auditedRefusal: false },
  ],
  submittedYoungCarerAssessmentId: [
    recordState('ordinary', DEMO_YOUNG_CARER_IDS.awaitingAuthorisation),
    { state: 'missing', value: MISSING_YOUNG_CARER_ID, expect: () => 404, auditedRefusal: false },
  ],
  submittedAssessmentId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.awaitingAuthorisation), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
  authorisedAssessmentId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.authorised), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
  userId: [
    { state: 'existing', value: TARGET_USER.id, expect: () => 'allow', auditedRefusal: false },
    { state: 'missing', value: '00000000-0000-4000-a000-0000000dead0', expect: () => 404, auditedRefusal: false },
  ],
};

/** Adults restricted and sealed like the demo children, and two adults of each subject's own to merge. */
const restrictedAdult = recordState('restricted', FIXTURE_IDS.restrictedAdult);
const sealedAdult = recordState('sealed', FIXTURE_IDS.sealedAdult);
const ownAdult = (state: string, valueFor: (subject: string) => string): ParamState => ({
  state,
  value: valueFor('anonymous'),
  valueFor,
  expect: (subject, action) => (holds(subject, action === 'read' ? 'people:view-child' : 'people:change-child') ? 'allow' : 403),
  auditedRefusal: true,
});
const missingPerson: ParamState = { state: 'missing', value: MISSING_CHILD_ID, expect: () => 404, auditedRefusal: true };
/**
 * Merging (the second record into the first): the subject's own adult with their own duplicate and
 * with each record state, and each record state with a second adult of the subject's own. Every
 * record an allowed merge uses up is used once: a restricted adult merged into the subject's own, and
 * another restricted adult that keeps its place as a survivor.
 */
const MERGE_PARAMS: Readonly<Record<string, readonly ParamState[]>> = {
  personId: [ownAdult('own-adult', perSubject.mergeSurvivor), restrictedAdult, sealedAdult, missingPerson],
  otherId: [
    { ...ownAdult('own-duplicate', perSubject.mergeDuplicate), within: { param: 'personId', states: ['own-adult'] } },
    ...[recordState('restricted', FIXTURE_IDS.restrictedAdult2), sealedAdult, missingPerson].map((s) => ({
      ...s,
      within: { param: 'personId', states: ['own-adult'] },
    })),
    { ...ownAdult('own-second', perSubject.mergeSecond), within: { param: 'personId', states: ['restricted', 'sealed', 'missing'] } },
  ],
};

// ---------------------------------------------------------------------------------------------
// Routes.
export interface BodyContext {
  /** The subject making the request. */
  readonly subject: string;
  /** A fresh name, for records that must be unique. */
  unique(prefix: string): string;
  /** The version of a staff account now, for a save that is not stale. */
  userVersion(userId: string): Promise<number>;
  /** The URL parameters of the request, by name. */
  readonly params: Readonly<Record<string, string>>;
  /** The database, to read what a valid body needs (a record's version); bodies must not write. */
  readonly db: Kysely<Database>;
  /** The version of a child's active child protection plan now (0 if none), for a save that is not stale. */
  cpPlanVersion?(childId: string): Promise<number>;
  readonly url?: string;
  /** The version of an assessment now, for a save that is not stale. */
  assessmentVersion(assessmentId: string): Promise<number>;
}

const NO_PLAN = { planId: '00000000-0000-4000-8000-000000000000', version: '1' };
/** Before the matrix's clock: every date below is in the past, and on or after the plan was agreed. */
const CIN_DAY = '2025-01-06';

/**
 * The child in need plan a POST in the url acts on, with its version now. So every allowed cell does
 * real work whatever ran before it (a closure ends the plan), the child is given an agreed plan with a
 * draft update if it has none (as a review that asked for an update leaves it).
 */
async function cinPlanFields(ctx: BodyContext): Promise<{ planId: string; version: string }> {
  const { db, url } = ctx;
  const childId = url === undefined ? undefined : /^\/children\/([0-9a-f-]{36})\//.exec(url)?.[1];
  if (childId === undefined) return NO_PLAN;
  if ((await db.selectFrom('person').select('id').where('id', '=', childId).executeTakeFirst()) === undefined) return NO_PLAN;
  let plan = await db.selectFrom('cinPlan').select(['id', 'status', 'version']).where('childId', '=', childId).where('status', '<>', 'ended').executeTakeFirst();
  if (plan?.status === 'draft') {
    await db.updateTable('cinPlan').set({ status: 'ended', endedOn: CIN_DAY, openedOn: CIN_DAY }).where('id', '=', plan.id).execute();
    await db.updateTable('cinEpisode').set({ startedOn: CIN_DAY, closedOn: CIN_DAY, closureReason: 'RC7', closedAt: new Date() }).where('childId', '=', childId).where('closedOn', 'is', null).execute();
    plan = undefined;
  }
  if (plan === undefined) {
    const allocation = await db.selectFrom('allocation').select('teamId').where('childId', '=', childId).where('endedOn', 'is', null).executeTakeFirstOrThrow();
    await db.updateTable('cinEpisode').set({ closedOn: CIN_DAY, closureReason: 'RC7', closedAt: new Date() }).where('childId', '=', childId).where('closedOn', 'is', null).where('startedOn', '<=', CIN_DAY).execute();
    const episode = await db.insertInto('cinEpisode').values({ childId, startedOn: CIN_DAY, assessmentId: null }).returning('id').executeTakeFirstOrThrow();
    const created = await db
      .insertInto('cinPlan')
      .values({ episodeId: episode.id, childId, assessmentId: null, teamId: allocation.teamId, workerUserId: null, status: 'active', openedOn: CIN_DAY, agreedOn: CIN_DAY })
      .returning(['id', 'status', 'version'])
      .executeTakeFirstOrThrow();
    await db
      .insertInto('cinPlanVersion')
      .values({ planId: created.id, number: 1, status: 'finalised', outcomes: '[]', actions: '[]', contingency: 'Access matrix contingency', qualityFlags: [], finalisedOn: CIN_DAY, finalisedAt: new Date(), updatedAt: new Date() })
      .execute();
    plan = created;
  }
  const versions = await db.selectFrom('cinPlanVersion').select(['number', 'status']).where('planId', '=', plan.id).execute();
  if (!versions.some((v) => v.status === 'draft')) {
    await db
      .insertInto('cinPlanVersion')
      .values({ planId: plan.id, number: Math.max(0, ...versions.map((v) => v.number)) + 1, outcomes: '[]', actions: '[]', updatedAt: new Date() })
      .execute();
  }
  return { planId: plan.id, version: String(plan.version) };
}

/** Before the matrix's clock: the day the matrix's disabilities records are dated. */
const CWD_DAY = '2025-01-06';
const NO_CWD = { decisionId: '00000000-0000-4000-8000-000000000000', version: 1, shortBreak: '00000000-0000-4000-8000-000000000000:1', request: '00000000-0000-4000-8000-000000000000:1' };

/**
 * The disabilities records a POST in the url acts on, made ready whatever ran before it: a confirmed
 * eligible decision (short breaks and budgets need one), a decision awaiting the team manager (for
 * the confirmation), an active short break (for its review) and a request awaiting the panel.
 */
async function cwdFields(ctx: BodyContext): Promise<typeof NO_CWD & { confirmedId: string }> {
  const { db, url } = ctx;
  const childId = url === undefined ? undefined : /^\/children\/([0-9a-f-]{36})\//.exec(url)?.[1];
  if (childId === undefined) return { ...NO_CWD, confirmedId: NO_CWD.decisionId };
  if ((await db.selectFrom('person').select('id').where('id', '=', childId).executeTakeFirst()) === undefined) return { ...NO_CWD, confirmedId: NO_CWD.decisionId };
  const now = new Date();
  const nextNumber = async () =>
    ((await db.selectFrom('cwdEligibilityDecision').select((eb) => eb.fn.max<number | null>('number').as('max')).where('childId', '=', childId).executeTakeFirst())?.max ?? 0) + 1;
  const decision = (status: 'recorded' | 'confirmed', number: number) => ({
    childId,
    number,
    status,
    outcome: 'eligible' as const,
    reason: 'Access matrix: meets the criterion',
    decidingCodes: ['SEVERE_LEARNING_DISABILITY'],
    summary: 'Access matrix',
    decidedOn: CWD_DAY,
    recordedByUserId: DEMO_USER_IDS.socialWorker,
    recordedAt: now,
    ...(status === 'confirmed' ? { reviewedByUserId: DEMO_USER_IDS.teamManager, reviewedAt: now } : {}),
  });
  let confirmed = await db.selectFrom('cwdEligibilityDecision').select(['id', 'outcome']).where('childId', '=', childId).where('status', '=', 'confirmed').executeTakeFirst();
  if (confirmed?.outcome !== 'eligible') {
    await db.updateTable('cwdEligibilityDecision').set({ status: 'superseded' }).where('childId', '=', childId).where('status', '=', 'confirmed').execute();
    confirmed = await db.insertInto('cwdEligibilityDecision').values(decision('confirmed', await nextNumber())).returning(['id', 'outcome']).executeTakeFirstOrThrow();
  }
  const recorded =
    (await db.selectFrom('cwdEligibilityDecision').select(['id', 'version']).where('childId', '=', childId).where('status', '=', 'recorded').executeTakeFirst()) ??
    (await db.insertInto('cwdEligibilityDecision').values(decision('recorded', await nextNumber())).returning(['id', 'version']).executeTakeFirstOrThrow());
  const shortBreak =
    (await db.selectFrom('cwdShortBreak').select(['id', 'version']).where('childId', '=', childId).where('status', '=', 'active').where('startsOn', '=', CWD_DAY).executeTakeFirst()) ??
    (await db
      .insertInto('cwdShortBreak')
      .values({ childId, eligibilityDecisionId: confirmed.id, breakType: 'activities', provider: 'Matrix club', amount: 50, unit: 'hours', startsOn: CWD_DAY, recordedByUserId: DEMO_USER_IDS.socialWorker, recordedAt: now })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow());
  const request =
    (await db.selectFrom('cwdBudgetRequest').select(['id', 'version']).where('childId', '=', childId).where('status', 'in', ['submitted', 'deferred']).where('requestedOn', '=', CWD_DAY).executeTakeFirst()) ??
    (await db
      .insertInto('cwdBudgetRequest')
      .values({ childId, eligibilityDecisionId: confirmed.id, amountPence: 100_000, purpose: 'Matrix', requestedOn: CWD_DAY, panelDate: CWD_DAY, recordedByUserId: DEMO_USER_IDS.socialWorker, recordedAt: now })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow());
  return {
    decisionId: recorded.id,
    version: recorded.version,
    confirmedId: confirmed.id,
    shortBreak: `${shortBreak.id}:${String(shortBreak.version)}`,
    request: `${request.id}:${String(request.version)}`,
  };
}

/** Tables a disabilities POST's body may fill before a refused request (its records made ready). */
const CWD_TABLES = ['cwd_eligibility_decision', 'cwd_short_break', 'cwd_budget_request'];

export interface RouteEntry {
  /** What a route with :childId does to the record. Default: read for GET, change for POST. */
  readonly record?: 'read' | 'change';
  /** Statuses meaning "allowed". Default: [200] for GET and HEAD, [303] for POST. */
  readonly allow?: readonly number[];
  /** POST: a valid body, so an allowed cell does its work (a form, or JSON under /api/). */
  readonly body?: (ctx: BodyContext) => RequestBody | Promise<RequestBody>;
  /** URL parameters tried on this route instead of PARAMS (records a POST uses up, or must be of a kind). */
  readonly params?: Readonly<Record<string, readonly ParamState[]>>;
  /**
   * Puts back what an allowed request changed that the rest of the matrix relies on (a restriction
   * applied or lifted, a contact's child linked), run after every request to the route.
   */
  readonly reset?: (ctx: BodyContext) => Promise<void>;
  /** A query string for the URL (without `?`), where the page only does its work with one (a search). */
  readonly query?: string;
  /** Audit actions that also count as this route's (a person's page audits a child's view as one). */
  readonly alsoAudits?: readonly string[];
  /** Bad-input suite: statuses this route may also answer (beyond 2xx/3xx/400/403/409/413/422). */
  readonly badInputStatuses?: readonly number[];
  /** Bad-input suite: read audit actions a refused request writes (a form shown again with its errors shows the record). */
  readonly auditsWhenRefused?: readonly string[];
  /** Bad-input suite: tables a refused request legitimately writes to (beyond refusal audit rows). */
  readonly writesWhenRefused?: readonly string[];
}

/** A GOV.UK date input's three fields for the day `daysAgo` before now. */
const dateParts = (field: string, daysAgo: number): Record<string, string> => {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return { [`${field}-day`]: String(d.getUTCDate()), [`${field}-month`]: String(d.getUTCMonth() + 1), [`${field}-year`]: String(d.getUTCFullYear()) };
};

const newUserForm = (ctx: BodyContext) => ({
  displayName: 'Matrix New User',
  username: ctx.unique('matrix.new'),
  password: 'a-long-enough-password',
  roles: 'iro',
});

// Bodies that need the record as it is now (a version), and resets for requests that change what
// the rest of the matrix relies on. Bodies only read; resets put back what a request changed.
const uuidOrNull = (value: string | undefined): string | null =>
  value !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) ? value : null;

async function contactVersion(ctx: BodyContext): Promise<string> {
  const id = uuidOrNull(ctx.params['contactId']);
  const row = id === null ? undefined : await ctx.db.selectFrom('contact').select('version').where('id', '=', id).executeTakeFirst();
  return String(row?.version ?? 1);
}

async function personVersion(ctx: BodyContext, param = 'personId'): Promise<string> {
  const id = uuidOrNull(ctx.params[param]);
  const row = id === null ? undefined : await ctx.db.selectFrom('person').select('version').where('id', '=', id).executeTakeFirst();
  return String(row?.version ?? 1);
}

/** An ordinary adult the person is not yet recorded as connected to (not one of the matrix's own). */
async function relationshipForm(ctx: BodyContext, param: string): Promise<Record<string, string>> {
  const personId = uuidOrNull(ctx.params[param]) ?? MISSING_CHILD_ID;
  const related = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('personType', '=', 'adult')
    .where('restriction', '=', 'none')
    .where('mergedIntoPersonId', 'is', null)
    .where(sql<string>`id::text`, 'not like', '00000000-0000-4000-a000-%')
    .where(
      'id',
      'not in',
      ctx.db.selectFrom('personRelationship').select('relatedPersonId').where('personId', '=', personId).where('relationship', '=', 'connected_person'),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { relatedPersonId: related.id, relationship: 'connected_person', parentalResponsibility: 'no', livesWith: 'no' };
}

/** A relationship the person has: one the matrix added if there is one. */
async function relationshipToRemove(ctx: BodyContext, param: string): Promise<Record<string, string>> {
  const personId = uuidOrNull(ctx.params[param]) ?? MISSING_CHILD_ID;
  const rows = await ctx.db
    .selectFrom('personRelationship')
    .select(['relatedPersonId', 'relationship'])
    .where('personId', '=', personId)
    .orderBy('relatedPersonId')
    .execute();
  const row = rows.find((r) => r.relationship === 'connected_person') ?? rows[0];
  return { relatedPersonId: row?.relatedPersonId ?? MISSING_CHILD_ID, relationship: row?.relationship ?? 'connected_person' };
}

/** What a request may change that others rely on, as it was before the matrix's first request to it. */
const saved = new Map<string, () => Promise<void>>();

async function keepRestriction(ctx: BodyContext): Promise<void> {
  const id = uuidOrNull(ctx.params['personId']);
  if (id === null || saved.has(`person:${id}`)) return;
  const row = await ctx.db
    .selectFrom('person')
    .select(['restriction', 'restrictionContactUserId', 'restrictionReason', 'restrictedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row !== undefined)
    saved.set(`person:${id}`, async () => {
      await ctx.db.updateTable('person').set(row).where('id', '=', id).execute();
    });
}

async function keepLink(ctx: BodyContext): Promise<void> {
  const id = uuidOrNull(ctx.params['contactPersonId']);
  if (id === null || saved.has(`contactPerson:${id}`)) return;
  const row = await ctx.db.selectFrom('contactPerson').select(['personId', 'linkedByUserId', 'linkedAt']).where('id', '=', id).executeTakeFirst();
  if (row !== undefined)
    saved.set(`contactPerson:${id}`, async () => {
      await ctx.db.updateTable('contactPerson').set(row).where('id', '=', id).execute();
    });
}

const restore = (key: string, param: string) => async (ctx: BodyContext) => {
  await saved.get(`${key}:${ctx.params[param] ?? ''}`)?.();
};

/** The person a contact's child is linked to now, or the ordinary child for a child not yet linked. */
async function linkForm(ctx: BodyContext): Promise<Record<string, string>> {
  await keepLink(ctx);
  const id = uuidOrNull(ctx.params['contactPersonId']);
  const row = id === null ? undefined : await ctx.db.selectFrom('contactPerson').select('personId').where('id', '=', id).executeTakeFirst();
  // a child already linked is linked again to another record (a real change); one not yet linked, to the ordinary child
  if (row?.personId === undefined || row.personId === null) return { personId: DEMO_CHILD_IDS.allocated };
  return { personId: row.personId === DEMO_PEOPLE_IDS.duplicateOriginal ? DEMO_CHILD_IDS.allocated : DEMO_PEOPLE_IDS.duplicateOriginal };
}

/** A partner agency not yet asked on any fixture contact, different for each subject. */
const AGENCIES_TO_ASK = ['health', 'education', 'probation', 'domestic_abuse_service', 'early_help', 'adult_social_care'] as const;
const agencyFor = (subject: string): string => AGENCIES_TO_ASK[subjectIndex(subject) % AGENCIES_TO_ASK.length] ?? 'health';

async function keepReferral(ctx: BodyContext): Promise<void> {
  const id = uuidOrNull(ctx.params['referralId']);
  if (id === null || saved.has(`referral:${id}`)) return;
  const row = await ctx.db
    .selectFrom('referral')
    .select(['status', 'allocatedWorkerUserId', 'allocatedByUserId', 'allocatedAt', 'allocationId'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row !== undefined)
    saved.set(`referral:${id}`, async () => {
      await ctx.db.updateTable('referral').set(row).where('id', '=', id).execute();
    });
}

async function agencyCheckVersion(ctx: BodyContext): Promise<string> {
  const id = uuidOrNull(ctx.params['contactId']);
  const row =
    id === null
      ? undefined
      : await ctx.db
          .selectFrom('agencyCheck')
          .select('version')
          .where('contactId', '=', id)
          .where('agency', '=', ctx.params['agency'] ?? '')
          .executeTakeFirst();
  return String(row?.version ?? 1);
}

/** The worker the referral's child is allocated to now (so allocating changes no one's access). */
async function allocationForm(ctx: BodyContext): Promise<Record<string, string>> {
  await keepReferral(ctx);
  const id = uuidOrNull(ctx.params['referralId']);
  const referral = id === null ? undefined : await ctx.db.selectFrom('referral').select(['childId', 'version']).where('id', '=', id).executeTakeFirst();
  const allocation =
    referral === undefined
      ? undefined
      : await ctx.db.selectFrom('allocation').select('workerUserId').where('childId', '=', referral.childId).where('endedOn', 'is', null).executeTakeFirst();
  return { workerUserId: allocation?.workerUserId ?? DEMO_USER_IDS.socialWorker, version: String(referral?.version ?? 1) };
}

const multipartFile = (field: string, filename: string, text: string, fields: Record<string, string> = {}) => ({
  raw: [
    ...Object.entries(fields).flatMap(([name, value]) => ['--matrix', `Content-Disposition: form-data; name="${name}"`, '', value]),
    '--matrix',
    `Content-Disposition: form-data; name="${field}"; filename="${filename}"`,
    'Content-Type: text/plain',
    '',
    text,
    '--matrix--',
    '',
  ].join('\r\n'),
  contentType: 'multipart/form-data; boundary=matrix',
});

/** Deciding: a contact ready for its decision (consent and level of need recorded), and the demo record states. */
const DECISION_PARAMS: Readonly<Record<string, readonly ParamState[]>> = {
  contactId: [
    { ...contactState('ordinary'), state: 'ready', value: FIXTURE_IDS.decide.contact },
    ...(PARAMS['contactId'] ?? []).filter((s) => s.state !== 'unlinked' && s.state !== 'ordinary'),
  ],
};

/** Lifting a restriction: on the restricted records (and the sealed and missing ones, which refuse it). */
const LIFT_PARAMS: Readonly<Record<string, readonly ParamState[]>> = {
  personId: (PARAMS['personId'] ?? []).filter((s) => s.state !== 'ordinary' && s.state !== 'adult'),
};

/** The person's details as saved, with their version: an edit that changes nothing but is a real save. */
async function personForm(ctx: BodyContext): Promise<Record<string, string>> {
  const id = ctx.params['personId'] ?? '';
  const person = /^[0-9a-f-]{36}$/.test(id) ? await ctx.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (person === undefined) return { givenName: 'Matrix', familyName: 'Missing', gender: 'female', interpreterNeeded: 'no', version: '1' };
  const [year = '', month = '', day = ''] = (person.dateOfBirth ?? '').split('-');
  const [eddYear = '', eddMonth = '', eddDay = ''] = (person.expectedDateOfDelivery ?? '').split('-');
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    'dateOfBirth-day': day,
    'dateOfBirth-month': month,
    'dateOfBirth-year': year,
    'expectedDateOfDelivery-day': eddDay,
    'expectedDateOfDelivery-month': eddMonth,
    'expectedDateOfDelivery-year': eddYear,
    gender: person.gender,
    interpreterNeeded: person.interpreterNeeded ? 'yes' : 'no',
    nhsNumber: person.nhsNumber ?? '',
    version: String(person.version),
  };
}

/** A public referral form (MARF) about a synthetic child. */
const marf = () => ({
  referrerName: 'Matrix Referrer',
  referrerRole: 'Designated safeguarding lead',
  referrerOrganisation: 'Matrix Primary School',
  referralSource: '2A',
  referrerEmail: 'dsl@example.org',
  referrerPhone: '01632 960 001',
  child1GivenName: 'Matrix',
  child1FamilyName: 'Referredchild',
  child1DobDay: '4',
  child1DobMonth: '5',
  child1DobYear: '2017',
  addressLine1: '12 Larkspur Close',
  town: 'Milton Keynes',
  postcode: 'MK9 3HS',
  worries: 'A synthetic worry for the access matrix.',
  // an early help assessment is to follow (POST /refer-a-child/sent/early-help-assessment attaches it)
  earlyHelpAssessment: 'yes',
  familyConsent: 'yes',
  immediateRisk: 'no',
});

/** A phone contact recorded by the MASH. */
const phoneContact = () => ({
  channel: 'phone',
  receivedDay: '2',
  receivedMonth: '1',
  receivedYear: '2026',
  receivedTime: '09:00',
  referrerName: '',
  referralSource: '9',
  child1GivenName: 'Matrix',
  child1FamilyName: 'Phonedchild',
  worries: 'A synthetic worry for the access matrix.',
  earlyHelpAssessment: 'no',
  familyConsent: 'not_asked',
  familyConsentReason: 'Anonymous caller.',
  immediateRisk: 'no',
});
/** Today in England as GOV.UK date input fields (`name-day`, `name-month`, `name-year`). */
function todayParts(name: string): Record<string, string> {
  const [year = '', month = '', day = ''] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date())
    .split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

/** A worker in the demo early help team (Children and Family Practices). */
const EARLY_HELP_WORKER = teamStaff().find((u) => u.teamCode === 'CFP' && !u.isManager);

/** The version of the plan of the child in the URL being posted to (1 when the URL names no real child). */
async function planVersionFor(ctx: BodyContext): Promise<string> {
  const childId = /\/children\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//.exec(ctx.url ?? '')?.[1];
  return String(childId === undefined ? 1 : ((await ctx.cpPlanVersion?.(childId)) ?? 1));
}


export const ROUTES: Readonly<Record<string, RouteEntry>> = {
  'GET /': { allow: [303] },
  'GET /account': {},
  'GET /admin/audit': {},
  'GET /admin/users': {},
  'GET /admin/users/:userId': {},
  'GET /admin/users/new': {},
  'GET /api/docs': {},
  'GET /api/v1/children/:childId': {},
  'GET /api/v1/me': {},
  'GET /api/v1/users': {},
  'GET /children/:childId': {},
  'GET /health': {},
  'GET /metrics': {},
  'GET /my-work': {},
  'GET /sign-in': { allow: [200, 303] },
  'GET /teams': {},
  'POST /admin/audit': { allow: [200], body: () => ({ form: {} }) },
  'POST /admin/users/:userId': {
    body: async (ctx) => ({ form: { roles: TARGET_USER.role, active: 'yes', version: String(await ctx.userVersion(TARGET_USER.id)) } }),
  },
  'POST /admin/users/new': { body: (ctx) => ({ form: newUserForm(ctx) }) },
  'POST /api/v1/users': { allow: [201], body: (ctx) => ({ json: { ...newUserForm(ctx), roles: ['iro'] } }) },
  'POST /sign-in': {
    body: (ctx) => ({ form: { username: ctx.subject === ANONYMOUS ? 'social.worker' : ctx.subject, password: DEMO_PASSWORD } }),
    // wrong credentials are 401 and recorded; throttled attempts 429
    badInputStatuses: [401, 429],
    writesWhenRefused: ['login_attempt'],
  },
  'POST /sign-out': { body: () => ({ form: {} }) },
  // Records (case notes, documents, chronology) on a child's record.
  'GET /children/:childId/case-notes': {},
  'GET /children/:childId/case-notes/new': { record: 'change' },
  'POST /children/:childId/case-notes/new': {
    body: () => ({
      form: {
        noteType: 'phone_call',
        'eventDate-day': '2',
        'eventDate-month': '1',
        'eventDate-year': '2026',
        summary: 'Matrix note',
        body: 'Matrix note body',
        action: 'save',
      },
    }),
  },
  'POST /children/:childId/case-notes/new/discard-draft': { body: () => ({ form: {} }) },
  'GET /children/:childId/documents': {},
  'GET /children/:childId/documents/new': { record: 'change' },
  'POST /children/:childId/documents/new': {
    body: () => ({
      raw: [
        '--matrix',
        'Content-Disposition: form-data; name="title"',
        '',
        'Matrix document',
        '--matrix',
        'Content-Disposition: form-data; name="file"; filename="matrix.txt"',
        'Content-Type: text/plain',
        '',
        'Synthetic text.',
        '--matrix--',
        '',
      ].join('\r\n'),
      contentType: 'multipart/form-data; boundary=matrix',
    }),
  },
  'GET /children/:childId/chronology': {},
  'GET /children/:childId/chronology/export.docx': {},
  'GET /children/:childId/chronology/print': {},
  'GET /children/:childId/chronology/new-entry': { record: 'change' },
  // Pre-birth plan (seed 004 §14). Recording the birth again corrects it, so every allowed subject's post does real work.
  'GET /children/:preBirthChildId/pre-birth': {},
  'GET /children/:preBirthChildId/pre-birth/pregnancy': { record: 'change' },
  'POST /children/:preBirthChildId/pre-birth/pregnancy': { body: () => ({ form: { ...dateParts('pregnancyConfirmedOn', 60), ...dateParts('previousProceedingsEndedOn', 400) } }) },
  'GET /children/:preBirthChildId/pre-birth/milestone': { record: 'change' },
  'POST /children/:preBirthChildId/pre-birth/milestone': { body: () => ({ form: { milestone: 'visit', outcome: 'done', ...dateParts('happenedOn', 30) } }) },
  'GET /children/:preBirthChildId/pre-birth/fgc-referral': { record: 'change' },
  'POST /children/:preBirthChildId/pre-birth/fgc-referral': { body: () => ({ form: { outcome: 'declined', reason: 'Matrix: family declined', ...dateParts('decidedOn', 1) } }) },
  'GET /children/:preBirthChildId/pre-birth/birth': { record: 'change' },
  'POST /children/:preBirthChildId/pre-birth/birth': {
    body: () => ({ form: { ...dateParts('bornOn', 1), timeOfBirth: '09:30', sex: 'female', givenName: 'Matrix', familyName: 'Tregarthen', nhsNumber: '', motherMedicallyFit: 'yes' } }),
  },
  // Child protection: strategy discussions and section 47 enquiries (the form posts are tried with "Save as draft").
  'GET /children/:childId/child-protection': {},
  'GET /children/:childId/child-protection/strategy-discussions/new': { record: 'change' },
  'POST /children/:childId/child-protection/strategy-discussions/new': { body: () => ({ form: { urgent: 'no', kind: 'initial', primaryNeed: 'N1' } }) },
  'GET /strategy-discussions/:strategyDiscussionId': {},
  'POST /strategy-discussions/:strategyDiscussionId': { body: () => ({ form: { action: 'draft', chairName: 'Matrix chair' } }) },
  'POST /strategy-discussions/:strategyDiscussionId/discard-draft': { body: () => ({ form: {} }) },
  'GET /section-47-enquiries/:section47Id': {},
  'POST /section-47-enquiries/:section47Id': { body: () => ({ form: { action: 'draft', findings: 'Matrix findings' } }) },
  // Statutory returns (performance officers and team managers).
  'GET /returns': {},
  'GET /returns/rules': {},
  'GET /returns/runs/:runId': {},
  'GET /returns/runs/:runId/download': {},
  // The build runs in the background and audits its end: wait for it, so that row is not taken for the next cell's.
  'POST /returns/runs': {
    body: () => ({ form: { kind: 'annex_a', 'to-day': '31', 'to-month': '3', 'to-year': '2025', months: '6' } }),
    reset: async (ctx) => {
      for (let tries = 0; tries < 600; tries += 1) {
        if ((await ctx.db.selectFrom('returnRun').select('id').where('status', '=', 'running').executeTakeFirst()) === undefined) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  },
  'POST /children/:childId/chronology/new-entry': {
    body: () => ({
      form: { 'entryDate-day': '2', 'entryDate-month': '1', 'entryDate-year': '2026', category: 'other', summary: 'Matrix entry', source: 'Access matrix' },
    }),
  },
  // Child in need. POST /start comes first in the server's order: its body readies the plan the
  // forms after it open (an agreed plan with a draft update), whatever an earlier closure did.
  'GET /children/:childId/child-in-need': {},
  'POST /children/:childId/child-in-need/start': {
    body: async (ctx) => {
      await cinPlanFields(ctx);
      return { form: { primaryNeed: 'N4' } };
    },
  },
  'GET /children/:childId/child-in-need/plan': { record: 'change' },
  // A plan id that is not one of this child's plans answers 404, like any record that is not there.
  'POST /children/:childId/child-in-need/plan': {
    badInputStatuses: [404],
    body: async (ctx) => ({ form: { ...(await cinPlanFields(ctx)), 'outcome-0': 'Matrix outcome', 'measure-0': 'Matrix measure', contingency: 'Matrix contingency', action: 'draft' } }),
  },
  'GET /children/:childId/child-in-need/review': { record: 'change' },
  'POST /children/:childId/child-in-need/review': {
    badInputStatuses: [404],
    body: async (ctx) => ({
      form: { ...(await cinPlanFields(ctx)), 'heldOn-day': '6', 'heldOn-month': '1', 'heldOn-year': '2025', attendance: 'Matrix', childViews: 'Matrix', progress: 'Matrix', decision: 'continue' },
    }),
  },
  'GET /children/:childId/child-in-need/close': { record: 'change' },
  'POST /children/:childId/child-in-need/close': {
    badInputStatuses: [404],
    body: async (ctx) => ({ form: { ...(await cinPlanFields(ctx)), reason: 'RC7', 'closedOn-day': '6', 'closedOn-month': '1', 'closedOn-year': '2025' } }),
  },
  // Children with disabilities: each POST's body readies the records it acts on (cwdFields).
  'GET /children/:childId/disabilities': {},
  'GET /children/:childId/disabilities/eligibility': { record: 'change' },
  'POST /children/:childId/disabilities/eligibility': {
    alsoAudits: ['disabilities.eligibility-draft.saved'],
    body: () => ({ form: { action: 'save', latestNumber: '0', SEVERE_LEARNING_DISABILITY: 'met', summary: 'Matrix draft' } }),
  },
  'GET /children/:childId/disabilities/eligibility/confirm': { record: 'change' },
  'POST /children/:childId/disabilities/eligibility/confirm': {
    writesWhenRefused: CWD_TABLES,
    body: async (ctx) => {
      const f = await cwdFields(ctx);
      return { form: { decisionId: f.decisionId, version: String(f.version), decision: 'confirm' } };
    },
  },
  'GET /children/:childId/disabilities/short-breaks/new': { record: 'change' },
  'POST /children/:childId/disabilities/short-breaks/new': {
    writesWhenRefused: CWD_TABLES,
    body: async (ctx) => ({
      form: { eligibilityDecisionId: (await cwdFields(ctx)).confirmedId, type: 'daytime_care', provider: 'Matrix provider', amount: '100', 'startsOn-day': '6', 'startsOn-month': '1', 'startsOn-year': '2025' },
    }),
  },
  'GET /children/:childId/disabilities/short-breaks/review': { record: 'change' },
  'POST /children/:childId/disabilities/short-breaks/review': {
    writesWhenRefused: CWD_TABLES,
    body: async (ctx) => ({
      form: { shortBreak: (await cwdFields(ctx)).shortBreak, outcome: 'continue', notes: 'Matrix review', 'reviewedOn-day': '6', 'reviewedOn-month': '1', 'reviewedOn-year': '2025' },
    }),
  },
  'GET /children/:childId/disabilities/budget-requests/new': { record: 'change' },
  'POST /children/:childId/disabilities/budget-requests/new': {
    writesWhenRefused: CWD_TABLES,
    body: async (ctx) => {
      const panel = dateParts('panelDate', -7);
      return { form: { eligibilityDecisionId: (await cwdFields(ctx)).confirmedId, amount: '1200', purpose: 'Matrix request', ...panel } };
    },
  },
  'GET /children/:childId/disabilities/budget-requests/decision': { record: 'change' },
  'POST /children/:childId/disabilities/budget-requests/decision': {
    writesWhenRefused: CWD_TABLES,
    body: async (ctx) => ({
      form: { request: (await cwdFields(ctx)).request, decision: 'approved', 'panelDate-day': '6', 'panelDate-month': '1', 'panelDate-year': '2025' },
    }),
  },

  // People: search, a new person, any person's record.
  'GET /people': { query: 'name=Quinlan' },
  'GET /people/new': {},
  'POST /people/new': {
    allow: [200, 303],
    body: () => ({
      form: { personType: 'adult', givenName: 'Matrix', familyName: 'Newperson', 'dateOfBirth-day': '1', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1990' },
    }),
  },
  'GET /people/new/details': {},
  'POST /people/new/details': { body: () => ({ form: { gender: 'female', interpreterNeeded: 'no' } }) },
  // a child's record is shown at /children/:childId: the person's page sends the user there
  'GET /people/:personId': { allow: [200, 303] },
  'GET /people/:personId/edit': { record: 'change' },
  'POST /people/:personId/edit': { auditsWhenRefused: ['people.person-form.viewed'], body: async (ctx) => ({ form: await personForm(ctx) }) },
  'GET /people/:personId/names': { record: 'change' },
  'POST /people/:personId/names': {
    auditsWhenRefused: ['people.person-form.viewed'],
    body: (ctx) => ({ form: { nameType: 'alias', givenName: ctx.unique('Matrix'), familyName: 'Alias' } }),
  },
  'GET /people/:personId/addresses': { record: 'change' },
  'POST /people/:personId/addresses': {
    auditsWhenRefused: ['people.person-form.viewed'],
    body: () => ({
      form: {
        current: 'no',
        'movedOut-day': '1',
        'movedOut-month': '6',
        'movedOut-year': '2025',
        addressLine1: '1 Matrix Row',
        town: 'Milton Keynes',
        postcode: 'MK9 3HS',
        'movedIn-day': '1',
        'movedIn-month': '1',
        'movedIn-year': '2025',
      },
    }),
  },
  'GET /people/:personId/relationships': { alsoAudits: ['people.child-record.viewed'] },
  'GET /people/:personId/genogram': { alsoAudits: ['people.child-record.viewed'] },
  'GET /children/:childId/relationships': {},
  'GET /children/:childId/genogram': {},
  'GET /children/:childId/who-viewed': {},
  'GET /api/v1/people': { query: 'name=Quinlan' },
  'POST /api/v1/people': {
    allow: [201],
    body: (ctx) => ({
      json: {
        personType: 'adult',
        givenName: ctx.unique('Matrix'),
        familyName: 'Apiperson',
        gender: 'female',
        dateOfBirth: '1990-02-01',
        confirmNotDuplicate: true,
      },
    }),
  },
  'GET /api/v1/people/:personId': { alsoAudits: ['people.child-record.viewed'] },
  // Case notes and documents inside a child's record.
  'GET /children/:childId/case-notes/:noteId': {},
  'GET /children/:childId/case-notes/:noteId/amend': { record: 'change' },
  'POST /children/:childId/case-notes/:noteId/amend': { body: () => ({ form: { reason: 'Matrix correction', body: 'Matrix corrected text.' } }) },
  'GET /children/:childId/documents/:documentId/download': {},
  // The front door.
  'GET /refer-a-child': {},
  'POST /refer-a-child': { body: () => ({ form: marf() }) },
  'GET /refer-a-child/sent': { allow: [200, 303] },
  'GET /front-door': {},
  'GET /front-door/contacts/new': {},
  'POST /front-door/contacts/new': { body: () => ({ form: phoneContact() }) },
  'GET /front-door/contacts/:contactId': {},
  'GET /front-door/contacts/:contactId/people/:contactPersonId': {},
  'GET /front-door/contacts/:contactId/consent': { record: 'change' },
  'GET /front-door/contacts/:contactId/checks': { record: 'change' },
  'GET /front-door/contacts/:contactId/level-of-need': { record: 'change' },
  'GET /front-door/contacts/:contactId/threshold-discussion': { record: 'change' },
  'GET /front-door/contacts/:contactId/decision': { record: 'change' },
  'GET /referrals': {},
  'GET /early-help-referrals': {},
  'GET /mash-dashboard': {},
  // bad input: the first body that succeeds removes the name (or relationship); later ones find none
  'POST /people/:personId/names/:nameId/remove': { body: () => ({ form: {} }), badInputStatuses: [404] },
  'POST /children/:childId/relationships': {
    auditsWhenRefused: ['people.child-record.viewed', 'people.person-record.viewed'],
    body: async (ctx) => ({ form: await relationshipForm(ctx, 'childId') }),
  },
  'POST /children/:childId/relationships/remove': { body: async (ctx) => ({ form: await relationshipToRemove(ctx, 'childId') }), badInputStatuses: [404] },
  'POST /people/:personId/relationships': {
    auditsWhenRefused: ['people.child-record.viewed', 'people.person-record.viewed'],
    body: async (ctx) => ({ form: await relationshipForm(ctx, 'personId') }),
  },
  'POST /people/:personId/relationships/remove': { body: async (ctx) => ({ form: await relationshipToRemove(ctx, 'personId') }), badInputStatuses: [404] },
  'GET /people/:personId/restriction': { record: 'change' },
  // success is a page saying what happened (the user may no longer be able to open the record)
  'POST /people/:personId/restriction': {
    allow: [200],
    body: async (ctx) => {
      await keepRestriction(ctx);
      return { form: { contactUserId: DEMO_USER_IDS.teamManager, reason: 'Access matrix', version: await personVersion(ctx) } };
    },
    reset: restore('person', 'personId'),
  },
  'POST /people/:personId/restriction/lift': {
    allow: [200],
    params: LIFT_PARAMS,
    body: async (ctx) => {
      await keepRestriction(ctx);
      return { form: { reason: 'Access matrix', version: await personVersion(ctx) } };
    },
    reset: restore('person', 'personId'),
  },
  'GET /people/:personId/merge': {},
  'GET /people/:personId/merge/:otherId': { params: MERGE_PARAMS, record: 'change' },
  'POST /people/:personId/merge/:otherId': {
    auditsWhenRefused: ['people.merge.previewed'],
    params: MERGE_PARAMS,
    body: async (ctx) => ({
      form: { survivorVersion: await personVersion(ctx), mergedVersion: await personVersion(ctx, 'otherId'), reason: 'Access matrix: the same person' },
    }),
    // bad input: once a fuzzed body merges the pair, the merged record is gone
    badInputStatuses: [404],
  },
  // the server reads no file that comes before the first text part (the browser's form sends `_csrf`
  // first; here the token is in the x-csrf-token header, and an ignored field leads)
  'POST /refer-a-child/sent/early-help-assessment': {
    body: () => multipartFile('file', 'early-help-assessment.txt', 'A synthetic early help assessment.', { attach: 'early-help-assessment' }),
  },
  'GET /front-door/contacts/:contactId/early-help-assessment': {},
  'POST /front-door/contacts/:contactId/people/:contactPersonId': {
    auditsWhenRefused: ['front-door.screening-form.viewed', 'people.duplicate-check.performed'],
    body: async (ctx) => ({ form: await linkForm(ctx) }),
    reset: restore('contactPerson', 'contactPersonId'),
  },
  // a new record for a child not yet linked (a linked child has one already)
  'POST /front-door/contacts/:contactId/people/:contactPersonId/new': {
    auditsWhenRefused: ['front-door.screening-form.viewed', 'people.duplicate-check.performed'],
    params: { contactId: (PARAMS['contactId'] ?? []).filter((s) => s.state !== 'ordinary') },
    body: async (ctx) => {
      await keepLink(ctx);
      return {
        form: { givenName: 'Matrix', familyName: 'Contactchild', dateOfBirthDay: '3', dateOfBirthMonth: '2', dateOfBirthYear: '2019', gender: 'female' },
      };
    },
    reset: restore('contactPerson', 'contactPersonId'),
  },
  'POST /front-door/contacts/:contactId/consent': {
    auditsWhenRefused: ['front-door.screening-form.viewed'],
    body: async (ctx) => ({ form: { consent: 'given', version: await contactVersion(ctx) } }),
  },
  'POST /front-door/contacts/:contactId/checks': {
    auditsWhenRefused: ['front-door.screening-form.viewed'],
    body: (ctx) => ({ form: { agencies: [agencyFor(ctx.subject)] } }),
  },
  'GET /front-door/contacts/:contactId/checks/:agency': { record: 'change' },
  'POST /front-door/contacts/:contactId/checks/:agency': {
    auditsWhenRefused: ['front-door.screening-form.viewed'],
    body: async (ctx) => ({ form: { outcome: 'information_shared', details: 'Matrix: one call-out last year.', version: await agencyCheckVersion(ctx) } }),
  },
  'POST /front-door/contacts/:contactId/level-of-need': {
    auditsWhenRefused: ['front-door.screening-form.viewed'],
    body: async (ctx) => ({ form: { level: '4', indicators: ['4.health.15'], rationale: 'Matrix: a child in distress.', version: await contactVersion(ctx) } }),
  },
  'POST /front-door/contacts/:contactId/threshold-discussion': {
    auditsWhenRefused: ['front-door.screening-form.viewed'],
    body: () => ({
      form: { heldOnDay: '2', heldOnMonth: '1', heldOnYear: '2026', agencies: ['police', 'health'], summary: 'Matrix: agreed social care.', agreedLevel: '4' },
    }),
  },
  'POST /front-door/contacts/:contactId/decision': {
    auditsWhenRefused: ['front-door.screening-form.viewed'],
    params: DECISION_PARAMS,
    body: async (ctx) => ({ form: { outcome: 'nfa', rationale: 'Matrix: universal needs only.', version: await contactVersion(ctx) } }),
  },
  'GET /referrals/:referralId/allocate': { record: 'change' },
  // allocated to the worker the child already has, then put back to awaiting allocation for the next subject
  'POST /referrals/:referralId/allocate': {
    auditsWhenRefused: ['casework.referral.viewed'],
    body: async (ctx) => ({ form: await allocationForm(ctx) }),
    reset: restore('referral', 'referralId'),
  },
  // Convening the strategy discussion a referral asks for. The fixture referrals are for assessments
  // (one referral per contact and child), so the cell asks for a strategy discussion on it first, and
  // the reset detaches the discussion convened and puts the purpose back for the next subject.
  'POST /referrals/:referralId/strategy-discussion': {
    body: async (ctx) => {
      const id = uuidOrNull(ctx.params['referralId']);
      if (id !== null) await ctx.db.updateTable('referral').set({ purpose: 'strategy_discussion' }).where('id', '=', id).execute();
      return { form: { urgent: 'no' } };
    },
    reset: async (ctx) => {
      const id = uuidOrNull(ctx.params['referralId']);
      if (id === null) return;
      // Detached rather than deleted: the bad-input suite counts rows between requests.
      await ctx.db.updateTable('strategyDiscussionChild').set({ referralId: null, sourceKind: 'child-record' }).where('referralId', '=', id).execute();
      await ctx.db.updateTable('referral').set({ purpose: 'assessment' }).where('id', '=', id).execute();
    },
  },
  // Targeted early help. The queue, and allocation of the demo referral waiting in it (a second
  // allocation is refused as already done: 400).
  'GET /early-help': {},
  'GET /early-help/referrals/:earlyHelpReferralId/allocate': {},
  'POST /early-help/referrals/:earlyHelpReferralId/allocate': { allow: [303, 400], body: () => ({ form: { workerUserId: EARLY_HELP_WORKER?.id ?? '' } }) },
  // The early help section of a child's record (read like any record page).
  'GET /children/:childId/early-help': {},
  // Early help steps on the demo episode waiting for its wellbeing assessment. Only the MASH manager
  // among the subjects may change it (early help work is for social workers, team managers and MASH
  // managers, and only a MASH manager reaches a child with the early help team), so that one subject
  // takes the episode through every step, in the order the server registers the routes: assessment
  // (version 1 → 2), plan (2 → 3), review (3 → 4), closure. Every date is today.
  'GET /early-help/episodes/:earlyHelpEpisodeId/wellbeing-assessment': {},
  'POST /early-help/episodes/:earlyHelpEpisodeId/wellbeing-assessment': {
    body: () => ({
      form: {
        action: 'complete',
        worries: 'Matrix worries',
        workingWell: 'Matrix strengths',
        needsToHappen: 'Matrix next steps',
        scaling: '5',
        childsVoice: 'Matrix voice',
        ...todayParts('completedOn'),
        version: '1',
      },
    }),
  },
  'POST /early-help/episodes/:earlyHelpEpisodeId/wellbeing-assessment/discard-draft': { body: () => ({ form: {} }) },
  'GET /early-help/episodes/:earlyHelpEpisodeId/plan': {},
  'POST /early-help/episodes/:earlyHelpEpisodeId/plan': {
    body: () => ({
      form: {
        familyConsents: 'yes',
        consentGivenBy: 'Matrix parent',
        ...todayParts('consentGivenOn'),
        outcomes: 'Matrix outcomes',
        ...todayParts('agreedOn'),
        action1: 'Matrix action',
        owner1: 'Matrix owner',
        ...todayParts('dueOn1'),
        version: '2',
      },
    }),
  },
  'GET /early-help/episodes/:earlyHelpEpisodeId/review': {},
  'POST /early-help/episodes/:earlyHelpEpisodeId/review': {
    body: () => ({ form: { ...todayParts('reviewedOn'), scaling: '5', progress: 'Matrix progress', version: '3' } }),
  },
  'GET /early-help/episodes/:earlyHelpEpisodeId/close': {},
  'POST /early-help/episodes/:earlyHelpEpisodeId/close': {
    body: () => ({ form: { outcome: 'needs_met', summary: 'Matrix closure', ...todayParts('closedOn'), version: '4' } }),
  },
  // Child protection plans. The ordinary demo child is on a plan (demo-child-protection.ts) with its
  // first review waiting, and so is the restricted one; convening is tried on DEMO_CP_IDS.convenableChild
  // (team managers only). Conferences are addressed by their own id (a page of their child's record).
  'GET /children/:childId/child-protection-plan': {},
  'GET /child-protection/conferences': {},
  'GET /child-protection/dashboard': {},
  'GET /children/:childId/child-protection-plan/convene': { record: 'change' },
  // A body naming no child is "not found"; once the demo review is recorded, it no longer takes invitations or an outcome (404).
  'POST /child-protection/initial-conferences': { badInputStatuses: [404], body: () => ({ form: { childId: DEMO_CP_IDS.convenableChild, 'strategyHeldOn-day': '5', 'strategyHeldOn-month': '1', 'strategyHeldOn-year': '2026', primaryNeed: 'N1' } }) },
  'GET /child-protection/conferences/:conferenceId': {},
  'GET /child-protection/conference-letters/:heldConferenceId/decision.docx': {},
  'GET /child-protection/conference-letters/:heldConferenceId/letter-to-child.docx': {},
  'POST /child-protection/conferences/:conferenceId/invitations': { badInputStatuses: [404], body: () => ({ form: { name: 'Matrix invitee', agency: 'Health', 'invitedOn-day': '2', 'invitedOn-month': '1', 'invitedOn-year': '2026' } }) },
  'GET /child-protection/conferences/:conferenceId/outcome': { record: 'change' },
  'POST /child-protection/conferences/:conferenceId/outcome': {
    badInputStatuses: [404],
    body: () => ({ form: { version: '1', action: 'save', ...todayParts('heldOn'), decision: 'continue', category: 'NEG', rationale: 'Matrix: still at risk.' } }),
  },
  'POST /child-protection/conferences/:conferenceId/outcome/discard-draft': { body: () => ({ form: {} }) },
  'GET /children/:childId/child-protection-plan/plan': { record: 'change' },
  'POST /children/:childId/child-protection-plan/plan': {
    body: async (ctx) => ({
      form: {
        version: await planVersionFor(ctx),
        action: 'finalise',
        'outcome-1': 'Matrix outcome',
        'action-1': 'Matrix action',
        'owner-1': 'Social worker',
        'actionDue-1-day': '1',
        'actionDue-1-month': '6',
        'actionDue-1-year': '2030',
        contingencyPlan: 'Matrix contingency plan',
      },
    }),
  },
  'GET /children/:childId/child-protection-plan/core-groups/new': { record: 'change' },
  'POST /children/:childId/child-protection-plan/core-groups/new': { body: () => ({ form: { ...todayParts('heldOn'), progress: 'Matrix core group' } }) },
  'GET /children/:childId/child-protection-plan/visits/new': { record: 'change' },
  'POST /children/:childId/child-protection-plan/visits/new': { body: () => ({ form: { ...todayParts('visitedOn'), seen: 'alone', summary: 'Matrix visit' } }) },
  // Child and family assessments (src/web/assessments/).
  'GET /children/:childId/assessments': {},
  // Starting from the referral the in-progress demo assessment came from opens that assessment (303).
  'POST /referrals/:referralId/assessment': { params: ASSESSMENT_REFERRAL, body: () => ({ form: {} }) },
  'GET /assessments/:assessmentId': {},
  'GET /assessments/:assessmentId/letter.docx': {},
  'GET /assessments/:assessmentId/edit': { record: 'change' },
  'POST /assessments/:assessmentId/edit': {
    body: async (ctx) => ({ form: { action: 'save', version: String(await ctx.assessmentVersion(DEMO_ASSESSMENT_IDS.inProgress)), planningNotes: 'Matrix planning.', letterToChild: 'Matrix letter to the child.' } }),
  },
  // Once the team manager's cell has authorised it, the form sends them on to the assessment (303).
  'GET /assessments/:submittedAssessmentId/authorise': { record: 'change', allow: [200, 303] },
  'POST /assessments/:submittedAssessmentId/authorise': {
    body: async (ctx) => ({
      form: { action: 'authorise', outcome: 'nfa', rationale: 'Matrix authorisation.', version: String(await ctx.assessmentVersion(DEMO_ASSESSMENT_IDS.awaitingAuthorisation)) },
    }),
  },
  'POST /assessments/:authorisedAssessmentId/next-step/done': { body: () => ({ form: { note: 'Matrix: done.' } }) },
  // Young carers' needs assessments (src/web/young-carers/).
  'GET /children/:childId/young-carers': {},
  'POST /children/:childId/young-carers': {
    body: () => ({
      form: {
        caredForPersonId: 'not-listed',
        caredForName: 'Matrix Cared-for',
        caredForRelationship: 'parent',
        caredForIsAdult: 'yes',
        caredForNeeds: 'mental_health',
        caringTasks: 'household',
        hoursPerWeek: '5',
        'requestedOn-day': '6',
        'requestedOn-month': '1',
        'requestedOn-year': '2025',
        requestedBy: 'school',
      },
    }),
  },
  'GET /young-carers/:youngCarerAssessmentId': {},
  'GET /young-carers/:youngCarerAssessmentId/edit': { record: 'change' },
  'POST /young-carers/:youngCarerAssessmentId/edit': {
    body: async (ctx) => ({
      form: {
        action: 'save',
        version: String((await ctx.db.selectFrom('youngCarerAssessment').select('version').where('id', '=', DEMO_YOUNG_CARER_IDS.inProgress).executeTakeFirstOrThrow()).version),
        leisure: 'Matrix leisure.',
      },
    }),
  },
  // Every allowed cell records a review that continues support, so the next cell still has one due.
  'POST /young-carers/:authorisedYoungCarerAssessmentId/review': {
    body: async (ctx) => {
      const row = await ctx.db
        .selectFrom('youngCarerAssessment')
        .select(['version', 'supportPlanReviewFrom'])
        .where('id', '=', DEMO_YOUNG_CARER_IDS.authorised)
        .executeTakeFirstOrThrow();
      const [year = '', month = '', day = ''] = (row.supportPlanReviewFrom ?? '').split('-');
      return { form: { version: String(row.version), 'reviewedOn-day': day, 'reviewedOn-month': month, 'reviewedOn-year': year, summary: 'Matrix review.', continueSupport: 'yes' } };
    },
  },
  // Once the team manager's cell has authorised it, the form sends them on to the assessment (303).
  'GET /young-carers/:submittedYoungCarerAssessmentId/authorise': { record: 'change', allow: [200, 303] },
  'POST /young-carers/:submittedYoungCarerAssessmentId/authorise': {
    body: async (ctx) => ({
      form: {
        action: 'authorise',
        managementComments: 'Matrix authorisation.',
        version: String((await ctx.db.selectFrom('youngCarerAssessment').select('version').where('id', '=', DEMO_YOUNG_CARER_IDS.awaitingAuthorisation).executeTakeFirstOrThrow()).version),
      },
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// The matrix itself.
export type Outcome = 'allow' | 'sign-in' | 401 | 403 | 404;

export interface Cell {
  readonly route: RouteContractEntry;
  readonly entry: RouteEntry;
  readonly subject: string;
  /** The URL with its parameters filled in. */
  readonly url: string;
  readonly states: readonly ParamState[];
  /** The URL parameters, by name. */
  readonly params: Readonly<Record<string, string>>;
  readonly expected: Outcome;
  readonly name: string;
}

export interface AccessMatrix {
  readonly cells: readonly Cell[];
  /** Routes, parameters or permissions the matrix does not know: each says what to add. */
  readonly problems: readonly string[];
}

const HERE = 'test/security/access-matrix.ts';
export const routeKey = (route: { method: string; url: string }): string => `${route.method} ${route.url}`;
export const isApi = (url: string): boolean => url.startsWith('/api/');
const paramsOf = (url: string): string[] => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');

/** Every combination of the parameters' states, an id inside a record only with its enclosing record. */
function product(names: readonly string[], lists: readonly (readonly ParamState[])[]): ParamState[][] {
  const all = lists.reduce<ParamState[][]>((acc, list) => acc.flatMap((prefix) => list.map((s) => [...prefix, s])), [[]]);
  return all.filter((states) =>
    states.every((s) => {
      if (s.within === undefined) return true;
      const enclosing = states[names.indexOf(s.within.param)];
      return enclosing !== undefined && s.within.states.includes(enclosing.state);
    }),
  );
}

export function entryFor(route: { method: string; url: string }): RouteEntry | undefined {
  return ROUTES[routeKey(route)] ?? (route.method === 'HEAD' ? ROUTES[`GET ${route.url}`] : undefined);
}

export function expectedOutcome(
  route: RouteContractEntry,
  entry: RouteEntry,
  subject: { username: string; roles: readonly string[] },
  states: readonly ParamState[],
): Outcome {
  if (route.permission === 'public') return 'allow';
  if (subject.username === ANONYMOUS) return isApi(route.url) ? 401 : 'sign-in';
  if (route.permission !== 'signed-in' && !subject.roles.some((role) => ROLE_PERMISSIONS[role]?.includes(route.permission))) return 403;
  const action = entry.record ?? (route.method === 'POST' ? 'change' : 'read');
  for (const state of states) {
    const expected = state.expect(subject.username, action);
    if (expected !== 'allow') return expected;
  }
  return 'allow';
}

export function buildAccessMatrix(routes: readonly RouteContractEntry[]): AccessMatrix {
  const problems: string[] = [];
  const cells: Cell[] = [];
  const served = routes.filter((r) => !r.url.startsWith('/assets'));
  for (const role of new Set(SUBJECTS.flatMap((s) => s.roles))) {
    if (ROLE_PERMISSIONS[role] === undefined) problems.push(`Role ${role} is not in ROLE_PERMISSIONS in ${HERE}: add the permissions it holds.`);
  }
  for (const subject of SUBJECTS) {
    if (subject.username !== ANONYMOUS && RECORD_ACCESS[subject.username] === undefined) {
      problems.push(`Subject ${subject.username} has no row in RECORD_ACCESS in ${HERE}: add what they get on each record.`);
    }
  }
  const unlisted: string[] = [];
  for (const route of served) {
    const key = routeKey(route);
    const entry = entryFor(route);
    if (entry === undefined) {
      if (route.method !== 'HEAD' && !NOT_YET_IN_MATRIX.has(key)) unlisted.push(key);
      continue;
    }
    const report = (problem: string) => {
      if (route.method !== 'HEAD') problems.push(problem); // HEAD routes follow their GET route
    };
    if (route.permission !== 'public' && route.permission !== 'signed-in' && !KNOWN_PERMISSIONS.has(route.permission)) {
      report(
        `Route ${key} needs permission ${route.permission}, which the matrix does not know: add it to ROLE_PERMISSIONS in ${HERE} under every role that holds it.`,
      );
      continue;
    }
    if (route.method === 'POST' && entry.body === undefined) {
      report(`Route ${key} has no body in ${HERE}: give a valid one, so allowed cells do real work.`);
      continue;
    }
    const names = paramsOf(route.url);
    const paramsFor = (name: string) => entry.params?.[name] ?? PARAMS[name];
    const unknown = names.filter((name) => paramsFor(name) === undefined);
    if (unknown.length > 0) {
      report(
        `Route ${key} has URL parameter(s) ${unknown.map((n) => `:${n}`).join(', ')} the access matrix cannot fill: add them to PARAMS in ${HERE}, with a value for each state worth testing and what each subject gets there.`,
      );
      continue;
    }
    // HEAD runs the GET handler: it is tried on the first state of each parameter only.
    const lists = names.map((name) => paramsFor(name) ?? []).map((list) => (route.method === 'HEAD' ? list.slice(0, 1) : list));
    for (const states of product(names, lists)) {
      for (const subject of SUBJECTS) {
        const values = states.map((s) => s.valueFor?.(subject.username) ?? s.value);
        const path = names.reduce((u, name, i) => u.replace(`:${name}`, encodeURIComponent(values[i] ?? '')), route.url);
        const url = entry.query === undefined ? path : `${path}?${entry.query}`;
        const params = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
        const expected = expectedOutcome(route, entry, subject, states);
        const where = states.length === 0 ? '' : ` [${states.map((s) => s.state).join(', ')}]`;
        cells.push({ route, entry, subject: subject.username, url, states, params, expected, name: `${subject.username} ${key}${where}` });
      }
    }
  }
  if (unlisted.length > 0) {
    problems.unshift(
      `${String(unlisted.length)} route(s) are not in the access matrix. Add an entry for each to ROUTES in ${HERE} (record: 'read' | 'change' for a child's record, the statuses that mean "allowed", and for a POST a valid body):\n  ${unlisted.join('\n  ')}`,
    );
  }
  const known = new Set(served.map(routeKey));
  for (const key of Object.keys(ROUTES)) {
    if (!known.has(key)) problems.push(`ROUTES in ${HERE} lists ${key}, which the server does not serve: remove it or correct it.`);
  }
  return { cells, problems };
}

/** Fixed facts of the demo authority the expectations above rest on (checked by the test). */
export const ASSUMPTIONS = {
  ordinary: { childId: DEMO_CHILD_IDS.allocated, teamCode: 'FST_NORTH', workerId: DEMO_USER_IDS.socialWorker },
  restricted: { childId: DEMO_CHILD_IDS.restricted, teamCode: 'FST_NORTH', contactId: DEMO_USER_IDS.teamManager },
  sealed: { childId: DEMO_CHILD_IDS.sealed, grantedTo: [DEMO_USER_IDS.adoptionWorker] },
} as const;
