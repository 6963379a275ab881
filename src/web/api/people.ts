// The people JSON API: search, create (with the duplicate check) and read a person's record. The
// same use cases and zod schemas as the pages; listed in API_OPERATIONS (v1-routes.ts) for /api/docs.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createPerson } from '../../app/people/create-person.ts';
import { findLikelyDuplicates } from '../../app/people/find-likely-duplicates.ts';
import { createPersonInput, personSearchQuery } from '../../app/people/person-input.ts';
import { MergedRecordError } from '../../app/people/person-record-view.ts';
import { searchPeople } from '../../app/people/search-people.ts';
import { viewChildRecord } from '../../app/people/view-child-record.ts';
import { viewPersonRecord } from '../../app/people/view-person-record.ts';
import type { AppDeps } from '../../app/shared/deps.ts';
import { ValidationError } from '../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../app/shared/safe-text.ts';
import { csrfGuard } from '../shared/csrf.ts';
import { submissionOf } from '../shared/submission.ts';
import { requestContext } from '../shared/request-context.ts';
import type { ApiOperation } from './openapi.ts';

const level = z.enum(['very-likely', 'likely', 'possible', 'unlikely']);
const hit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    id: z.string(),
    personType: z.enum(['child', 'unborn', 'adult']),
    givenName: z.string(),
    familyName: z.string(),
    otherNames: z.array(z.string()),
    dateOfBirth: z.string().nullable(),
    dateOfBirthEstimated: z.boolean(),
    expectedDateOfDelivery: z.string().nullable(),
    gender: z.string(),
    nhsNumber: z.string().nullable(),
    postcode: z.string().nullable(),
    restriction: z.enum(['none', 'restricted', 'sealed']),
    teamName: z.string().nullable(),
    workerName: z.string().nullable(),
    score: z.number(),
    level,
    reasons: z.array(z.string()),
  }),
  z.object({ kind: z.literal('restricted'), contactName: z.string(), score: z.number(), level }),
  z.object({ kind: z.literal('held-elsewhere'), teamName: z.string(), managerNames: z.array(z.string()), score: z.number(), level }),
]);

const searchResponse = z.object({ hits: z.array(hit), truncated: z.boolean() });
const createBody = createPersonInput.and(z.object({ confirmNotDuplicate: z.boolean().optional() }));
const createResponse = z.object({ id: z.string() });
const personParams = z.object({ personId: z.uuid() });
const personResponse = z.object({
  id: z.string(),
  personType: z.enum(['child', 'unborn', 'adult']),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.array(z.object({ nameType: z.string(), givenName: z.string(), familyName: z.string() })),
  dateOfBirth: z.string().nullable(),
  dateOfBirthEstimated: z.boolean(),
  expectedDateOfDelivery: z.string().nullable(),
  gender: z.string(),
  ethnicity: z.string().nullable(),
  firstLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  religion: z.string().nullable(),
  disabilities: z.array(z.string()),
  immigrationStatus: z.string().nullable(),
  nhsNumber: z.string().nullable(),
  upn: z.string().nullable(),
  address: z.object({ addressLine1: z.string().nullable(), addressLine2: z.string().nullable(), town: z.string().nullable(), postcode: z.string().nullable() }),
  restriction: z.enum(['none', 'restricted', 'sealed']),
  relationships: z.array(z.object({ relatedPersonId: z.string(), name: z.string(), relationship: z.string(), parentalResponsibility: z.boolean(), livesWith: z.boolean() })),
  version: z.number(),
});

export const PEOPLE_API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/v1/people', summary: 'Search people by name, date of birth, NHS number or postcode (query parameters; audited)', permission: 'people:search', response: searchResponse },
  {
    method: 'post',
    path: '/api/v1/people',
    summary: 'Add a person. Answers 409 with the likely existing records unless confirmNotDuplicate is true',
    permission: 'people:create-person',
    body: createBody,
    response: createResponse,
    idempotent: true,
  },
  { method: 'get', path: '/api/v1/people/:personId', summary: 'A person’s record (access-checked and audited)', permission: 'people:view-child', params: personParams, response: personResponse },
];

function fieldErrors(errors: Record<string, string>) {
  return { error: 'validation', message: 'The input is not valid', errors };
}

export async function peopleApiRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  app.get('/api/v1/people', { config: { permission: 'people:search', audit: 'people.search.performed' } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
    const limit = text('limit');
    const parsed = personSearchQuery.safeParse({ name: text('name'), dateOfBirth: text('dateOfBirth'), nhsNumber: text('nhsNumber'), postcode: text('postcode'), limit: limit === undefined ? undefined : Number(limit) });
    if (!parsed.success) return reply.code(400).send(fieldErrors(fieldErrorsOf(parsed.error)));
    try {
      return await reply.send(searchResponse.parse(await searchPeople(deps, requestContext(request), parsed.data)));
    } catch (error) {
      if (error instanceof ValidationError) return reply.code(400).send(fieldErrors({ ...error.fieldErrors }));
      throw error;
    }
  });

  app.post('/api/v1/people', { config: { permission: 'people:create-person', audit: 'people.person.created' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const parsed = createBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(fieldErrors(fieldErrorsOf(parsed.error)));
    const { confirmNotDuplicate, ...input } = parsed.data;
    const ctx = requestContext(request);
    try {
      if (confirmNotDuplicate !== true) {
        const matches = await findLikelyDuplicates(deps, ctx, {
          givenName: input.givenName,
          familyName: input.familyName,
          dateOfBirth: input.dateOfBirth,
          dateOfBirthEstimated: input.dateOfBirthEstimated,
          expectedDateOfDelivery: input.expectedDateOfDelivery,
          nhsNumber: input.nhsNumber,
          postcode: input.address?.postcode,
          gender: input.gender,
          ...(input.motherId === undefined ? {} : { parentIds: [input.motherId] }),
        });
        if (matches.length > 0) {
          return await reply.code(409).send({ error: 'possible-duplicates', message: 'This person may already be on Hearth. Check the matches, then send again with confirmNotDuplicate: true if none is them.', matches: matches.map((m) => hit.parse(m)) });
        }
      }
      return await reply.code(201).send(createResponse.parse(await createPerson(deps, ctx, input, { submission: submissionOf(request, input) })));
    } catch (error) {
      if (error instanceof ValidationError) return reply.code(400).send(fieldErrors({ ...error.fieldErrors }));
      throw error;
    }
  });

  app.get('/api/v1/people/:personId', { config: { permission: 'people:view-child', audit: 'people.person-record.viewed' } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) return reply.code(404).send({ error: 'not-found', message: 'Not found' });
    const ctx = requestContext(request);
    try {
      const page = await viewPersonRecord(deps, ctx, params.data.personId, 'api');
      const record = page.kind === 'adult' ? page : (await viewChildRecord(deps, ctx, params.data.personId, 'api')).record;
      const p = record.person;
      return await reply.send(
        personResponse.parse({
          ...p,
          otherNames: record.names,
          address: { addressLine1: p.addressLine1, addressLine2: p.addressLine2, town: p.town, postcode: p.postcode },
          relationships: record.relationships.map((r) => ({ relatedPersonId: r.relatedPersonId, name: r.name, relationship: r.relationship, parentalResponsibility: r.parentalResponsibility, livesWith: r.livesWith })),
        }),
      );
    } catch (error) {
      if (error instanceof MergedRecordError) return reply.code(404).send({ error: 'merged', message: 'This record was merged into another', mergedIntoPersonId: error.survivorId });
      throw error;
    }
  });
}
