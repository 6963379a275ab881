// The OpenAPI description of the JSON API, generated from the same zod schemas that validate its
// requests (zod's own JSON Schema output), so the document cannot drift from the code.
import { z } from 'zod';
import { SUBMISSION_TOKEN } from '../../app/shared/idempotency.ts';

export interface ApiOperation {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly permission: string;
  readonly params?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** The route honours an Idempotency-Key header (src/web/shared/submission.ts): a retry writes nothing new. */
  readonly idempotent?: boolean;
}

/** The Idempotency-Key request header, as the routes that honour it read it (submissionOf, SUBMISSION_TOKEN). */
export const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A random key the client chooses for this request (16 to 128 letters, digits, - or _; 128 random bits is enough). ' +
    'Send the same key when retrying after a lost answer or a timeout: the record is written once, and the retry gets the first request’s answer. ' +
    'The same key with a different body is refused with 400. Without the header every request writes.',
  schema: { type: 'string', minLength: 16, maxLength: 128, pattern: SUBMISSION_TOKEN.source },
} as const;

const errorBody = z.object({ error: z.string(), message: z.string().optional(), errors: z.record(z.string(), z.string()).optional() });

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

export function openApiDocument(operations: readonly ApiOperation[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] =
      op.params === undefined
        ? []
        : Object.keys(op.params.shape).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }));
    if (op.idempotent === true) parameters.push(IDEMPOTENCY_KEY_PARAMETER);
    paths[path] ??= {};
    paths[path][op.method] = {
      summary: op.summary,
      description: `Needs the permission \`${op.permission}\`. Requests that change data need the \`x-csrf-token\` header (from GET /api/v1/me).`,
      parameters,
      ...(op.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } },
        '400': { description: 'Invalid input, with an error per field', content: { 'application/json': { schema: jsonSchema(errorBody, 'output') } } },
        '401': { description: 'Not signed in' },
        '403': { description: 'Not allowed' },
        '404': { description: 'Not found' },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Hearth API', version: '1', description: 'JSON API of Hearth, children’s social care case management. Sign in with a session cookie.' },
    paths,
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-hearth-session' } } },
    security: [{ session: [] }],
  };
}
