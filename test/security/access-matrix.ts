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
import { DEMO_CHILD_IDS, DEMO_PASSWORD } from '../../src/db/seed/demo-authority.ts';
import { DEMO_CP_IDS } from '../../src/db/seed/demo-child-protection.ts';
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

export const ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  mash_practitioner: CASEWORK,
  mash_manager: MANAGER,
  social_worker: [...CASEWORK, 'child-protection:record'],
  team_manager: [...MANAGER, 'child-protection:record', 'child-protection:convene', 'child-protection:view-dashboard'],
  cp_chair: [...CASEWORK, 'child-protection:record', 'child-protection:chair', 'child-protection:view-dashboard'],
  iro: CASEWORK,
  personal_adviser: CASEWORK,
  fostering_worker: CASEWORK,
  adoption_worker: CASEWORK,
  // Performance officers report on every child and change none.
  performance_officer: ['work:view-own', 'people:view-child', 'teams:view', 'child-protection:view-dashboard'],
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

export const PARAMS: Readonly<Record<string, readonly ParamState[]>> = {
  childId: [
    recordState('ordinary', DEMO_CHILD_IDS.allocated),
    recordState('restricted', DEMO_CHILD_IDS.restricted),
    recordState('sealed', DEMO_CHILD_IDS.sealed),
    { state: 'missing', value: MISSING_CHILD_ID, expect: () => 404, auditedRefusal: true },
    { state: 'malformed', value: 'not-a-uuid', expect: () => 404, auditedRefusal: false },
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
  /** The version of a child's active child protection plan now (0 if none), for a save that is not stale. */
  cpPlanVersion?(childId: string): Promise<number>;
  /** The URL the body is posted to, with its parameters filled in. */
  readonly url?: string;
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

/** Today in London as GOV.UK date input parts named `<prefix>-day` etc. (the suite's clock is the wall clock). */
function todayParts(prefix: string): Record<string, string> {
  const [year = '', month = '', day = ''] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).split('-');
  return { [`${prefix}-day`]: String(Number(day)), [`${prefix}-month`]: String(Number(month)), [`${prefix}-year`]: year };
}

/** The version of the plan of the child in the URL being posted to (1 when the URL names no real child). */
async function planVersionFor(ctx: BodyContext): Promise<string> {
  const childId = /\/children\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//.exec(ctx.url ?? '')?.[1];
  return String(childId === undefined ? 1 : ((await ctx.cpPlanVersion?.(childId)) ?? 1));
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
  'POST /children/:childId/chronology/new-entry': { body: () => ({ form: { 'entryDate-day': '2', 'entryDate-month': '1', 'entryDate-year': '2026', category: 'other', summary: 'Matrix entry', source: 'Access matrix' } }) },
  // Child protection plans. The ordinary demo child is on a plan (demo-child-protection.ts) with its
  // first review waiting, and so is the restricted one; convening is tried on DEMO_CP_IDS.convenableChild
  // (team managers only). Conferences are addressed by their own id (a page of their child's record).
  'GET /children/:childId/child-protection-plan': {},
  'GET /child-protection/conferences': {},
  'GET /child-protection/dashboard': {},
  'GET /children/:childId/child-protection-plan/convene': { record: 'change' },
  // A body naming no child is "not found"; once the demo review is recorded, it no longer takes invitations or an outcome (404).
  'POST /child-protection/initial-conferences': { badInputStatuses: [404], body: () => ({ form: { childId: DEMO_CP_IDS.convenableChild, 'strategyHeldOn-day': '5', 'strategyHeldOn-month': '1', 'strategyHeldOn-year': '2026' } }) },
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
