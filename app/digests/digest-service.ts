import type { Logger } from 'pino';
import type { DigestModel } from '../../core/digest-content.js';
import type { DigestStore } from '../../core/digest-store.js';
import type { Locale } from '../../core/locale.js';
import type { MessagingSettings } from '../../core/messaging-settings.js';
import type { TenantSendGates } from '../send-gate.js';
import type { SendCard } from '../surveys/survey-dispatch.js';
import { dispatchDigests, type DigestDispatchResult } from './digest-dispatch.js';
import { tenantDigestFigures, type DigestFigureSources } from './digest-figures.js';

/** The unit leads' weekly digest as app/ runs it: the preferences, and the sender's pass. */
export interface DigestService {
  store: DigestStore;
  /** Sends the digests due now (what the job does every quarter of an hour). */
  runDue(now?: Date): Promise<DigestDispatchResult>;
}

export function createDigestService(deps: {
  store: DigestStore;
  sources: DigestFigureSources;
  settings(tenantId: string): Promise<MessagingSettings>;
  card(model: DigestModel, locale: Locale): unknown;
  /** Set once the bot is up; without it nothing is sent. */
  send: () => SendCard | undefined;
  defaultLocale: Locale;
  gates?: TenantSendGates;
  logger: Logger;
}): DigestService {
  return {
    store: deps.store,
    async runDue(now = new Date()) {
      const send = deps.send();
      if (!send) return { sent: 0, unreachable: 0, retry: 0 };
      return dispatchDigests(
        {
          store: deps.store,
          settings: deps.settings,
          figures: (tenantId, at) => tenantDigestFigures(deps.sources, tenantId, at),
          card: deps.card,
          send,
          defaultLocale: deps.defaultLocale,
          ...(deps.gates ? { tenantGate: (id: string) => deps.gates!.of(id) } : {}),
          logger: deps.logger,
        },
        now,
      );
    },
  };
}
