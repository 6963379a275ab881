import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestWeb, type TestWeb } from '../support/web.ts';

let web: TestWeb;
beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

describe('operations', () => {
  it('reports health with the database checked', async () => {
    const response = await web.app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', database: 'ok', engine: web.database.deps.engine });
  });

  it('serves Prometheus metrics labelled by route pattern, never by a record id', async () => {
    await web.app.inject('/children/00000000-0000-4000-9000-000000000001');
    const response = await web.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('hearth_http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/children/:childId"');
    expect(response.body).not.toContain('00000000-0000-4000-9000-000000000001');
  });
});

describe('the JSON API', () => {
  it('is described by an OpenAPI document generated from its schemas', async () => {
    const doc = JSON.parse((await web.app.inject('/api/docs')).body) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/children/{childId}', '/api/v1/users']));
    expect(doc.paths['/api/v1/users']?.['post']?.requestBody?.content['application/json']?.schema.required).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'roles']));
  });

  it('answers 401 without a session', async () => {
    expect((await web.app.inject('/api/v1/me')).statusCode).toBe(401);
  });

  it('answers bad input with 400 and an error per field, writing nothing', async () => {
    const admin = new Browser(web.app);
    await admin.signIn('admin');
    const { csrfToken } = JSON.parse((await admin.get('/api/v1/me')).body) as { csrfToken: string };
    const response = await web.app.inject({
      method: 'POST', url: '/api/v1/users',
      headers: { cookie: admin.cookieHeader, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      payload: { username: 'Not Valid', displayName: '', password: 'x', roles: [] },
    });
    expect(response.statusCode).toBe(400);
    const body = JSON.parse(response.body) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(['displayName', 'password', 'roles', 'username']);
    const created = await web.app.inject({
      method: 'POST', url: '/api/v1/users',
      headers: { cookie: admin.cookieHeader, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      payload: { username: 'api.made', displayName: 'Api Made', password: 'a-long-enough-password', roles: ['iro'] },
    });
    expect(created.statusCode).toBe(201);
  });
});
