import type { SimContext } from './context.js';

/** The tenant name the Bot Framework issues multi-tenant bot → channel tokens from. */
export const BOT_FRAMEWORK_TENANT = 'botframework.com';
/** The botframework.com tenant's id in Microsoft's cloud (what its metadata and tokens name). */
export const BOT_FRAMEWORK_TENANT_ID = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

/**
 * The tenant id a tenant segment of a login URL names, or undefined for a tenant this simulator does
 * not host. Like Entra, a tenant is reachable by id or by verified domain.
 */
export function tenantOf(ctx: SimContext, segment: string): string | undefined {
  const name = segment.toLowerCase();
  if (name === ctx.tenantId || name === ctx.municipality.domain) return ctx.tenantId;
  if (name === BOT_FRAMEWORK_TENANT || name === BOT_FRAMEWORK_TENANT_ID) return BOT_FRAMEWORK_TENANT_ID;
  return undefined;
}

/** The issuer of v2.0 tokens for a tenant, as in its OpenID metadata. */
export function issuerOf(ctx: SimContext, tenantId: string): string {
  return `${ctx.url}/${tenantId}/v2.0`;
}
