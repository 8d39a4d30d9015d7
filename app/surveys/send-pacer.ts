/**
 * Spaces messages so a tenant never gets more than `perSecond` from Digipuls in any second: a token
 * bucket holding one second's worth, refilled continuously. Teams counts per app per tenant, so one
 * pacer serves every send of a dispatch run.
 */
export function createSendPacer(perSecond: number, clock: () => number = () => performance.now()): { wait(): Promise<void> } {
  const capacity = Math.max(1, Math.floor(perSecond));
  let tokens = capacity;
  let last = clock();
  return {
    async wait() {
      for (;;) {
        const now = clock();
        tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
        last = now;
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / perSecond) * 1000)));
      }
    },
  };
}
