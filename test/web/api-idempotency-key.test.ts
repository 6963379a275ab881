// The Idempotency-Key header in the OpenAPI document (/api/docs): every JSON API route that honours
// it says so, with the format the server accepts, and what the document says is true (a retry with
// the same key writes once; the same key with another body is refused).
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_TOKEN } from '../../src/app/shared/idempotency.ts';
import { IDEMPOTENCY_HEADER } from '../../src/web/shared/submission.ts';
import { Browser, createTestWeb, type TestWeb } from '../support/web.ts';

let web: TestWeb;
beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: { readonly pattern?: string; readonly minLength?: number; readonly maxLength?: number };
}
type ApiDocument = { paths: Record<string, Record<string, { parameters: Parameter[] }>> };

/** The API routes that honour the header, who may call each, a valid body, and the table it writes to. */
const IDEMPOTENT: Record<string, { readonly user: string; readonly body: (n: number) => Record<string, unknown>; readonly table: 'appUser' | 'person' }> = {
  'post /api/v1/users': {
    user: 'admin',
    body: (n) => ({ displayName: 'Key Holder', username: `key.holder.${String(n)}`, password: 'a-long-enough-password', roles: ['iro'] }),
    table: 'appUser',
  },
  'post /api/v1/people': {
    user: 'social.worker',
    body: (n) => ({
      personType: 'adult',
      givenName: `Keyholder${'x'.repeat(n)}`,
      familyName: 'Retrier',
      gender: 'female',
      dateOfBirth: '1980-01-02',
      confirmNotDuplicate: true,
    }),
    table: 'person',
  },
};

async function documented(): Promise<Map<string, Parameter>> {
  const doc = JSON.parse((await web.app.inject('/api/docs')).body) as ApiDocument;
  const found = new Map<string, Parameter>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const header = op.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === IDEMPOTENCY_HEADER);
      if (header !== undefined) found.set(`${method} ${path}`, header);
    }
  }
  return found;
}

describe('the Idempotency-Key header in /api/docs', () => {
  it('is documented on exactly the API routes that honour it, with the format the server accepts', async () => {
    const found = await documented();
    expect([...found.keys()].sort()).toEqual(Object.keys(IDEMPOTENT).sort());
    for (const header of found.values()) {
      expect(header).toMatchObject({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { pattern: SUBMISSION_TOKEN.source, minLength: 16, maxLength: 128 },
      });
    }
  });

  it.each(Object.entries(IDEMPOTENT))('%s: a retry with the same key writes once; the key with another body is refused', async (key, route) => {
    const [method, path] = key.split(' ');
    expect(method).toBe('post');
    const browser = new Browser(web.app);
    await browser.signIn(route.user);
    const me = JSON.parse((await browser.get('/api/v1/me')).body) as { csrfToken: string };
    const db = web.database.handle.db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom(route.table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const send = (body: Record<string, unknown>, idempotencyKey: string): Promise<LightMyRequestResponse> =>
      web.app.inject({
        method: 'POST',
        url: path ?? '',
        payload: body,
        headers: { cookie: browser.cookieHeader, 'x-csrf-token': me.csrfToken, [IDEMPOTENCY_HEADER]: idempotencyKey },
      });

    const before = await count();
    const idempotencyKey = `retry-${key.replace(/\W+/g, '-')}-0001`.slice(0, 64);
    const first = await send(route.body(1), idempotencyKey);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await send(route.body(1), idempotencyKey);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expect(await count()).toBe(before + 1);

    const reused = await send(route.body(2), idempotencyKey);
    expect(reused.statusCode, reused.body).toBe(400);
    expect(await count()).toBe(before + 1);
    // a key the document's pattern refuses is refused by the server too
    expect((await send(route.body(3), 'short')).statusCode).toBe(400);
    expect(await count()).toBe(before + 1);
  });
});
