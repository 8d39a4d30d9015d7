import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimContext } from './context.js';
import { graphAuthorised } from './graph-auth.js';
import { graphError, sendJson, type Router, type SimRequest } from './http.js';
import type { SimPerson } from './municipality.js';

const USER_FIELDS = [
  'id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'department',
  'officeLocation', 'jobTitle', 'accountEnabled', 'preferredLanguage', 'usageLocation',
] as const satisfies ReadonlyArray<keyof SimPerson>;
type UserField = (typeof USER_FIELDS)[number];
/** What Graph v1.0 returns without $select (its default set; department and accountEnabled must be asked for). */
const DEFAULT_FIELDS: UserField[] = ['id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'jobTitle', 'officeLocation', 'preferredLanguage'];
/** Graph matches property names in $select case-insensitively and answers in their own case. */
const FIELD_BY_LOWER = new Map<string, UserField>(USER_FIELDS.map((f) => [f.toLowerCase(), f]));

const topParam = z.coerce
  .number({ error: '$top must be a number' })
  .int('$top must be a whole number')
  .min(1, 'Invalid page size specified: $top must be between 1 and 999 inclusive.')
  .max(999, 'Invalid page size specified: $top must be between 1 and 999 inclusive.')
  .default(100);

/** Microsoft Graph v1.0: /users with $select, $top and nextLink paging; app-only tokens with User.Read.All required. */
export function registerGraph(router: Router, ctx: SimContext): void {
  // Throttles injected by tests apply after the token check, as Graph throttles callers it knows.
  const authorised = async (req: SimRequest, res: ServerResponse) =>
    (await graphAuthorised(ctx, req, res, ['User.Read.All'])) && !ctx.faults.answer('users', res);

  router.on('GET', '/v1.0/users', async (req, res) => {
    if (!(await authorised(req, res))) return;
    const q = req.url.searchParams;
    const top = topParam.safeParse(q.get('$top') ?? undefined);
    if (!top.success) return sendJson(res, 400, graphError('Request_UnsupportedQuery', top.error.issues[0]!.message));
    const fields = selected(q.get('$select'));
    if (typeof fields === 'string') return sendJson(res, 400, unknownProperty(fields));
    const skip = q.has('$skiptoken') ? offsetOf(q.get('$skiptoken')!) : 0;
    if (skip === undefined) return sendJson(res, 400, graphError('Request_BadRequest', 'The specified page token value has expired or is invalid.'));
    const people = ctx.municipality.people;
    const end = Math.min(skip + top.data, people.length);
    const value = new Array<Record<string, unknown>>(end - skip);
    for (let i = skip; i < end; i++) value[i - skip] = project(people[i]!, fields);
    let nextLink: string | undefined;
    if (end < people.length) {
      // Absolute, on the transport the client used, with every other query option kept (as Graph does).
      const next = new URL(req.url);
      next.searchParams.set('$skiptoken', tokenFor(end));
      nextLink = next.toString();
    }
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#users(${fields.join(',')})`,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value,
    });
  });

  router.on('GET', '/v1.0/users/:id', async (req, res) => {
    if (!(await authorised(req, res))) return;
    const fields = selected(req.url.searchParams.get('$select'));
    if (typeof fields === 'string') return sendJson(res, 400, unknownProperty(fields));
    const person = ctx.personById(req.params.id!);
    if (!person) {
      return sendJson(res, 404, graphError('Request_ResourceNotFound', `Resource '${req.params.id}' does not exist or one of its queried reference-property objects are not present.`));
    }
    sendJson(res, 200, { '@odata.context': `${req.origin}/v1.0/$metadata#users(${fields.join(',')})/$entity`, ...project(person, fields) });
  });
}

/** The fields asked for, or the first unknown field name. */
function selected(select: string | null): UserField[] | string {
  if (!select) return DEFAULT_FIELDS;
  const fields: UserField[] = [];
  for (const name of select.split(',').map((f) => f.trim()).filter(Boolean)) {
    const field = FIELD_BY_LOWER.get(name.toLowerCase());
    if (!field) return name;
    if (!fields.includes(field)) fields.push(field);
  }
  return fields.length ? fields : DEFAULT_FIELDS;
}

function project(person: SimPerson, fields: UserField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = person[f] ?? null;
  return out;
}

function unknownProperty(name: string) {
  return graphError('BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
}

/** Skip tokens are opaque to clients (they follow nextLink); inside, an offset. */
const tokenFor = (offset: number) => Buffer.from(`sim-users:${offset}`).toString('base64url');
function offsetOf(token: string): number | undefined {
  const match = /^sim-users:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
