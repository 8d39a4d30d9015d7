import type { DirectoryRepository } from '../../core/directory.js';
import { forbidden } from '../../core/errors.js';
import type { Caller } from '../auth/caller.js';

/** GET /api/v1/units: the unit tree (names only, no figures), for picking an audience or a unit to look at. */
export async function listUnits(caller: Caller, directory: DirectoryRepository) {
  if (caller.roles.length === 1) throw forbidden('forbidden', 'The unit list is for communicators, unit leads, adoption admins and safety representatives');
  return { units: await directory.listUnits(caller.tenantId) };
}
