import type { DigestPreferences } from './digest-preferences.js';
import type { Locale } from './locale.js';

/** A unit lead whose digest is due, claimed for this ISO week (so it cannot go twice), with where to reach them. */
export interface ClaimedDigest {
  tenantId: string;
  aadObjectId: string;
  week: string;
  /** Null when the app was never installed for them: nothing can be sent, and that is recorded for the week. */
  conversationReference: Record<string, unknown> | null;
  locale: Locale | null;
}

/** sent; retry (a passing failure: the claim is let go, a later pass that day tries again); unreachable (gone, blocked, or no chat). */
export type DigestOutcome = 'sent' | 'retry' | 'unreachable';

/** The port to the digest tables; implemented in store/. */
export interface DigestStore {
  /**
   * Records that a person is a unit lead (seen with the role as they signed in), with the default
   * preferences the first time; a person seen without the role loses theirs. Nothing when the person is
   * not in the directory.
   */
  recordLead(tenantId: string, aadObjectId: string, isLead: boolean): Promise<void>;
  /** The lead's preferences; the defaults when none are stored yet. */
  getPreferences(tenantId: string, aadObjectId: string): Promise<DigestPreferences>;
  savePreferences(tenantId: string, aadObjectId: string, preferences: DigestPreferences, now: Date): Promise<DigestPreferences>;
  /** Turns the digest on or off, keeping day and time; false when the person is not a known lead. */
  setEnabled(tenantId: string, aadObjectId: string, enabled: boolean): Promise<boolean>;
  /** Tenants with at least one lead whose digest is on. */
  tenantsWithLeads(): Promise<string[]>;
  /**
   * Claims, for the ISO `week`, up to `limit` leads whose digest is on, whose weekday is `weekday` and
   * whose time is at or before `minutes`, and who have no digest this week. A claim is a row for the
   * lead and week, so a second pass, a restarted process or another instance finds it taken.
   */
  claimDue(tenantId: string, options: { week: string; weekday: number; minutes: number; now: Date; limit: number }): Promise<ClaimedDigest[]>;
  finish(digest: ClaimedDigest, outcome: DigestOutcome, now: Date): Promise<void>;
}
