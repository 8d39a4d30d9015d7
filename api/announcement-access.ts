import type { DirectoryRepository } from '../core/directory.js';
import { forbidden } from '../core/errors.js';
import { isWithinUnit, type Unit } from '../core/units.js';
import type { Caller } from './auth/caller.js';

/**
 * Who may do what with announcements. Communicators and adoption admins write, send, cancel and remind,
 * and read the reach of every unit; a unit lead reads the reach of their own unit with its sub-units;
 * everybody else gets the announcement in chat and no figures.
 */
export interface AnnouncementAccess {
  /** Writes, sends, cancels and reminds; reads every unit. */
  manage: boolean;
  /** The role a new announcement is recorded as written by. */
  authorRole: 'AdoptionAdmin' | 'Communicator' | null;
  /** The units whose subtrees the caller reads, when not every unit. */
  unitPaths: string[][];
}

export async function announcementAccess(caller: Caller, directory: DirectoryRepository): Promise<AnnouncementAccess> {
  const has = (role: Caller['roles'][number]) => caller.roles.includes(role);
  const authorRole = has('AdoptionAdmin') ? 'AdoptionAdmin' : has('Communicator') ? 'Communicator' : null;
  if (authorRole) return { manage: true, authorRole, unitPaths: [] };
  if (!has('UnitLead')) throw forbidden('forbidden', 'Announcements and their reach are for communicators, adoption admins and unit leads');
  const own = await directory.unitOf(caller.tenantId, caller.id);
  return { manage: false, authorRole: null, unitPaths: own ? [own.path] : [] };
}

export function requireManage(access: AnnouncementAccess): asserts access is AnnouncementAccess & { authorRole: 'AdoptionAdmin' | 'Communicator' } {
  if (!access.manage) throw forbidden('forbidden', 'Only communicators and adoption admins write, send, cancel and remind announcements');
}

/** Whether the caller reads this unit's figures. */
export function seesUnit(access: AnnouncementAccess, unit: Pick<Unit, 'path'>): boolean {
  return access.manage || access.unitPaths.some((root) => isWithinUnit(unit.path, root));
}
