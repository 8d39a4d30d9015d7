import type { ServerResponse } from 'node:http';
import type { SimContext } from './context.js';
import { transitiveMembers, type SimGroup, type TransitiveMember } from './entra-groups.js';
import { graphAuthorised } from './graph-auth.js';
import { badPageToken, nextLinkFor, pageOffset, topParam } from './graph-query.js';
import { DEFAULT_USER_FIELDS, projectUser, USER_FIELDS, type UserField } from './graph.js';
import { graphError, sendJson, type Router, type SimRequest } from './http.js';

const GROUP_FIELDS = [
  'id', 'displayName', 'description', 'groupTypes', 'mail', 'mailEnabled', 'mailNickname', 'securityEnabled', 'visibility', 'createdDateTime',
] as const satisfies ReadonlyArray<keyof SimGroup>;
type GroupField = (typeof GROUP_FIELDS)[number];
const GROUP_FIELD_BY_LOWER = new Map<string, GroupField>(GROUP_FIELDS.map((f) => [f.toLowerCase(), f]));
const USER_FIELD_BY_LOWER = new Map<string, UserField>(USER_FIELDS.map((f) => [f.toLowerCase(), f]));

/** Group.Read.All is what Digipuls asks for; Graph also lets these read groups and their members. */
const READ_GROUPS = ['Group.Read.All', 'GroupMember.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The one $filter the simulator understands: startswith(displayName,'…'), a quote inside doubled as OData writes it. */
const STARTS_WITH = /^\s*startswith\(\s*displayName\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i;

/**
 * Microsoft Graph v1.0 groups: `/groups` (with $top, nextLink paging, $select and
 * `$filter=startswith(displayName,'…')`), `/groups/{id}` and `/groups/{id}/transitiveMembers` (people and
 * nested groups, each once, as directory objects with their `@odata.type`). Same token checks as /users.
 */
export function registerGroups(router: Router, ctx: SimContext): void {
  const groups = ctx.municipality.groups;
  // Object ids are lower-case GUIDs; Graph accepts them in any case.
  const byId = new Map(groups.map((g) => [g.id.toLowerCase(), g]));
  const membersOf = new Map<string, TransitiveMember[]>();
  const authorised = async (req: SimRequest, res: ServerResponse) => (await graphAuthorised(ctx, req, res, READ_GROUPS)) && !ctx.faults.answer('groups', res);

  router.on('GET', '/v1.0/groups', async (req, res) => {
    if (!(await authorised(req, res))) return;
    const q = req.url.searchParams;
    const top = topParam.safeParse(q.get('$top') ?? undefined);
    if (!top.success) return sendJson(res, 400, graphError('Request_UnsupportedQuery', top.error.issues[0]!.message));
    const fields = selectedGroupFields(q.get('$select'));
    if (typeof fields === 'string') return sendJson(res, 400, unknownProperty(fields, 'group'));
    let matching: SimGroup[] = groups;
    const filter = q.get('$filter');
    if (filter !== null) {
      const prefix = STARTS_WITH.exec(filter)?.[1]?.replace(/''/g, "'");
      if (prefix === undefined) return sendJson(res, 400, graphError('Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified: ${filter}`));
      // Graph compares displayName case-insensitively.
      matching = groups.filter((g) => g.displayName.toLowerCase().startsWith(prefix.toLowerCase()));
    }
    const skip = q.has('$skiptoken') ? pageOffset('groups', q.get('$skiptoken')!) : 0;
    if (skip === undefined) return sendJson(res, 400, badPageToken());
    const end = Math.min(skip + top.data, matching.length);
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#groups${q.has('$select') ? `(${fields.join(',')})` : ''}`,
      ...(end < matching.length ? { '@odata.nextLink': nextLinkFor(req, 'groups', end) } : {}),
      value: matching.slice(skip, end).map((g) => projectGroup(g, fields)),
    });
  });

  /** The group named in the path, or undefined after answering 400 (not an object id) or 404 (no such group). */
  const groupOf = (req: SimRequest, res: ServerResponse): SimGroup | undefined => {
    const id = req.params.id!;
    if (!GUID.test(id)) {
      sendJson(res, 400, graphError('Request_BadRequest', `Invalid object identifier '${id}'.`));
      return undefined;
    }
    const group = byId.get(id.toLowerCase());
    if (!group) sendJson(res, 404, graphError('Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`));
    return group;
  };

  router.on('GET', '/v1.0/groups/:id', async (req, res) => {
    if (!(await authorised(req, res))) return;
    const fields = selectedGroupFields(req.url.searchParams.get('$select'));
    if (typeof fields === 'string') return sendJson(res, 400, unknownProperty(fields, 'group'));
    const group = groupOf(req, res);
    if (group) sendJson(res, 200, { '@odata.context': `${req.origin}/v1.0/$metadata#groups/$entity`, ...projectGroup(group, fields) });
  });

  const listMembers = async (req: SimRequest, res: ServerResponse) => {
    if (!(await authorised(req, res))) return;
    const q = req.url.searchParams;
    const top = topParam.safeParse(q.get('$top') ?? undefined);
    if (!top.success) return sendJson(res, 400, graphError('Request_UnsupportedQuery', top.error.issues[0]!.message));
    const select = selectedMemberFields(q.get('$select'));
    if (typeof select === 'string') return sendJson(res, 400, unknownProperty(select, 'directoryObject'));
    const group = groupOf(req, res);
    if (!group) return;
    let members = membersOf.get(group.id);
    if (!members) membersOf.set(group.id, (members = transitiveMembers(group, byId, ctx.personById)));
    const skip = q.has('$skiptoken') ? pageOffset('members', q.get('$skiptoken')!) : 0;
    if (skip === undefined) return sendJson(res, 400, badPageToken());
    const end = Math.min(skip + top.data, members.length);
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#directoryObjects`,
      ...(end < members.length ? { '@odata.nextLink': nextLinkFor(req, 'members', end) } : {}),
      value: members.slice(skip, end).map((m) =>
        m.kind === 'user'
          ? { '@odata.type': '#microsoft.graph.user', ...projectUser(m.person, select?.user ?? DEFAULT_USER_FIELDS) }
          : { '@odata.type': '#microsoft.graph.group', ...projectGroup(m.group, select?.group ?? GROUP_FIELDS) },
      ),
    });
  };
  // Graph's paths are case-insensitive; its own documentation writes both spellings.
  router.on('GET', '/v1.0/groups/:id/transitiveMembers', listMembers);
  router.on('GET', '/v1.0/groups/:id/transitivemembers', listMembers);
}

function selectedGroupFields(select: string | null): readonly GroupField[] | string {
  if (!select) return GROUP_FIELDS;
  const fields: GroupField[] = [];
  for (const name of names(select)) {
    const field = GROUP_FIELD_BY_LOWER.get(name.toLowerCase());
    if (!field) return name;
    if (!fields.includes(field)) fields.push(field);
  }
  return fields.length ? fields : GROUP_FIELDS;
}

/**
 * $select on a list of directory objects: each object answers with the selected properties its type has
 * (a group has no userPrincipalName); a name neither type has is an error. Null: the defaults.
 */
function selectedMemberFields(select: string | null): { user: UserField[]; group: GroupField[] } | null | string {
  if (!select) return null;
  const user: UserField[] = [];
  const group: GroupField[] = [];
  for (const name of names(select)) {
    const u = USER_FIELD_BY_LOWER.get(name.toLowerCase());
    const g = GROUP_FIELD_BY_LOWER.get(name.toLowerCase());
    if (!u && !g) return name;
    if (u && !user.includes(u)) user.push(u);
    if (g && !group.includes(g)) group.push(g);
  }
  return user.length || group.length ? { user, group } : null;
}

const names = (select: string) => select.split(',').map((f) => f.trim()).filter(Boolean);

function projectGroup(group: SimGroup, fields: readonly GroupField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = group[f];
  return out;
}

function unknownProperty(name: string, type: 'group' | 'directoryObject') {
  return graphError('BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`);
}
