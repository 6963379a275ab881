// Bad input at every form, upload and JSON API route (RELIABILITY.md §4.5), found from the route
// table so routes added later are covered too: random field maps, mutations of a valid body, an
// injection corpus, hostile files, broken encodings and oversized bodies. The answer is always a
// clear 2xx/3xx or 400/403/409/413/422 (plus what a route declares in access-matrix.ts), never a
// 500 or a stack trace; a refusal writes nothing (only refusal audit rows, and what the route
// declares); and no page ever shows hostile markup unescaped.
import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { NOT_YET_IN_MATRIX } from './not-yet-in-matrix.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestWeb } from '../support/web.ts';
import { ANONYMOUS, buildAccessMatrix, routeKey, type BodyContext, type Cell } from './access-matrix.ts';
import { auditSince, createSecurityWeb, tableCounts } from './fixtures.ts';
import {
  HOSTILE,
  RAW_FORM_BODIES,
  RAW_JSON_BODIES,
  XSS_MARKERS,
  fieldName,
  formValue,
  hostileString,
  jsonValue,
  multipartBody,
  parseMultipart,
  uploadFile,
  type MultipartParts,
} from './hostile-input.ts';
import { HttpClient, SESSION_COOKIE, type RequestBody } from './http-client.ts';

const SEED = Number(process.env['FC_SEED'] ?? 20_261_123);
/** Runs per property and route: a few dozen requests per route keep the suite quick as routes grow. */
const RUNS = Number(process.env['FC_RUNS'] ?? 15);
const CLEAR = [400, 403, 409, 413, 422];
const INTERNALS = /\bat .+\(.+:\d+:\d+\)|node_modules|\/src\/|syntax error at or near|violates .* constraint|ECONNREFUSED/i;

type Kind = 'form' | 'json' | 'multipart';

interface Target {
  readonly key: string;
  readonly cell: Cell;
  readonly client: HttpClient;
  readonly kind: Kind;
  /** The names of the valid body's fields (its file field apart, for an upload). */
  readonly fields: readonly string[];
  readonly ctx: BodyContext;
  /** The client's CSRF token (valid as long as its CSRF cookie, which signing in and out keep). */
  token: string;
}

// Built before the tests are collected, so there is one test per POST route in the route table.
const web: TestWeb = await createSecurityWeb();
const matrix = buildAccessMatrix(web.server.routes);
const postRoutes = [...new Set(web.server.routes.filter((r) => r.method === 'POST').map(routeKey))].filter((key) => !NOT_YET_IN_MATRIX.has(key)).sort();
/** Who posts to each route: a visitor for public routes, else the first subject the matrix lets in. */
const posterOf = (key: string): Cell | undefined => {
  const cells = matrix.cells.filter((c) => routeKey(c.route) === key && c.expected === 'allow');
  return cells.find((c) => c.route.permission === 'public' && c.subject === ANONYMOUS) ?? cells.find((c) => c.subject !== ANONYMOUS);
};
// Routes the access matrix does not know yet fail its own test (access-matrix.test.ts) and the first test here.
const fuzzable = postRoutes.filter((key) => posterOf(key) !== undefined);
const targets = new Map<string, Target>();
afterAll(async () => {
  await web.close();
});

const asObject = (value: unknown): object => (value !== null && typeof value === 'object' ? value : {});
const kindOf = (body: RequestBody): Kind => ('form' in body ? 'form' : 'json' in body ? 'json' : 'multipart');

function fieldsOf(body: RequestBody): string[] {
  if ('form' in body) return Object.keys(body.form);
  if ('json' in body) return body.json !== null && typeof body.json === 'object' ? Object.keys(body.json) : [];
  return Object.keys(parseMultipart(body.raw).fields);
}

beforeAll(async () => {
  for (const [index, key] of fuzzable.entries()) {
    const cell = posterOf(key);
    if (cell === undefined) continue;
    const client = new HttpClient(web.app, `10.7.${String(index + 1)}.1`);
    let n = 0;
    const ctx: BodyContext = {
      subject: cell.subject,
      unique: (prefix) => `${prefix}.f${String(index)}.${String((n += 1))}`,
      userVersion: async (userId) =>
        (await web.database.handle.db.selectFrom('appUser').select('version').where('id', '=', userId).executeTakeFirstOrThrow()).version,
      params: cell.params,
      url: cell.url,
      db: web.database.handle.db,
      assessmentVersion: async (id) => (await web.database.handle.db.selectFrom('assessment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    };
    const sample = await cell.entry.body?.(ctx);
    if (sample === undefined) continue;
    if (cell.subject !== ANONYMOUS) await client.signIn(cell.subject);
    targets.set(key, { key, cell, client, kind: kindOf(sample), fields: fieldsOf(sample), ctx, token: await client.csrfToken() });
  }
}, 60_000);

const targetOf = (key: string): Target => {
  const target = targets.get(key);
  if (target === undefined) throw new Error(`${key} has no fuzz target (see the first test)`);
  return target;
};

/** Row counts after the last request: nothing else writes between two requests of this file. */
let counted: Record<string, number> | null = null;
beforeEach(() => {
  counted = null;
});

let visitors = 0;
async function prepare(target: Target): Promise<void> {
  if (target.cell.subject === ANONYMOUS) {
    // A visitor from a new address each time, so the sign-in throttles do not answer for the handler.
    target.client.forget(SESSION_COOKIE);
    visitors += 1;
    target.client.address = `10.8.${String(Math.floor(visitors / 250))}.${String(visitors % 250)}`;
  } else if (!target.client.signedIn) {
    await target.client.signIn(target.cell.subject);
    counted = null; // signing in wrote a session, a login attempt and an audit row
  }
}

/** Sends one body (with a valid CSRF token) and lists everything wrong with the answer. */
async function attempt(target: Target, body: RequestBody, extraAllowed: readonly number[] = []): Promise<string[]> {
  await prepare(target);
  counted ??= await tableCounts(web);
  const before = counted;
  const response =
    'form' in body
      ? await target.client.request('POST', target.cell.url, { form: { ...body.form, _csrf: target.token } })
      : await target.client.request('POST', target.cell.url, body, { 'x-csrf-token': target.token });
  const problems = await judge(target, response, before, extraAllowed);
  if (target.cell.entry.reset !== undefined) {
    await target.cell.entry.reset(target.ctx);
    // What the reset waited for (a return run finishing in the background, say) is not the next attempt's doing.
    counted = await tableCounts(web);
  }
  return problems;
}

async function judge(target: Target, response: LightMyRequestResponse, before: Record<string, number>, extraAllowed: readonly number[]): Promise<string[]> {
  const problems: string[] = [];
  const status = response.statusCode;
  const success = status >= 200 && status < 400;
  const allowed = [...CLEAR, ...extraAllowed, ...(target.cell.entry.badInputStatuses ?? [])];
  if (!success && !allowed.includes(status)) problems.push(`answered ${String(status)}`);
  if (INTERNALS.test(response.body)) problems.push(`showed internals: ${response.body.slice(0, 300)}`);
  if (String(response.headers['content-type']).startsWith('text/html')) {
    for (const marker of XSS_MARKERS) if (response.body.includes(marker)) problems.push(`showed ${marker}… unescaped`);
  }
  const after = await tableCounts(web);
  counted = after;
  if (!success) {
    const writable = new Set(['audit_event', ...(target.cell.entry.writesWhenRefused ?? [])]);
    for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (before[table] !== after[table] && !writable.has(table))
        problems.push(`refused (${String(status)}) but ${table} went from ${String(before[table])} to ${String(after[table])} rows`);
    }
    // audit_event.seq runs 1, 2, 3…: its row count is the last sequence number.
    const written = after['audit_event'] === before['audit_event'] ? [] : await auditSince(web, BigInt(before['audit_event'] ?? 0));
    const shownAgain = new Set(target.cell.entry.auditsWhenRefused ?? []);
    const notRefusals = written.filter((r) => r.outcome !== 'refused' && !shownAgain.has(r.action));
    if (notRefusals.length > 0) problems.push(`refused (${String(status)}) but audited ${notRefusals.map((r) => r.action).join(', ')} as done`);
  }
  return problems;
}

const describeBody = (body: RequestBody): string =>
  JSON.stringify(body, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${String(v.length)} chars)` : v));

async function validParts(target: Target): Promise<MultipartParts> {
  const valid = await target.cell.entry.body?.(target.ctx);
  return valid !== undefined && 'raw' in valid ? parseMultipart(valid.raw) : { fields: {}, file: null };
}

/** Random bodies of the route's kind: any field names, hostile values, hostile files. */
function randomBody(target: Target): fc.Arbitrary<RequestBody> {
  const names = fieldName(target.fields);
  if (target.kind === 'form') return fc.dictionary(names, formValue, { maxKeys: 8 }).map((form) => ({ form }));
  if (target.kind === 'json')
    return fc.oneof(
      fc.dictionary(names, jsonValue, { maxKeys: 8 }).map((json) => ({ json })),
      jsonValue.map((json) => ({ json })),
    );
  return fc
    .record({ fields: fc.dictionary(names, hostileString, { maxKeys: 6 }), file: fc.option(uploadFile('file'), { nil: null }) })
    .map((parts) => multipartBody(parts));
}

/** A valid body with some fields (and, for an upload, perhaps the file) replaced: gets past the first checks. */
function mutatedBody(target: Target): fc.Arbitrary<() => Promise<RequestBody>> {
  const value = target.kind === 'json' ? jsonValue : formValue;
  const names = fc.constantFrom(...(target.fields.length === 0 ? ['x'] : target.fields));
  return fc
    .tuple(fc.dictionary(names, value, { minKeys: 1, maxKeys: 3 }), fc.option(uploadFile('file'), { nil: null }))
    .map(([overrides, file]) => async () => {
      if (target.kind === 'multipart') {
        const parts = await validParts(target);
        const fields = Object.fromEntries(
          Object.entries({ ...parts.fields, ...overrides }).map(([k, v]) => [
            k,
            typeof v === 'string' ? v : Array.isArray(v) ? v.map(String) : JSON.stringify(v),
          ]),
        );
        return multipartBody({ fields, file: file ?? parts.file });
      }
      const valid = await target.cell.entry.body?.(target.ctx);
      if (valid !== undefined && 'json' in valid) return { json: { ...asObject(valid.json), ...overrides } };
      return { form: { ...(valid !== undefined && 'form' in valid ? valid.form : {}), ...(overrides as Record<string, string | string[]>) } };
    });
}

/** The corpus string in every field, and in one field of a valid body (and as an upload's file name). */
async function corpusBodies(target: Target, text: string, i: number): Promise<RequestBody[]> {
  const field = target.fields[i % Math.max(target.fields.length, 1)] ?? 'x';
  const everywhere = Object.fromEntries(target.fields.map((f) => [f, text]));
  if (target.kind === 'multipart') {
    const parts = await validParts(target);
    return [
      multipartBody({ fields: everywhere, file: parts.file }),
      multipartBody({ fields: { ...parts.fields, [field]: text }, file: parts.file === null ? null : { ...parts.file, filename: text } }),
    ];
  }
  const valid = await target.cell.entry.body?.(target.ctx);
  if (target.kind === 'json')
    return [{ json: everywhere }, { json: { ...(valid !== undefined && 'json' in valid ? asObject(valid.json) : {}), [field]: text } }];
  return [{ form: everywhere }, { form: { ...(valid !== undefined && 'form' in valid ? valid.form : {}), [field]: text } }];
}

describe('bad input (RELIABILITY.md §4.5)', () => {
  it('is thrown at every POST route the server serves', () => {
    const missing = postRoutes.filter((key) => !targets.has(key));
    expect(missing, 'each needs an entry with a valid body in test/security/access-matrix.ts, and a subject allowed to post it').toEqual([]);
  });

  it.each(fuzzable)(
    '%s: random bodies get a clear answer, never a 500, and a refusal writes nothing',
    async (key) => {
      const target = targetOf(key);
      await fc.assert(
        fc.asyncProperty(randomBody(target), async (body) => {
          expect(await attempt(target, body), `${key} ${describeBody(body)}`).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      await fc.assert(
        fc.asyncProperty(mutatedBody(target), async (make) => {
          const body = await make();
          expect(await attempt(target, body), `${key} ${describeBody(body)}`).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
    120_000,
  );

  it.each(fuzzable)(
    '%s: the injection corpus in every field, and alone in each',
    async (key) => {
      const target = targetOf(key);
      const failures: string[] = [];
      for (const [i, text] of HOSTILE.entries()) {
        for (const body of await corpusBodies(target, text, i))
          for (const problem of await attempt(target, body)) failures.push(`${describeBody(body)}: ${problem}`);
      }
      expect(failures, failures.join('\n')).toEqual([]);
    },
    120_000,
  );

  // A well-formed date far from today (before the bank-holiday calendar, or centuries ahead) must be
  // refused on the form like any other bad date, not reach the working-day arithmetic and crash it.
  it.each(fuzzable)(
    '%s: a valid date far in the past or future in each date field gets a clear answer',
    async (key) => {
      const target = targetOf(key);
      const failures: string[] = [];
      const yearFields = target.kind === 'form' ? target.fields.filter((f) => /(-year|Year)$/.test(f)) : [];
      for (const field of yearFields) {
        for (const year of ['1066', '1899', '1977', '2199', '9999']) {
          const valid = await target.cell.entry.body?.(target.ctx);
          const form = valid !== undefined && 'form' in valid ? valid.form : {};
          const body = { form: { ...form, [field]: year } };
          for (const problem of await attempt(target, body)) failures.push(`${field}=${year}: ${problem}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    },
    120_000,
  );

  it.each(fuzzable)(
    '%s: broken encodings, odd shapes, the wrong content type and oversized bodies',
    async (key) => {
      const target = targetOf(key);
      const failures: string[] = [];
      const send = async (raw: string, contentType: string, extraAllowed: number[] = []) => {
        const body = {
          raw: contentType.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(target.token)}&${raw}` : raw,
          contentType,
        };
        for (const problem of await attempt(target, body, extraAllowed)) failures.push(`${contentType} ${raw.slice(0, 60)}: ${problem}`);
      };
      if (target.kind === 'json') for (const raw of RAW_JSON_BODIES) await send(raw, 'application/json');
      if (target.kind === 'form') for (const raw of RAW_FORM_BODIES) await send(raw, 'application/x-www-form-urlencoded');
      if (target.kind === 'multipart') {
        const boundary = 'multipart/form-data; boundary=hearth-fuzz-boundary-7d1f0c';
        for (const raw of [
          '',
          'not multipart at all',
          '--hearth-fuzz-boundary-7d1f0c\r\nContent-Disposition: form-data; name="title"\r\n\r\nunterminated',
          '--hearth-fuzz-boundary-7d1f0c--\r\n',
        ])
          await send(raw, boundary);
        await send('x', 'multipart/form-data', [415]);
        const parts = await validParts(target);
        const big = parts.file === null ? null : { ...parts.file, content: Buffer.alloc(11 * 1024 * 1024, 0x41) };
        const tooBig = multipartBody({ fields: parts.fields, file: big });
        await send(tooBig.raw, tooBig.contentType);
        const twoFiles = multipartBody({ fields: parts.fields, file: parts.file });
        await send(
          twoFiles.raw.replace(/--[^\r\n]*--\r\n$/, '') + (parts.file === null ? '' : multipartBody({ fields: {}, file: parts.file }).raw),
          twoFiles.contentType,
        );
      }
      await send(`x=${'a'.repeat(300_000)}`, 'application/x-www-form-urlencoded', [415]);
      await send(JSON.stringify({ x: 'a'.repeat(300_000) }), 'application/json', [415]);
      await send('<xml/>', 'text/xml', [415]);
      expect(failures, failures.join('\n')).toEqual([]);
    },
    120_000,
  );
});

describe('text that is accepted is kept exactly and shown escaped (RELIABILITY.md §4.5)', () => {
  it('stores any storable display name as typed (trimmed), and never renders it as markup', async () => {
    const admin = new HttpClient(web.app, '10.7.99.1');
    await admin.signIn('admin');
    const storable = (s: string) =>
      !s.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s) && s.trim() !== '' && s.trim().length <= 200;
    const names = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), hostileString).filter(storable);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(names, async (displayName) => {
        n += 1;
        const created = await admin.post('/api/v1/users', {
          json: { displayName, username: `round.trip.${String(n)}`, password: 'a-long-enough-password', roles: ['iro'] },
        });
        expect(created.statusCode, displayName).toBe(201);
        const { id } = created.json<{ id: string }>();
        const row = await web.database.handle.db.selectFrom('appUser').select('displayName').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.displayName).toBe(displayName.trim());
        const page = await admin.get(`/admin/users/${id}`);
        expect(page.statusCode).toBe(200);
        for (const marker of XSS_MARKERS) expect(page.body).not.toContain(marker);
        const escaped = displayName.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
        expect(page.body).toContain(escaped);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
