import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { checkRouteContract, routeContractPlugin } from '../../src/web/plugins/route-contract.ts';
import { createTestWeb, type TestWeb } from '../support/web.ts';

let web: TestWeb;
beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

describe('the route contract (CONVENTIONS.md 7)', () => {
  it('records the permission and audit event of every route; any change to this list is deliberate', () => {
    const list = web.server.routes
      .filter((r) => !r.url.startsWith('/assets'))
      .map((r) => `${r.method} ${r.url} ${r.permission} ${r.audit}`)
      .sort();
    expect(list).toMatchInlineSnapshot(`
      [
        "GET / signed-in none",
        "GET /account signed-in none",
        "GET /admin/audit audit:verify none",
        "GET /admin/users admin:manage-users none",
        "GET /admin/users/:userId admin:manage-users none",
        "GET /admin/users/new admin:manage-users none",
        "GET /api/docs public none",
        "GET /api/v1/children/:childId people:view-child people.child-record.viewed",
        "GET /api/v1/me signed-in none",
        "GET /api/v1/users admin:manage-users none",
        "GET /children/:childId people:view-child people.child-record.viewed",
        "GET /health public none",
        "GET /metrics public none",
        "GET /my-work work:view-own none",
        "GET /sign-in public none",
        "GET /teams teams:view none",
        "HEAD / signed-in none",
        "HEAD /account signed-in none",
        "HEAD /admin/audit audit:verify none",
        "HEAD /admin/users admin:manage-users none",
        "HEAD /admin/users/:userId admin:manage-users none",
        "HEAD /admin/users/new admin:manage-users none",
        "HEAD /api/docs public none",
        "HEAD /api/v1/children/:childId people:view-child people.child-record.viewed",
        "HEAD /api/v1/me signed-in none",
        "HEAD /api/v1/users admin:manage-users none",
        "HEAD /children/:childId people:view-child people.child-record.viewed",
        "HEAD /health public none",
        "HEAD /metrics public none",
        "HEAD /my-work work:view-own none",
        "HEAD /sign-in public none",
        "HEAD /teams teams:view none",
        "POST /admin/audit audit:verify audit.chain.verified",
        "POST /admin/users/:userId admin:manage-users admin.user-access.changed",
        "POST /admin/users/new admin:manage-users admin.user.created",
        "POST /api/v1/users admin:manage-users admin.user.created",
        "POST /sign-in public auth.session.started",
        "POST /sign-out public auth.session.ended",
      ]
    `);
  });

  it('refuses to start a server with a route that declares no permission', async () => {
    const app = Fastify();
    await app.register(routeContractPlugin, { registry: [] });
    expect(() => app.get('/undeclared', async () => 'hello')).toThrow(/must declare config.permission/);
  });

  it('refuses a route with a permission but no audit declaration', () => {
    expect(() => checkRouteContract({ method: 'GET', url: '/x', handler: () => undefined, config: { permission: 'public' } })).toThrow(/must declare config.audit/);
  });
});
