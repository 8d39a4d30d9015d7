import { z } from 'zod';
import type { DirectoryEntry } from '../core/directory.js';
import type { GraphClient } from './graph-client.js';

const SELECT = [
  'id',
  'userPrincipalName',
  'displayName',
  'department',
  'officeLocation',
  'preferredLanguage',
  'accountEnabled',
].join(',');

/** A Graph user as documented (v1.0 /users); absent properties come back as null. */
const graphUser = z.object({
  id: z.string().min(1),
  userPrincipalName: z.string().min(1),
  displayName: z.string().nullable().optional(),
  department: z.string().nullable().optional(),
  officeLocation: z.string().nullable().optional(),
  preferredLanguage: z.string().nullable().optional(),
  accountEnabled: z.boolean().nullable().optional(),
});

/** Reads the tenant's whole directory from Graph /users, 999 per page. */
export async function readDirectory(graph: GraphClient, onPage?: (count: number) => void): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for await (const users of graph.pages(`/v1.0/users?$select=${SELECT}&$top=999`, graphUser)) {
    for (const user of users) {
      entries.push({
        aadObjectId: user.id,
        upn: user.userPrincipalName,
        displayName: user.displayName ?? user.userPrincipalName,
        department: user.department ?? null,
        officeLocation: user.officeLocation ?? null,
        preferredLanguage: user.preferredLanguage ?? null,
        // Graph omits accountEnabled for some guests; only an explicit false disables.
        accountEnabled: user.accountEnabled !== false,
      });
    }
    onPage?.(entries.length);
  }
  return entries;
}
