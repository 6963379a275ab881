// The JSON API: the same use cases as the pages, validated by the same zod schemas.
import { csrfGuard } from '../shared/csrf.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createUser } from '../../app/admin/create-user.ts';
import { viewUsers } from '../../app/admin/queries.ts';
import { createUserInput } from '../../app/admin/user-input.ts';
import { viewChildRecord } from '../../app/people/view-child-record.ts';
import type { AppDeps } from '../../app/shared/deps.ts';
import { ValidationError } from '../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../app/shared/safe-text.ts';
import { ROLES } from '../../domain/shared/access/roles.ts';
import { childIdParams } from '../people/child-record/routes.ts';
import { requestContext } from '../shared/request-context.ts';
import { markReplay, submissionOf } from '../shared/submission.ts';
import { openApiDocument, type ApiOperation } from './openapi.ts';
import { PEOPLE_API_OPERATIONS, peopleApiRoutes } from './people.ts';

const meResponse = z.object({
  userId: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  teams: z.array(z.object({ teamId: z.string(), teamName: z.string(), isManager: z.boolean() })),
  csrfToken: z.string(),
});

const childResponse = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  restriction: z.enum(['none', 'restricted', 'sealed']),
  allocation: z.object({ teamName: z.string(), workerName: z.string().nullable(), startedOn: z.string() }).nullable(),
});

const userResponse = z.object({ id: z.string(), username: z.string(), displayName: z.string(), active: z.boolean(), roles: z.array(z.enum(ROLES)) });

export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/v1/me', summary: 'Who is signed in, and a CSRF token for changes', permission: 'signed-in', response: meResponse },
  { method: 'get', path: '/api/v1/children/:childId', summary: 'A child’s record summary (access-checked and audited)', permission: 'people:view-child', params: childIdParams, response: childResponse },
  { method: 'get', path: '/api/v1/users', summary: 'Staff accounts', permission: 'admin:manage-users', response: z.array(userResponse) },
  { method: 'post', path: '/api/v1/users', summary: 'Create a staff account', permission: 'admin:manage-users', body: createUserInput, response: z.object({ id: z.string() }), idempotent: true },
  ...PEOPLE_API_OPERATIONS,
];

function fieldErrors(errors: Record<string, string>) {
  return { error: 'validation', message: 'The input is not valid', errors };
}

export async function apiV1Routes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const document = openApiDocument(API_OPERATIONS);

  app.get('/api/docs', { config: { permission: 'public', audit: 'none' } }, async (_request, reply) => reply.send(document));
  await app.register(peopleApiRoutes, { deps });

  app.get('/api/v1/me', { config: { permission: 'signed-in', audit: 'none' } }, async (request, reply) => {
    const actor = request.actor;
    if (actor === null) return reply.code(401).send({ error: 'unauthenticated' });
    return reply.send(meResponse.parse({ ...actor, teams: [...actor.teams], roles: [...actor.roles], csrfToken: reply.generateCsrf() }));
  });

  app.get('/api/v1/children/:childId', { config: { permission: 'people:view-child', audit: 'people.child-record.viewed' } }, async (request, reply) => {
    const params = childIdParams.safeParse(request.params);
    if (!params.success) return reply.code(404).send({ error: 'not-found', message: 'Not found' });
    const child = await viewChildRecord(deps, requestContext(request), params.data.childId, 'api');
    return reply.send(childResponse.parse(child));
  });

  app.get('/api/v1/users', { config: { permission: 'admin:manage-users', audit: 'none' } }, async (request, reply) => {
    const users = await viewUsers(deps, requestContext(request));
    return reply.send(users.map((u) => userResponse.parse(u)));
  });

  app.post('/api/v1/users', { config: { permission: 'admin:manage-users', audit: 'admin.user.created' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const parsed = createUserInput.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(fieldErrors(fieldErrorsOf(parsed.error)));
    try {
      // An Idempotency-Key header makes a retry answer with the first account instead of a second one.
      const created = await createUser(deps, requestContext(request), parsed.data, submissionOf(request, parsed.data));
      return await markReplay(reply.code(201), created).send({ id: created.id });
    } catch (error) {
      if (error instanceof ValidationError) return reply.code(400).send(fieldErrors({ ...error.fieldErrors }));
      throw error;
    }
  });
}
