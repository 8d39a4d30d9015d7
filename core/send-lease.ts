/**
 * Which process may call a tenant's Bot Connector now. Teams counts the app's messages per tenant,
 * whichever instance sent them, so only one process at a time sends to a tenant: its gate then holds
 * the whole tenant's ceiling. A lease runs out on its own, so a process that died frees the tenant.
 */
export interface TenantSendLease {
  /** Takes or renews the tenant's lease for `owner` until `until`; false while another owner holds it. */
  take(tenantId: string, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Gives it up, when `owner` holds it. */
  release(tenantId: string, owner: string): Promise<void>;
}
