// Runs every cell of the access matrix (access-matrix.ts) against the real server, one test per
// point of view, so a failure names the subject, the route and the record (RELIABILITY.md §4.6).
// Each cell also checks the audit trail (every view of a record and every refusal is recorded;
// RELIABILITY.md §4.12 A1), the security headers, and that no page a subject may open shows a
// child they may not open (indirect disclosure).
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWeb } from '../support/web.ts';
import {
  ANONYMOUS,
  ASSUMPTIONS,
  buildAccessMatrix,
  GRANTEE,
  isApi,
  RECORD_ACCESS,
  routeKey,
  SUBJECTS,
  type AccessMatrix,
  type BodyContext,
  type Cell,
  type RecordState,
} from './access-matrix.ts';
import { auditSince, createSecurityWeb, lastAuditSeq } from './fixtures.ts';
import { HttpClient, SESSION_COOKIE } from './http-client.ts';
import { NOT_YET_IN_MATRIX } from './not-yet-in-matrix.ts';

let web: TestWeb;
let matrix: AccessMatrix;
const childNames = new Map<RecordState, string>();

beforeAll(async () => {
  web = await createSecurityWeb();
  matrix = buildAccessMatrix(web.server.routes);
  const db = web.database.handle.db;
  for (const state of ['ordinary', 'restricted', 'sealed'] as const) {
    const child = await db.selectFrom('person').select(['givenName', 'familyName']).where('id', '=', ASSUMPTIONS[state].childId).executeTakeFirstOrThrow();
    childNames.set(state, `${child.givenName} ${child.familyName}`);
  }
  // the demo authority and the matrix's fixtures: a few seconds alone, much longer on a busy machine
}, 180_000);
afterAll(async () => {
  await web.close();
});

type AuditRow = Awaited<ReturnType<typeof auditSince>>[number];

function statusProblem(cell: Cell, response: LightMyRequestResponse): string | null {
  const status = response.statusCode;
  const location = response.headers.location ?? '';
  const toSignIn = status === 303 && location.startsWith('/sign-in?returnTo=');
  const got = status === 303 ? `303 → ${location}` : String(status);
  switch (cell.expected) {
    case 'allow': {
      const allowed = cell.entry.allow ?? (cell.route.method === 'POST' ? [303] : [200]);
      return allowed.includes(status) && !toSignIn ? null : `expected allowed (${allowed.join('/')}), got ${got}`;
    }
    case 'sign-in':
      return toSignIn ? null : `expected 303 to sign-in, got ${got}`;
    default:
      return status === cell.expected ? null : `expected ${String(cell.expected)}, got ${got}`;
  }
}

function auditProblem(cell: Cell, rows: readonly AuditRow[], status: number): string | null {
  const signedIn = cell.subject !== ANONYMOUS;
  const refused = rows.some((r) => r.action === 'access.record.refused' && r.outcome === 'refused');
  if (cell.expected === 'allow') {
    // a page that only sends the user on (a person's page to the child's record) shows nothing itself
    const redirected = cell.route.method !== 'POST' && status === 303;
    const actions = [cell.route.audit, ...(cell.entry.alsoAudits ?? [])];
    if (cell.route.audit !== 'none' && signedIn && !redirected && !rows.some((r) => actions.includes(r.action) && r.outcome === 'success')) {
      return `allowed but wrote no ${cell.route.audit} audit row`;
    }
    if (cell.route.audit === 'none' && cell.route.method !== 'POST' && rows.length > 0) {
      return `declares audit 'none' but wrote ${rows.map((r) => r.action).join(', ')}`;
    }
    return null;
  }
  if (cell.expected === 403 && !refused) return 'refused (403) without an access.record.refused audit row';
  if (cell.expected === 404) {
    const cause = cell.states.find((s) => s.expect(cell.subject, cell.entry.record ?? (cell.route.method === 'POST' ? 'change' : 'read')) !== 'allow');
    if (cause?.auditedRefusal === true && !refused) return `refused (404, ${cause.state}) without an access.record.refused audit row`;
  }
  if ((cell.expected === 'sign-in' || cell.expected === 401) && rows.length > 0) return `anonymous request wrote ${rows.map((r) => r.action).join(', ')}`;
  return null;
}

/** Pages get the strict policy; a downloaded file is sandboxed and may load nothing at all. */
const strictCsp = (csp: string): boolean =>
  (csp.includes("default-src 'self'") && csp.includes("frame-ancestors 'none'")) ||
  (/(^|;)\s*default-src 'none'\s*(;|$)/.test(csp) && /(^|;)\s*sandbox\s*(;|$)/.test(csp));

function headerProblem(response: LightMyRequestResponse): string | null {
  const csp = response.headers['content-security-policy'] ?? '';
  if (!strictCsp(csp)) return `no strict Content-Security-Policy (${csp === '' ? 'absent' : csp})`;
  if (response.headers['cache-control'] !== 'no-store') return `cache-control is ${response.headers['cache-control'] ?? 'absent'}, not no-store`;
  if (response.headers['x-content-type-options'] !== 'nosniff') return 'no x-content-type-options: nosniff';
  return null;
}

/** A page or list a subject may open never names, or links to, a child they may not open. */
function disclosureProblem(cell: Cell, response: LightMyRequestResponse): string | null {
  if (cell.expected !== 'allow' || cell.route.method !== 'GET' || cell.states.length > 0 || response.statusCode !== 200 || cell.subject === ANONYMOUS)
    return null;
  const access = RECORD_ACCESS[cell.subject];
  for (const state of ['ordinary', 'restricted', 'sealed'] as const) {
    if (access?.[state][0] === 'allow') continue;
    const name = childNames.get(state) ?? '';
    if (response.body.includes(ASSUMPTIONS[state].childId) || (name !== '' && response.body.includes(name)))
      return `shows the ${state} child, whom ${cell.subject} may not open`;
  }
  return null;
}

/** A 404 for a sealed record must be the same answer as for a record that does not exist. */
const normalise = (body: string): string => body.replace(/(nonce|value)="[^"]*"/g, '$1=""');

describe('the access matrix (RELIABILITY.md §4.6)', () => {
  it('rests on the demo authority it was written for', async () => {
    const db = web.database.handle.db;
    const allocation = async (childId: string) =>
      db
        .selectFrom('allocation')
        .innerJoin('team', 'team.id', 'allocation.teamId')
        .innerJoin('person', 'person.id', 'allocation.childId')
        .select(['team.code', 'allocation.workerUserId', 'person.restriction', 'person.restrictionContactUserId'])
        .where('allocation.childId', '=', childId)
        .where('allocation.endedOn', 'is', null)
        .executeTakeFirstOrThrow();
    const grants = async (childId: string) =>
      (await db.selectFrom('accessGrant').select('userId').where('personId', '=', childId).where('revokedAt', 'is', null).execute())
        .map((g) => g.userId)
        .sort();
    const ordinary = await allocation(ASSUMPTIONS.ordinary.childId);
    expect(ordinary).toMatchObject({ code: ASSUMPTIONS.ordinary.teamCode, workerUserId: ASSUMPTIONS.ordinary.workerId, restriction: 'none' });
    const restricted = await allocation(ASSUMPTIONS.restricted.childId);
    expect(restricted).toMatchObject({
      code: ASSUMPTIONS.restricted.teamCode,
      restriction: 'restricted',
      restrictionContactUserId: ASSUMPTIONS.restricted.contactId,
    });
    const subjectIds = (
      await db
        .selectFrom('appUser')
        .select('id')
        .where(
          'username',
          'in',
          SUBJECTS.map((s) => s.username),
        )
        .execute()
    ).map((u) => u.id);
    expect(subjectIds, 'the restricted record is allocated to none of the subjects').not.toContain(restricted.workerUserId);
    expect(await grants(ASSUMPTIONS.restricted.childId)).toEqual([GRANTEE.id]);
    expect(await allocation(ASSUMPTIONS.sealed.childId)).toMatchObject({ restriction: 'sealed' });
    expect(await grants(ASSUMPTIONS.sealed.childId)).toEqual([...ASSUMPTIONS.sealed.grantedTo]);
  });

  it('knows every route the server serves, and can fill every URL parameter', () => {
    expect(matrix.problems, matrix.problems.join('\n')).toEqual([]);
    const routes = new Set(matrix.cells.map((c) => routeKey(c.route)));
    const pending = (r: { method: string; url: string }) => NOT_YET_IN_MATRIX.has(`${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`);
    expect(routes.size).toBe(web.server.routes.filter((r) => !r.url.startsWith('/assets') && !pending(r)).length);
  });

  it.each(SUBJECTS.map((s, i) => [s.username, i] as const))(
    'answers %s on every route exactly as the matrix says',
    async (subject, index) => {
      const client = new HttpClient(web.app, `10.9.${String(index)}.1`);
      let counter = 0;
      const db = web.database.handle.db;
      const contextFor = (cell: Cell): BodyContext => ({
        subject,
        unique: (prefix) => `${prefix}.${String(index)}.${String((counter += 1))}`,
        userVersion: async (userId) => (await db.selectFrom('appUser').select('version').where('id', '=', userId).executeTakeFirstOrThrow()).version,
        params: cell.params,
        url: cell.url,
        assessmentVersion: async (id) => (await db.selectFrom('assessment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
        cpPlanVersion: async (childId) =>
          (await db.selectFrom('cpPlan').select('version').where('childId', '=', childId).where('status', '=', 'active').executeTakeFirst())?.version ?? 0,
        db,
      });
      const failures: string[] = [];
      const notFound = new Map<string, Map<string, string>>();
      const cells = matrix.cells.filter((c) => c.subject === subject);
      for (const cell of cells) {
        if (subject === ANONYMOUS) client.forget(SESSION_COOKIE);
        else if (!client.signedIn) await client.signIn(subject);
        let response: LightMyRequestResponse;
        let rows: AuditRow[];
        if (cell.route.method === 'POST') {
          const body = await cell.entry.body?.(contextFor(cell));
          if (body === undefined) throw new Error(`no body for ${cell.name}`);
          const token = await client.csrfToken();
          const before = await lastAuditSeq(web);
          response =
            'form' in body
              ? await client.request('POST', cell.url, { form: { ...body.form, _csrf: token } })
              : await client.request('POST', cell.url, body, { 'x-csrf-token': token });
          rows = await auditSince(web, before);
        } else {
          const before = await lastAuditSeq(web);
          response = await client.request(cell.route.method, cell.url);
          rows = await auditSince(web, before);
        }
        await cell.entry.reset?.(contextFor(cell));
        for (const problem of [
          statusProblem(cell, response),
          auditProblem(cell, rows, response.statusCode),
          headerProblem(response),
          disclosureProblem(cell, response),
        ]) {
          if (problem !== null) failures.push(`${cell.name}: ${problem}`);
        }
        if (cell.expected === 404 && cell.route.method === 'GET') {
          const state = cell.states.map((s) => s.state).join(',');
          const byState = notFound.get(cell.route.url) ?? new Map<string, string>();
          byState.set(state, isApi(cell.route.url) ? response.body : normalise(response.body));
          notFound.set(cell.route.url, byState);
        }
      }
      for (const [url, byState] of notFound) {
        const sealed = byState.get('sealed');
        if (sealed !== undefined && sealed !== byState.get('missing'))
          failures.push(`${subject} GET ${url}: a sealed record answers differently from a missing one`);
      }
      expect(cells.length).toBeGreaterThan(0);
      expect(failures, failures.join('\n')).toEqual([]);
      // a few hundred cells per subject: seconds on an idle 2-core machine, far more on a busy one
    },
    240_000,
  );
});
