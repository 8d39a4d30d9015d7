import type { Request } from 'restify';
import type { DirectoryRepository } from '../../core/directory.js';
import { notFound } from '../../core/errors.js';
import type { z } from 'zod';
import type { Caller } from '../auth/caller.js';
import { parseJsonBody } from '../json-body.js';
import { meSchema, preferencesSchema } from '../schemas.js';

type Me = z.infer<typeof meSchema>;

/** The caller as the tab shows them: token identity, roles, and their unit from the directory. */
export async function getMe(caller: Caller, directory: DirectoryRepository): Promise<Me> {
  const [person, unit] = await Promise.all([
    directory.findPerson(caller.tenantId, caller.id),
    directory.unitOf(caller.tenantId, caller.id),
  ]);
  return {
    id: caller.id,
    name: person?.displayName ?? caller.name,
    upn: person?.upn ?? caller.upn,
    tenantId: caller.tenantId,
    roles: caller.roles,
    units: unit ? [{ id: unit.id, name: unit.name, path: unit.path }] : [],
    locale: person?.preferredLocale ?? null,
  };
}

/** Sets the caller's language (the same preference the bot's "språk" sets). */
export async function putPreferences(req: Request, caller: Caller, directory: DirectoryRepository): Promise<Me> {
  const preferences = parseJsonBody(req, preferencesSchema);
  if (!(await directory.findPerson(caller.tenantId, caller.id))) {
    throw notFound('person_not_found', 'You are not in the Digipuls directory yet; it is refreshed from Entra ID daily');
  }
  await directory.setPreferredLocale(caller.tenantId, caller.id, preferences.locale);
  return getMe(caller, directory);
}
