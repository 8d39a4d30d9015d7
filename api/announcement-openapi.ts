import { z } from 'zod';
import {
  announcementDetailSchema,
  announcementSummarySchema,
  briefingSchema,
  createAnnouncementSchema,
  previewBodySchema,
  progressSchema,
  reachSchema,
  timelineSchema,
  unreachedSchema,
} from './announcement-schemas.js';
import { attachPostSchema, channelPostSchema, postElsewhereSchema, postsElsewhereSchema } from './announcement-post-schemas.js';

/** The announcement routes for the OpenAPI document, from the schemas the routes parse and answer with. */
const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } });
const answer = (status: string, description: string, schema: z.ZodType) => ({ [status]: { description, content: json(schema) } });
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]));
const authed = { security: [{ entra: [] }] };
const id = { name: 'id', in: 'path', required: true, description: 'The announcement', schema: { type: 'string', format: 'uuid' } };
const readers = 'Communicator and AdoptionAdmin: every unit; UnitLead: their unit with its sub-units';
const managers = 'Communicator or AdoptionAdmin';

export const announcementPaths = {
  '/api/v1/announcements': {
    get: { summary: `Announcements, newest first, with their progress (${readers})`, ...authed, responses: { ...answer('200', 'Announcements', z.object({ announcements: z.array(announcementSummarySchema) })), ...problems(400, 401, 403) } },
    post: {
      summary: `Write and send (or schedule) an announcement to units with their sub-units, Entra ID groups, a Teams team or everyone (${managers})`,
      ...authed,
      requestBody: body(createAnnouncementSchema),
      responses: { ...answer('201', 'The announcement', announcementDetailSchema), ...problems(400, 401, 403, 415) },
    },
  },
  '/api/v1/announcements/preview': {
    post: {
      summary: `The Adaptive Card a person reading the language gets (${managers})`,
      ...authed,
      parameters: [{ name: 'locale', in: 'query', description: 'Default: the caller’s language', schema: { type: 'string', enum: ['nb', 'nn', 'sv', 'en'] } }],
      requestBody: body(previewBodySchema),
      responses: { '200': { description: '{card}' }, ...problems(400, 401, 403, 415) },
    },
  },
  '/api/v1/announcements/{id}': { get: { summary: `One announcement with every language version (${readers})`, ...authed, parameters: [id], responses: { ...answer('200', 'The announcement', announcementDetailSchema), ...problems(400, 401, 403, 404) } } },
  '/api/v1/announcements/{id}/cancel': {
    post: { summary: `Stop a scheduled or sending announcement; those not yet sent get nothing (${managers})`, ...authed, parameters: [id], responses: { ...answer('200', 'The announcement', announcementDetailSchema), ...problems(400, 401, 403, 404, 409, 415) } },
  },
  '/api/v1/announcements/{id}/progress': { get: { summary: 'Where sending stands, the rate and the time left', ...authed, parameters: [id], responses: { ...answer('200', 'Progress', progressSchema), ...problems(400, 401, 403, 404) } } },
  '/api/v1/announcements/{id}/reach': {
    get: { summary: `Targeted → on Teams → delivered → read → acknowledged → clicked, for the whole and per unit, least reached first; units under minGroupSize (or recoverable by subtraction) carry no figures (${readers})`, ...authed, parameters: [id], responses: { ...answer('200', 'Reach', reachSchema), ...problems(400, 401, 403, 404) } },
  },
  '/api/v1/announcements/{id}/timeline': { get: { summary: 'Signals counted up per hour since sending', ...authed, parameters: [id], responses: { ...answer('200', 'Timeline', timelineSchema), ...problems(400, 401, 403, 404) } } },
  '/api/v1/announcements/{id}/unreached': { get: { summary: `Per unit: not on Teams, delivery failed, not reachable, not read after N days (${readers})`, ...authed, parameters: [id], responses: { ...answer('200', 'Unreached', unreachedSchema), ...problems(400, 401, 403, 404) } } },
  '/api/v1/announcements/{id}/reminder': {
    post: { summary: `The one reminder, to those delivered it who show no sign of reading it (${managers}); 409 when sent before or still sending`, ...authed, parameters: [id], responses: { '200': { description: '{queued}' }, ...problems(400, 401, 403, 404, 409, 415) } },
  },
  '/api/v1/announcements/{id}/posts': {
    get: {
      summary: `Posts made elsewhere that the announcement's reach follows: a Teams channel post's reactions and replies per unit (units under minGroupSize, or recoverable by subtraction, carry no figures), a SharePoint page's unique viewers (${readers})`,
      ...authed,
      parameters: [id],
      responses: { ...answer('200', 'Posts elsewhere', postsElsewhereSchema), ...problems(400, 401, 403, 404) },
    },
    post: {
      summary: `Follow a Teams channel post ("Copy link") or a SharePoint page by its link, read at once through Microsoft Graph (${managers}); 400 for a link that is neither, 422 when Graph does not find it or may not read it`,
      ...authed,
      parameters: [id],
      requestBody: body(attachPostSchema),
      responses: { ...answer('201', 'The post with its figures', postElsewhereSchema), ...problems(400, 401, 403, 404, 415, 422, 502, 503) },
    },
  },
  '/api/v1/announcements/{id}/channel-posts': {
    post: {
      summary: `The bot posts the announcement's card (fallback language, no acknowledgement button) as a new thread in a team's channel, and its reactions and replies are followed like a linked post (${managers}); 422 when Digipuls is not in the team`,
      ...authed,
      parameters: [id],
      requestBody: body(channelPostSchema),
      responses: { ...answer('201', 'The post with its figures', postElsewhereSchema), ...problems(400, 401, 403, 404, 415, 422, 502, 503) },
    },
  },
  '/api/v1/announcements/{id}/briefing': {
    get: {
      summary: `A printable sheet for a unit's lead: the text, how many to brief in person, names only when acknowledgement was required; 403 for a unit too small to show (${readers})`,
      ...authed,
      parameters: [id, { name: 'unitId', in: 'query', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { ...answer('200', 'Briefing', briefingSchema), ...problems(400, 401, 403, 404) },
    },
  },
};
