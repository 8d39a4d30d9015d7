import { z } from 'zod';
import { DigipulsError } from '../core/errors.js';
import { GraphError, type GraphClient } from './graph-client.js';

/** A group as Graph v1.0 /groups returns it with `$select=id,displayName`. */
export const graphGroup = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable().optional(),
});

/**
 * An item of a group's transitiveMembers: a directory object whose `@odata.type` says what it is
 * (users, nested groups, devices, contacts, service principals).
 */
export const graphDirectoryObject = z.object({
  '@odata.type': z.string().min(1),
  id: z.string().min(1),
});

const USER_TYPE = '#microsoft.graph.user';
/** Entra object ids are GUIDs; anything else cannot name a group, so we do not ask Graph about it. */
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A group an audience can be drawn from. */
export interface GroupSummary {
  id: string;
  displayName: string;
}

/** The group id names no group in the tenant's directory (a 400 at the API: the caller sent it). */
export class UnknownGroupError extends DigipulsError {
  override name = 'UnknownGroupError';
  constructor(readonly groupId: string) {
    super(400, 'unknown_group', `No group with the id '${groupId}' in the tenant's directory`, { groupId });
  }
}

/**
 * The tenant's Entra ID groups (security and Microsoft 365), optionally those whose name starts with
 * `search` (Graph compares without regard to case), sorted by name as a Norwegian reader expects.
 */
export async function listGroups(graph: GraphClient, search?: string): Promise<GroupSummary[]> {
  const prefix = search?.trim();
  // An OData string literal doubles its quotes; the whole filter is URL-encoded, as Graph expects.
  const filter = prefix ? `&$filter=${encodeURIComponent(`startswith(displayName,'${prefix.replace(/'/g, "''")}')`)}` : '';
  const groups: GroupSummary[] = [];
  for await (const page of graph.pages(`/groups?$select=id,displayName&$top=999${filter}`, graphGroup)) {
    for (const group of page) groups.push({ id: group.id, displayName: group.displayName ?? group.id });
  }
  return groups.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
}

/**
 * The object ids of every person in a group, directly or through nested groups, each once (Graph's
 * transitiveMembers also lists the nested groups themselves, and devices or contacts: they are left out).
 * Throws UnknownGroupError when the id names no group.
 */
export async function groupMemberIds(graph: GraphClient, groupId: string): Promise<string[]> {
  if (!OBJECT_ID.test(groupId)) throw new UnknownGroupError(groupId);
  const ids = new Set<string>();
  try {
    for await (const page of graph.pages(`/groups/${groupId}/transitiveMembers?$select=id&$top=999`, graphDirectoryObject)) {
      for (const member of page) if (member['@odata.type'] === USER_TYPE) ids.add(member.id);
    }
  } catch (error) {
    if (error instanceof GraphError && error.status === 404) throw new UnknownGroupError(groupId);
    throw error;
  }
  return [...ids];
}
