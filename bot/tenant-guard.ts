/** The parts of an activity that say which tenant it comes from. */
export interface TenantHints {
  channelData?: unknown;
  conversation?: { tenantId?: string };
}

/** The Entra tenant an activity comes from (Teams puts it in channelData; conversations carry it too). */
export function tenantOf(activity: TenantHints): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  if (typeof fromChannel === 'string' && fromChannel) return fromChannel;
  return activity.conversation?.tenantId || undefined;
}

/**
 * Digipuls is single-tenant: with a configured tenant and token validation on, activities from any
 * other tenant are refused before a handler runs (another tenant's valid token is still not ours).
 */
export function isForeignTenant(activity: TenantHints, tenantId: string | undefined, enforce: boolean): boolean {
  if (!enforce || !tenantId) return false;
  return tenantOf(activity) !== tenantId;
}
