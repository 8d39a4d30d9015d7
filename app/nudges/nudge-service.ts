import type { Logger } from 'pino';
import type { MessagingSettings } from '../../core/messaging-settings.js';
import type { NudgeRules } from '../../core/nudge-rules.js';
import type { NudgeSchedule, StoredNudgeRules } from '../../core/nudge-store.js';
import type { NudgeRulesRepository } from '../../store/nudge-rules-repository.js';
import type { IngestNudges } from '../adoption-ingest.js';
import type { Config } from '../config.js';
import type { TenantSendGates } from '../send-gate.js';
import type { SendCard } from '../surveys/survey-dispatch.js';
import { dispatchNudges, type NudgeDispatchDeps, type NudgeDispatchResult } from './nudge-dispatch.js';

/** Nudges as app/ runs them: the rules, the ingestion's part, and the sender's pass. */
export interface NudgeService {
  rules: NudgeRulesRepository;
  schedule: NudgeSchedule;
  getRules(tenantId: string): Promise<StoredNudgeRules>;
  saveRules(tenantId: string, rules: NudgeRules): Promise<StoredNudgeRules>;
  /** What the adoption ingestion needs to plan nudges while the reports stream past, at `now`. */
  forIngestion(now?: () => Date): IngestNudges;
  /** Sends the nudges due now (what the job does every few minutes). */
  runDue(now?: Date): Promise<NudgeDispatchResult>;
}

export function createNudgeService(deps: {
  config: Config;
  rules: NudgeRulesRepository;
  schedule: NudgeSchedule;
  settings(tenantId: string): Promise<MessagingSettings>;
  card: NudgeDispatchDeps['card'];
  /** Set once the bot is up; without it nothing is sent. */
  send: () => SendCard | undefined;
  gates?: TenantSendGates;
  logger: Logger;
}): NudgeService {
  const { rules, schedule, settings, logger } = deps;
  return {
    rules,
    schedule,
    getRules: (tenantId) => rules.getRules(tenantId),
    saveRules: (tenantId, next) => rules.saveRules(tenantId, next, new Date()),
    forIngestion: (now = () => new Date()) => ({ rules, schedule, settings, now }),
    async runDue(now = new Date()) {
      const send = deps.send();
      if (!send) return { sent: 0, unreachable: 0, waiting: 0 };
      return dispatchNudges(
        { rules, schedule, settings, card: deps.card, send, defaultLocale: deps.config.defaultLocale, ...(deps.gates ? { tenantGate: (id: string) => deps.gates!.of(id) } : {}), logger },
        now,
      );
    },
  };
}
