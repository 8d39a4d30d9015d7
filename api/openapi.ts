import { z } from 'zod';
import { adoptionSchema, adoptionTrendSchema, unitMappingSchema } from './adoption-schemas.js';
import { announcementPaths } from './announcement-openapi.js';
import { authConfigSchema, healthSchema, meSchema, preferencesSchema, problemSchema } from './schemas.js';
import { createSurveySchema, followUpSchema, messagingSettingsSchema, previewSchema } from './survey-schemas.js';
import { nudgeRulesSchema } from '../core/nudge-rules.js';
import { digestPreferencesSchema } from '../core/digest-preferences.js';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'output' }) } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]),
  );

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
const ok = (description: string) => ({ '200': { description, content: { 'application/json': { schema: { type: 'object' } } } } });
const id = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });
const surveyId = id('id', 'The survey');
const resultParameters = [
  { name: 'round', in: 'query', description: 'The round (default: the latest)', schema: { type: 'string', format: 'uuid' } },
  { name: 'unit', in: 'query', description: 'Only this unit and its sub-units', schema: { type: 'string', format: 'uuid' } },
];
const authed = { security: [{ entra: [] }] };

/** Pulse surveys: Communicator and AdoptionAdmin run them for everyone, UnitLead for their units; SafetyRep reads results. */
const surveyPaths = {
  '/api/v1/surveys/templates': { get: { summary: 'The shipped survey templates, every text in nb, nn, sv and en', ...authed, responses: { ...ok('Templates'), ...problems(401, 403) } } },
  '/api/v1/surveys': {
    get: { summary: 'Surveys with their rounds (counts only from the group size up)', ...authed, responses: { ...ok('Surveys'), ...problems(401, 403) } },
    post: {
      summary: 'Create a survey from a template or own questions, for units (with sub-units), Entra ID groups or everyone; once, weekly or monthly',
      ...authed,
      requestBody: body(createSurveySchema),
      responses: { '201': { description: 'The survey' }, ...problems(400, 401, 403, 415) },
    },
  },
  '/api/v1/surveys/preview': {
    post: { summary: 'The Adaptive Card staff would get, for a definition and language', ...authed, requestBody: body(previewSchema), responses: { ...ok('{card}'), ...problems(400, 401, 403, 415) } },
  },
  '/api/v1/surveys/{id}': { get: { summary: 'One survey', ...authed, parameters: [surveyId], responses: { ...ok('The survey'), ...problems(401, 403, 404) } } },
  '/api/v1/surveys/{id}/close': { post: { summary: 'End a survey now: an open round closes, no more rounds', ...authed, parameters: [surveyId], responses: { ...ok('The survey'), ...problems(400, 401, 403, 404) } } },
  '/api/v1/surveys/{id}/results': {
    get: {
      summary: "A round's results per unit and for the municipality; groups under minGroupSize (or recoverable by subtraction) carry no answers",
      ...authed,
      parameters: [surveyId, ...resultParameters],
      responses: { ...ok('Results'), ...problems(400, 401, 403, 404) },
    },
  },
  '/api/v1/surveys/{id}/results.csv': {
    get: {
      summary: 'The same results as CSV (UTF-8 with BOM), for the work-environment committee',
      ...authed,
      parameters: [surveyId, ...resultParameters, { name: 'locale', in: 'query', schema: { type: 'string', enum: ['nb', 'nn', 'sv', 'en'] } }],
      responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...problems(400, 401, 403, 404) },
    },
  },
  '/api/v1/surveys/{id}/trend': { get: { summary: "A unit's (or the municipality's) results round by round", ...authed, parameters: [surveyId, resultParameters[1]!], responses: { ...ok('Points'), ...problems(400, 401, 403, 404) } } },
  '/api/v1/surveys/{id}/rounds/{roundId}/follow-ups': {
    post: {
      summary: '"You said, we did": a follow-up on a round, sent by the bot to everyone the round reached',
      ...authed,
      parameters: [surveyId, id('roundId', 'The round')],
      requestBody: body(followUpSchema),
      responses: { '201': { description: 'The follow-up' }, ...problems(400, 401, 403, 404, 415) },
    },
  },
  '/api/v1/units': { get: { summary: 'The unit tree (names only)', ...authed, responses: { ...ok('Units'), ...problems(401, 403) } } },
  '/api/v1/groups': {
    get: {
      summary: 'Entra ID groups for survey audiences (Communicator, AdoptionAdmin)',
      ...authed,
      parameters: [{ name: 'search', in: 'query', description: 'Names starting with', schema: { type: 'string' } }],
      responses: { ...ok('Groups'), ...problems(400, 401, 403, 503) },
    },
  },
  '/api/v1/settings/messaging': {
    get: { summary: "The tenant's time zone, quiet hours and quiet weekends (AdoptionAdmin)", ...authed, responses: { ...ok('Settings'), ...problems(401, 403) } },
    put: { summary: 'Change them (AdoptionAdmin)', ...authed, requestBody: body(messagingSettingsSchema), responses: { ...ok('Settings'), ...problems(400, 401, 403, 415) } },
  },
  '/api/v1/nudges/rules': {
    get: { summary: "The tenant's nudge rules: tip series, pacing, hold-out (AdoptionAdmin)", ...authed, responses: { ...ok('Rules'), ...problems(401, 403) } },
    put: { summary: 'Change them, whole (AdoptionAdmin)', ...authed, requestBody: body(nudgeRulesSchema), responses: { ...ok('Rules'), ...problems(400, 401, 403, 415) } },
  },
  '/api/v1/nudges/effect': {
    get: { summary: 'The effect of the tips per unit and arm, with its interval, and the feedback per tip (AdoptionAdmin)', ...authed, responses: { ...ok('Effect'), ...problems(401, 403) } },
  },
};

const adoptionParameters = [
  { name: 'period', in: 'query', schema: { type: 'string', enum: ['D7', 'D30', 'D90', 'D180'], default: 'D30' } },
  { name: 'date', in: 'query', description: 'Report date of the snapshot, YYYY-MM-DD (default: newest)', schema: { type: 'string', format: 'date' } },
  { name: 'unit', in: 'query', description: 'Only this unit and its sub-units', schema: { type: 'string', format: 'uuid' } },
];

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
      '/api/v1/me/digest': {
        get: {
          summary: "The unit lead's weekly digest: weekday (1 Monday–5 Friday), local time (07:00–17:00) and whether it is on; Monday 08:00 and on until changed (UnitLead)",
          ...authed,
          responses: { '200': { description: 'The preferences', content: json(digestPreferencesSchema) }, ...problems(401, 403) },
        },
        put: {
          summary: 'Change them, whole; a wrong field is named by its path (UnitLead)',
          ...authed,
          requestBody: body(digestPreferencesSchema),
          responses: { '200': { description: 'The preferences as stored', content: json(digestPreferencesSchema) }, ...problems(400, 401, 403, 404, 415) },
        },
      },
      ...surveyPaths,
      ...announcementPaths,
    },
  };
}
