import { z } from 'zod';
import { LOCALES } from '../core/locale.js';
import { ROLES } from '../core/roles.js';

/** Shapes the API answers and accepts; also the source of the OpenAPI document. */
export const localeSchema = z.enum(LOCALES);

export const unitSchema = z.object({ id: z.string(), name: z.string(), path: z.array(z.string()) });

export const meSchema = z.object({
  id: z.string().describe('Entra ID object id'),
  name: z.string(),
  upn: z.string().nullable(),
  tenantId: z.string(),
  roles: z.array(z.enum(ROLES)),
  units: z.array(unitSchema),
  locale: localeSchema.nullable().describe('The language the person chose, or the directory says'),
});

export const preferencesSchema = z.strictObject({ locale: localeSchema });

export const authConfigSchema = z.object({
  authority: z.string().describe('Entra ID authority: {loginBaseUrl}/{tenantId}'),
  clientId: z.string(),
  scopes: z.array(z.string()),
  demo: z.boolean().describe('True when the authority is the tenant simulator'),
  defaultLocale: localeSchema,
  minGroupSize: z.number().int().describe('The smallest group any figure about people is shown for'),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Stable error code; match on this, never on the text'),
  detail: z.string().optional(),
});

export const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string().optional() });
