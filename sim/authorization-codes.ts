import { randomBytes } from 'node:crypto';

/** What an authorization code was issued for; the token endpoint checks the redemption against it. */
export interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  personId: string;
  scope: string;
  nonce?: string;
  expires: number;
}

/** Authorization codes: valid for five minutes, and spent by the first redemption attempt, right or wrong. */
export interface CodeStore {
  issue(pending: Omit<PendingCode, 'expires'>): string;
  /** The code's record, removed from the store; undefined when unknown, spent or expired. */
  redeem(code: string): PendingCode | undefined;
}

const LIFETIME_MS = 5 * 60_000;

export function createCodeStore(now: () => number = Date.now): CodeStore {
  const codes = new Map<string, PendingCode>();
  return {
    issue(pending) {
      // Drop expired codes now and then, so a long-running demo does not collect them.
      for (const [code, p] of codes) if (p.expires < now()) codes.delete(code);
      const code = randomBytes(32).toString('base64url');
      codes.set(code, { ...pending, expires: now() + LIFETIME_MS });
      return code;
    },
    redeem(code) {
      const pending = codes.get(code);
      codes.delete(code);
      return pending && pending.expires >= now() ? pending : undefined;
    },
  };
}
