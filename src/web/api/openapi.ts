// The OpenAPI description of the JSON API, generated from the same zod schemas that validate its
// requests (zod's own JSON Schema output), so the document cannot drift from the code.
import { z } from 'zod';

export interface ApiOperation {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly permission: string;
  readonly params?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
}

const errorBody = z.object({ error: z.string(), message: z.string().optional(), errors: z.record(z.string(), z.string()).optional() });

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

export function openApiDocument(operations: readonly ApiOperation[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = op.params === undefined ? [] : Object.keys(op.params.shape).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }));
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
