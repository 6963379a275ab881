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
import { DEMO_ASSESSMENT_IDS } from '../../src/db/seed/demo-assessments.ts';
import { DEMO_CHILD_IDS, DEMO_PASSWORD } from '../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS, DEMO_USERS, FIXED_STAFF } from '../../src/db/seed/users.ts';
import type { RouteContractEntry } from '../../src/web/plugins/route-contract.ts';
import type { RequestBody } from './http-client.ts';
import { NOT_YET_IN_MATRIX } from './not-yet-in-matrix.ts';

export const ANONYMOUS = 'anonymous';

/** A social worker in Family Support Team South holding a named grant on the restricted record. */
export const GRANTEE = { id: '00000000-0000-4000-a000-000000000001', username: 'matrix.grantee', displayName: 'Matrix Grantee', role: 'social_worker', teamCode: 'FST_SOUTH' } as const;
/** An account the administrator's cells may edit freely. */
export const TARGET_USER = { id: '00000000-0000-4000-a000-000000000002', username: 'matrix.target', displayName: 'Matrix Target', role: 'iro', teamCode: 'QA_IRO' } as const;

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
const CASEWORK = ['work:view-own', 'people:view-child', 'people:change-child', 'teams:view', 'records:export-chronology'];
const MANAGER = [...CASEWORK, 'audit:view', 'records:record-management-oversight'];
// A social worker writes assessments; a team manager writes and authorises them (seed 004 §8).
const ASSESSOR = ['assessments:record'];
const AUTHORISER = ['assessments:record', 'assessments:authorise'];

export const ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  mash_practitioner: CASEWORK,
  mash_manager: MANAGER,
  social_worker: [...CASEWORK, ...ASSESSOR],
  team_manager: [...MANAGER, ...AUTHORISER],
  cp_chair: CASEWORK,
  iro: CASEWORK,
  personal_adviser: CASEWORK,
  fostering_worker: CASEWORK,
  adoption_worker: CASEWORK,
  // Performance officers report on every child and change none.
  performance_officer: ['work:view-own', 'people:view-child', 'teams:view'],
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
}

const recordState = (state: RecordState, value: string): ParamState => ({
  state,
  value,
  expect: (subject, action) => RECORD_ACCESS[subject]?.[state][action === 'read' ? 0 : 1] ?? 404,
  auditedRefusal: true,
});

export const MISSING_CHILD_ID = '00000000-0000-4000-9000-0000000dead0';
export const MISSING_ASSESSMENT_ID = '00000000-0000-4000-8a55-0000000dead0';

export const PARAMS: Readonly<Record<string, readonly ParamState[]>> = {
  childId: [
    recordState('ordinary', DEMO_CHILD_IDS.allocated),
    recordState('restricted', DEMO_CHILD_IDS.restricted),
    recordState('sealed', DEMO_CHILD_IDS.sealed),
    { state: 'missing', value: MISSING_CHILD_ID, expect: () => 404, auditedRefusal: true },
    { state: 'malformed', value: 'not-a-uuid', expect: () => 404, auditedRefusal: false },
  ],
  // Assessment pages are addressed by the assessment; its child's record decides access. Each page
  // names its parameter for the state it acts on, and gets the demo assessment in that state
  // (src/db/seed/demo-assessments.ts), on a child with the ordinary record's facts: Family Support
  // Team North, allocated to social.worker.
  // The referral the in-progress demo assessment was started from (allocated, on the ordinary record).
  referralId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.inProgressReferral), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
  assessmentId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.inProgress), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
  submittedAssessmentId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.awaitingAuthorisation), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
  authorisedAssessmentId: [recordState('ordinary', DEMO_ASSESSMENT_IDS.authorised), { state: 'missing', value: MISSING_ASSESSMENT_ID, expect: () => 404, auditedRefusal: false }],
  userId: [
    { state: 'existing', value: TARGET_USER.id, expect: () => 'allow', auditedRefusal: false },
    { state: 'missing', value: '00000000-0000-4000-a000-0000000dead0', expect: () => 404, auditedRefusal: false },
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
  /** The version of an assessment now, for a save that is not stale. */
  assessmentVersion(assessmentId: string): Promise<number>;
}

export interface RouteEntry {
  /** What a route with :childId does to the record. Default: read for GET, change for POST. */
  readonly record?: 'read' | 'change';
  /** Statuses meaning "allowed". Default: [200] for GET and HEAD, [303] for POST. */
  readonly allow?: readonly number[];
  /** POST: a valid body, so an allowed cell does its work (a form, or JSON under /api/). */
  readonly body?: (ctx: BodyContext) => RequestBody | Promise<RequestBody>;
  /** Bad-input suite: statuses this route may also answer (beyond 2xx/3xx/400/403/409/413/422). */
  readonly badInputStatuses?: readonly number[];
  /** Bad-input suite: tables a refused request legitimately writes to (beyond refusal audit rows). */
  readonly writesWhenRefused?: readonly string[];
}

const newUserForm = (ctx: BodyContext) => ({ displayName: 'Matrix New User', username: ctx.unique('matrix.new'), password: 'a-long-enough-password', roles: 'iro' });

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
  'POST /children/:childId/case-notes/new': { body: () => ({ form: { noteType: 'phone_call', 'eventDate-day': '2', 'eventDate-month': '1', 'eventDate-year': '2026', summary: 'Matrix note', body: 'Matrix note body', action: 'save' } }) },
  'POST /children/:childId/case-notes/new/discard-draft': { body: () => ({ form: {} }) },
  'GET /children/:childId/documents': {},
  'GET /children/:childId/documents/new': { record: 'change' },
  'POST /children/:childId/documents/new': { body: () => ({ raw: ['--matrix', 'Content-Disposition: form-data; name="title"', '', 'Matrix document', '--matrix', 'Content-Disposition: form-data; name="file"; filename="matrix.txt"', 'Content-Type: text/plain', '', 'Synthetic text.', '--matrix--', ''].join('\r\n'), contentType: 'multipart/form-data; boundary=matrix' }) },
  'GET /children/:childId/chronology': {},
  'GET /children/:childId/chronology/export.docx': {},
  'GET /children/:childId/chronology/print': {},
  'GET /children/:childId/chronology/new-entry': { record: 'change' },
  // Child and family assessments (src/web/assessments/).
  'GET /children/:childId/assessments': {},
  // Starting from the referral the in-progress demo assessment came from opens that assessment (303).
  'POST /referrals/:referralId/assessment': { body: () => ({ form: {} }) },
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
  'POST /children/:childId/chronology/new-entry': { body: () => ({ form: { 'entryDate-day': '2', 'entryDate-month': '1', 'entryDate-year': '2026', category: 'other', summary: 'Matrix entry', source: 'Access matrix' } }) },
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

function product(lists: readonly (readonly ParamState[])[]): ParamState[][] {
  return lists.reduce<ParamState[][]>((acc, list) => acc.flatMap((prefix) => list.map((s) => [...prefix, s])), [[]]);
}

export function entryFor(route: { method: string; url: string }): RouteEntry | undefined {
  return ROUTES[routeKey(route)] ?? (route.method === 'HEAD' ? ROUTES[`GET ${route.url}`] : undefined);
}

export function expectedOutcome(route: RouteContractEntry, entry: RouteEntry, subject: { username: string; roles: readonly string[] }, states: readonly ParamState[]): Outcome {
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
      report(`Route ${key} needs permission ${route.permission}, which the matrix does not know: add it to ROLE_PERMISSIONS in ${HERE} under every role that holds it.`);
      continue;
    }
    if (route.method === 'POST' && entry.body === undefined) {
      report(`Route ${key} has no body in ${HERE}: give a valid one, so allowed cells do real work.`);
      continue;
    }
    const names = paramsOf(route.url);
    const unknown = names.filter((name) => PARAMS[name] === undefined);
    if (unknown.length > 0) {
      report(
        `Route ${key} has URL parameter(s) ${unknown.map((n) => `:${n}`).join(', ')} the access matrix cannot fill: add them to PARAMS in ${HERE}, with a value for each state worth testing and what each subject gets there.`,
      );
      continue;
    }
    // HEAD runs the GET handler: it is tried on the first state of each parameter only.
    const lists = names.map((name) => PARAMS[name] ?? []).map((list) => (route.method === 'HEAD' ? list.slice(0, 1) : list));
    for (const states of product(lists)) {
      const url = names.reduce((u, name, i) => u.replace(`:${name}`, encodeURIComponent(states[i]?.value ?? '')), route.url);
      for (const subject of SUBJECTS) {
        const expected = expectedOutcome(route, entry, subject, states);
        const where = states.length === 0 ? '' : ` [${states.map((s) => s.state).join(', ')}]`;
        cells.push({ route, entry, subject: subject.username, url, states, expected, name: `${subject.username} ${key}${where}` });
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
