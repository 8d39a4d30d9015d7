import { z } from 'zod';
import type { DirectoryEntry } from '../core/directory.js';
import type { GraphClient } from './graph-client.js';

const SELECT = ['id', 'userPrincipalName', 'displayName', 'department', 'officeLocation', 'jobTitle', 'preferredLanguage', 'accountEnabled'].join(',');

/** A Graph user as documented (v1.0 /users); absent properties come back as null. */
export const graphUser = z.object({
  id: z.string().min(1),
  userPrincipalName: z.string().min(1),
  displayName: z.string().nullable().optional(),
  department: z.string().nullable().optional(),
  officeLocation: z.string().nullable().optional(),
  jobTitle: z.string().nullable().optional(),
  preferredLanguage: z.string().nullable().optional(),
  accountEnabled: z.boolean().nullable().optional(),
});

export function directoryEntryOf(user: z.infer<typeof graphUser>): DirectoryEntry {
  return {
    aadObjectId: user.id,
    upn: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    department: user.department ?? null,
    officeLocation: user.officeLocation ?? null,
    preferredLanguage: user.preferredLanguage ?? null,
    // Graph omits accountEnabled for some guests; only an explicit false disables.
    accountEnabled: user.accountEnabled !== false,
  };
}

/** The tenant's directory from Graph /users, a page (up to 999) at a time. */
export async function* directoryPages(graph: GraphClient): AsyncGenerator<DirectoryEntry[]> {
  for await (const users of graph.pages(`/users?$select=${SELECT}&$top=999`, graphUser)) yield users.map(directoryEntryOf);
}

/** Reads the tenant's whole directory. */
export async function readDirectory(graph: GraphClient, onPage?: (count: number) => void): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for await (const page of directoryPages(graph)) {
    entries.push(...page);
    onPage?.(entries.length);
  }
  return entries;
}
