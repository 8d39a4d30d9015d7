import { z } from 'zod';
import { authConfigSchema, healthSchema, meSchema, preferencesSchema, problemSchema } from './schemas.js';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'output' }) } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]),
  );

/** The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the routes use. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'Digipuls API', version: '1', description: 'REST API for the Digipuls Teams tab.' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { entra: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Entra ID access token (Teams SSO)' } },
      schemas: { Problem: z.toJSONSchema(problemSchema) },
    },
    paths: {
      '/healthz': { get: { summary: 'The process is up', responses: { '200': { description: 'Up', content: json(healthSchema) } } } },
      '/readyz': {
        get: {
          summary: 'The database and the job queue answer',
          responses: { '200': { description: 'Ready', content: json(healthSchema) }, ...problems(503) },
        },
      },
      '/api/v1/auth-config': {
        get: { summary: 'Where the tab signs in', responses: { '200': { description: 'Sign-in settings', content: json(authConfigSchema) }, ...problems(503) } },
      },
      '/api/v1/me': {
        get: {
          summary: 'The caller: name, roles and units',
          security: [{ entra: [] }],
          responses: { '200': { description: 'The caller', content: json(meSchema) }, ...problems(401, 503) },
        },
      },
      '/api/v1/me/preferences': {
        put: {
          summary: "Set the caller's language",
          security: [{ entra: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(preferencesSchema, { io: 'input' }) } } },
          responses: { '200': { description: 'The caller, updated', content: json(meSchema) }, ...problems(400, 401, 404, 415) },
        },
      },
    },
  };
}
