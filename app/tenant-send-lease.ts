import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { TenantSendLease } from '../core/send-lease.js';

/** A lease runs this long unrenewed: how long a dead process keeps a tenant from the others. */
const LEASE_MS = 5000;
const RENEW_MS = 1000;
/** A call is let through only while the lease has at least this long to run (a call holds its place a second after its answer). */
const SAFE_MS = 2500;
/** Idle this long (no call let through), the lease is given up, so another instance can send. */
const IDLE_MS = 3000;
/** How often a process waiting for the tenant tries again. */
const RETRY_MS = 500;

/**
 * This process's hold on the tenant send leases it needs: taken on the first call to a tenant,
 * renewed while it keeps sending, given up when it has been idle a moment. A call waits here
 * while another process sends to the tenant.
 */
export class TenantLeaseHolder {
  private readonly owner = randomUUID();
  private readonly held = new Map<string, { until: number; lastUse: number; timer?: NodeJS.Timeout; taking?: Promise<boolean> }>();

  constructor(
    private readonly lease: TenantSendLease,
    private readonly logger?: Logger,
  ) {}

  /** Resolves when this process holds the tenant's lease with time to spare. */
  async admit(tenantId: string): Promise<void> {
    const state = this.stateOf(tenantId);
    state.lastUse = Date.now();
    while (state.until - Date.now() < SAFE_MS) {
      if (await this.take(tenantId)) break;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      state.lastUse = Date.now();
    }
    this.keepRenewing(tenantId);
  }

  /** Gives up every lease this process holds (on shutdown). */
  async releaseAll(): Promise<void> {
    const tenants = [...this.held.keys()];
    for (const tenantId of tenants) clearInterval(this.held.get(tenantId)!.timer);
    this.held.clear();
    await Promise.all(tenants.map((tenantId) => this.lease.release(tenantId, this.owner)));
  }

  private stateOf(tenantId: string) {
    let state = this.held.get(tenantId);
    if (!state) this.held.set(tenantId, (state = { until: 0, lastUse: 0 }));
    return state;
  }

  /** One try at taking or renewing; callers at the same moment share it. */
  private take(tenantId: string): Promise<boolean> {
    const state = this.stateOf(tenantId);
    state.taking ??= (async () => {
      const now = Date.now();
      const ok = await this.lease.take(tenantId, this.owner, new Date(now), new Date(now + LEASE_MS));
      state.until = ok ? now + LEASE_MS : 0;
      return ok;
    })().finally(() => (state.taking = undefined));
    return state.taking;
  }

  private keepRenewing(tenantId: string): void {
    const state = this.stateOf(tenantId);
    if (state.timer) return;
    state.timer = setInterval(() => {
      if (Date.now() - state.lastUse > IDLE_MS) {
        clearInterval(state.timer);
        state.timer = undefined;
        state.until = 0;
        this.lease.release(tenantId, this.owner).catch((error: unknown) => this.logger?.warn({ err: error, tenantId }, 'Could not give up the tenant send lease'));
        return;
      }
      this.take(tenantId).catch((error: unknown) => {
        state.until = 0;
        this.logger?.warn({ err: error, tenantId }, 'Could not renew the tenant send lease');
      });
    }, RENEW_MS);
    state.timer.unref();
  }
}
