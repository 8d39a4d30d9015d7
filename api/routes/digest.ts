import type { Request } from 'restify';
import { digestPreferencesSchema, type DigestPreferences } from '../../core/digest-preferences.js';
import type { DigestStore } from '../../core/digest-store.js';
import type { DirectoryRepository } from '../../core/directory.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { Caller } from '../auth/caller.js';
import { parseJsonBody } from '../json-body.js';

export interface DigestRouteDeps {
  digests: DigestStore;
  directory: Pick<DirectoryRepository, 'findPerson'>;
}

function requireLead(caller: Caller) {
  if (!caller.roles.includes('UnitLead')) throw forbidden('forbidden', 'The weekly digest is for unit leads');
}

/** GET /api/v1/me/digest: the caller's day, time and whether the digest is on (the defaults until they change them). */
export async function getDigestPreferences(caller: Caller, deps: DigestRouteDeps): Promise<DigestPreferences> {
  requireLead(caller);
  return deps.digests.getPreferences(caller.tenantId, caller.id);
}

/** PUT /api/v1/me/digest: the whole preferences, checked field by field (a workday, 07:00–17:00); nothing is saved when one is wrong. */
export async function putDigestPreferences(req: Request, caller: Caller, deps: DigestRouteDeps): Promise<DigestPreferences> {
  requireLead(caller);
  const preferences = parseJsonBody(req, digestPreferencesSchema);
  if (!(await deps.directory.findPerson(caller.tenantId, caller.id))) {
    throw notFound('person_not_found', 'You are not in the Digipuls directory yet; it is refreshed from Entra ID daily');
  }
  return deps.digests.savePreferences(caller.tenantId, caller.id, preferences, new Date());
}
