import type { ServerResponse } from 'node:http';
import type { SimContext } from './context.js';
import { graphAuthorised } from './graph-auth.js';
import { badPageToken, nextLinkFor, pageOffset, topParam } from './graph-query.js';
import { graphError, sendJson, type Router, type SimRequest } from './http.js';
import type { SimPerson } from './municipality.js';

export const USER_FIELDS = [
  'id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'department',
  'officeLocation', 'jobTitle', 'accountEnabled', 'preferredLanguage', 'usageLocation',
] as const satisfies ReadonlyArray<keyof SimPerson>;
export type UserField = (typeof USER_FIELDS)[number];
/** What Graph v1.0 returns without $select (its default set; department and accountEnabled must be asked for). */
export const DEFAULT_USER_FIELDS: UserField[] = ['id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'jobTitle', 'officeLocation', 'preferredLanguage'];
/** Graph matches property names in $select case-insensitively and answers in their own case. */
const FIELD_BY_LOWER = new Map<string, UserField>(USER_FIELDS.map((f) => [f.toLowerCase(), f]));

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
    const skip = q.has('$skiptoken') ? pageOffset('users', q.get('$skiptoken')!) : 0;
    if (skip === undefined) return sendJson(res, 400, badPageToken());
    const people = ctx.municipality.people;
    const end = Math.min(skip + top.data, people.length);
    const value = new Array<Record<string, unknown>>(end - skip);
    for (let i = skip; i < end; i++) value[i - skip] = projectUser(people[i]!, fields);
    const nextLink = end < people.length ? nextLinkFor(req, 'users', end) : undefined;
    sendJson(
      res,
      200,
      ctx.faults.page('users', {
        '@odata.context': `${req.origin}/v1.0/$metadata#users(${fields.join(',')})`,
        ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
        value,
      }),
    );
  });

  router.on('GET', '/v1.0/users/:id', async (req, res) => {
    if (!(await authorised(req, res))) return;
    const fields = selected(req.url.searchParams.get('$select'));
    if (typeof fields === 'string') return sendJson(res, 400, unknownProperty(fields));
    const person = ctx.personById(req.params.id!);
    if (!person) {
      return sendJson(res, 404, graphError('Request_ResourceNotFound', `Resource '${req.params.id}' does not exist or one of its queried reference-property objects are not present.`));
    }
    sendJson(res, 200, { '@odata.context': `${req.origin}/v1.0/$metadata#users(${fields.join(',')})/$entity`, ...projectUser(person, fields) });
  });
}

/** The fields asked for, or the first unknown field name. */
function selected(select: string | null): UserField[] | string {
  if (!select) return DEFAULT_USER_FIELDS;
  const fields: UserField[] = [];
  for (const name of select.split(',').map((f) => f.trim()).filter(Boolean)) {
    const field = FIELD_BY_LOWER.get(name.toLowerCase());
    if (!field) return name;
    if (!fields.includes(field)) fields.push(field);
  }
  return fields.length ? fields : DEFAULT_USER_FIELDS;
}

export function projectUser(person: SimPerson, fields: UserField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = person[f] ?? null;
  return out;
}

function unknownProperty(name: string) {
  return graphError('BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
}
