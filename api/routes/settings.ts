import type { Request } from 'restify';
import { forbidden } from '../../core/errors.js';
import { messagingSettingsSchema } from '../../core/messaging-settings.js';
import type { SurveyStore } from '../../core/survey-store.js';
import type { Caller } from '../auth/caller.js';
import { parseJsonBody } from '../json-body.js';

function requireAdmin(caller: Caller) {
  if (!caller.roles.includes('AdoptionAdmin')) throw forbidden('forbidden', 'Messaging settings are for adoption admins');
}

/** GET /api/v1/settings/messaging: the tenant's time zone, quiet hours and weekends. */
export async function getMessagingSettings(caller: Caller, store: SurveyStore) {
  requireAdmin(caller);
  return store.messagingSettings(caller.tenantId);
}

/** PUT /api/v1/settings/messaging */
export async function putMessagingSettings(req: Request, caller: Caller, store: SurveyStore) {
  requireAdmin(caller);
  const settings = parseJsonBody(req, messagingSettingsSchema);
  await store.saveMessagingSettings(caller.tenantId, settings);
  return store.messagingSettings(caller.tenantId);
}
