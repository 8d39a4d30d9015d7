import { jwtVerify } from 'jose';
import type { ServerResponse } from 'node:http';
import type { SimContext } from './context.js';
import { GRAPH_RESOURCE } from './entra.js';
import { bearerOf, sendJson, type Router, type SimRequest } from './http.js';
import type { SimPerson } from './municipality.js';

const USER_FIELDS = [
  'id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'department',
  'officeLocation', 'jobTitle', 'accountEnabled', 'preferredLanguage', 'usageLocation',
] as const;
/** What Graph returns without $select (v1.0's default set). */
const DEFAULT_FIELDS = ['id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'jobTitle', 'officeLocation', 'preferredLanguage'];

/** Microsoft Graph v1.0: /users with $select, $top and nextLink paging, app-only tokens required. */
export function registerGraph(router: Router, ctx: SimContext): void {
  const authorised = async (req: SimRequest, res: ServerResponse): Promise<boolean> => {
    const token = bearerOf(req);
    try {
      if (!token) throw new Error('missing');
      const { payload } = await jwtVerify(token, ctx.entraKey.publicKey, { audience: GRAPH_RESOURCE });
      if (payload.tid !== ctx.tenantId) throw new Error('tenant');
      if (!Array.isArray(payload.roles) || !payload.roles.includes('User.Read.All')) {
        sendJson(res, 403, graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));
        return false;
      }
      return true;
    } catch {
      sendJson(res, 401, graphError('InvalidAuthenticationToken', token ? 'Access token validation failure. Invalid audience, signature or expiry.' : 'Access token is empty.'));
      return false;
    }
  };

  router.on('GET', '/v1.0/users', async (req, res) => {
    if (!(await authorised(req, res))) return;
    const q = req.url.searchParams;
    const top = q.has('$top') ? Number(q.get('$top')) : 100;
    if (!Number.isInteger(top) || top < 1 || top > 999) {
      return sendJson(res, 400, graphError('Request_UnsupportedQuery', 'Invalid page size specified: $top must be between 1 and 999.'));
    }
    const fields = selected(q.get('$select'));
    if (typeof fields === 'string') return sendJson(res, 400, graphError('BadRequest', `Could not find a property named '${fields}' on type 'microsoft.graph.user'.`));
    const skip = Number(q.get('$skiptoken') ?? '0');
    const people = ctx.municipality.people;
    const page = people.slice(skip, skip + top);
    const next = skip + top < people.length ? new URL(req.url) : undefined;
    next?.searchParams.set('$skiptoken', String(skip + top));
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#users(${fields.join(',')})`,
      value: page.map((p) => project(p, fields)),
      ...(next ? { '@odata.nextLink': next.toString() } : {}),
    });
  });

  router.on('GET', '/v1.0/users/:id', async (req, res) => {
    if (!(await authorised(req, res))) return;
    const person = ctx.personById(req.params.id!);
    if (!person) return sendJson(res, 404, graphError('Request_ResourceNotFound', `Resource '${req.params.id}' does not exist or one of its queried reference-property objects are not present.`));
    const fields = selected(req.url.searchParams.get('$select'));
    if (typeof fields === 'string') return sendJson(res, 400, graphError('BadRequest', `Could not find a property named '${fields}' on type 'microsoft.graph.user'.`));
    sendJson(res, 200, { '@odata.context': `${req.origin}/v1.0/$metadata#users/$entity`, ...project(person, fields) });
  });
}

/** The fields asked for, or the first unknown field name. */
function selected(select: string | null): string[] | string {
  if (!select) return DEFAULT_FIELDS;
  const fields = select.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = fields.find((f) => !(USER_FIELDS as readonly string[]).includes(f));
  return unknown ?? fields;
}

function project(person: SimPerson, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, person[f as keyof SimPerson] ?? null]));
}

function graphError(code: string, message: string) {
  return { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID() } } };
}
