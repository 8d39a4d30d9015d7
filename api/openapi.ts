import { z } from 'zod';
import { adoptionSchema, adoptionTrendSchema, unitMappingSchema } from './adoption-schemas.js';
import { authConfigSchema, healthSchema, meSchema, preferencesSchema, problemSchema } from './schemas.js';

const adoptionParameters = [
  { name: 'period', in: 'query', schema: { type: 'string', enum: ['D7', 'D30', 'D90', 'D180'], default: 'D30' } },
  { name: 'date', in: 'query', description: 'Report date of the snapshot, YYYY-MM-DD (default: newest)', schema: { type: 'string', format: 'date' } },
  { name: 'unit', in: 'query', description: 'Only this unit and its sub-units', schema: { type: 'string', format: 'uuid' } },
];

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
      '/api/v1/adoption': {
        get: {
          summary: 'Teams and Viva Engage adoption per unit (AdoptionAdmin: all units; UnitLead: their own). Groups under minGroupSize carry no figures.',
          security: [{ entra: [] }],
          parameters: adoptionParameters,
          responses: { '200': { description: 'A snapshot as the caller may see it', content: json(adoptionSchema) }, ...problems(400, 401, 403, 404) },
        },
      },
      '/api/v1/adoption/trend': {
        get: {
          summary: "A unit's (or, for admins, the municipality's) adoption over every snapshot of a period",
          security: [{ entra: [] }],
          parameters: adoptionParameters.filter((p) => p.name !== 'date'),
          responses: { '200': { description: 'Points, oldest first', content: json(adoptionTrendSchema) }, ...problems(400, 401, 403) },
        },
      },
      '/api/v1/adoption/export.csv': {
        get: {
          summary: 'The units the adoption view shows, as CSV (UTF-8 with BOM)',
          security: [{ entra: [] }],
          parameters: adoptionParameters,
          responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...problems(400, 401, 403, 404) },
        },
      },
      '/api/v1/adoption/unit-mapping': {
        get: { summary: 'The unit mapping (AdoptionAdmin)', security: [{ entra: [] }], responses: { '200': { description: 'Rules', content: json(unitMappingSchema) }, ...problems(401, 403) } },
        put: {
          summary: 'Replace the unit mapping from a CSV file with the columns department (or office) and unit (AdoptionAdmin)',
          security: [{ entra: [] }],
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
          responses: { '200': { description: 'The new rules', content: json(unitMappingSchema) }, ...problems(400, 401, 403, 415) },
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
