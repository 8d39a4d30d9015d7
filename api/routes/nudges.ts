import type { Request } from 'restify';
import type { DirectoryRepository } from '../../core/directory.js';
import { forbidden } from '../../core/errors.js';
import { nudgeEffectView } from '../../core/nudge-effect-view.js';
import { nudgeRulesSchema } from '../../core/nudge-rules.js';
import type { NudgeSchedule, NudgeStore, StoredNudgeRules } from '../../core/nudge-store.js';
import { NUDGE_TIPS } from '../../core/nudge-tips.js';
import { MIN_GROUP_SIZE_FLOOR } from '../../core/suppression.js';
import type { Caller } from '../auth/caller.js';
import { parseJsonBody } from '../json-body.js';

export interface NudgeRouteDeps {
  rules: NudgeStore & { tipFeedback(tenantId: string): Promise<Array<{ tip: string; helped: number; notForMe: number }>> };
  schedule: Pick<NudgeSchedule, 'cohortFigures'>;
  directory: DirectoryRepository;
  minGroupSize: number;
}

function requireAdmin(caller: Caller) {
  if (!caller.roles.includes('AdoptionAdmin')) throw forbidden('forbidden', 'Nudge rules and their effect are for adoption admins');
}

/** The rules as the tab edits them; the hold-out's seed stays in the database. */
const present = (stored: StoredNudgeRules) => ({ rules: stored.rules, updatedAt: stored.updatedAt?.toISOString() ?? null });

/** GET /api/v1/nudges/rules */
export async function getNudgeRules(caller: Caller, deps: NudgeRouteDeps) {
  requireAdmin(caller);
  return present(await deps.rules.getRules(caller.tenantId));
}

/** PUT /api/v1/nudges/rules: the whole rules, checked field by field; nothing is saved when one is wrong. */
export async function putNudgeRules(req: Request, caller: Caller, deps: NudgeRouteDeps) {
  requireAdmin(caller);
  const rules = parseJsonBody(req, nudgeRulesSchema);
  return present(await deps.rules.saveRules(caller.tenantId, rules, new Date()));
}

/**
 * GET /api/v1/nudges/effect: the latest cohort per unit and for the municipality, with the feedback
 * per tip. A tip's feedback shows only once at least the group size have answered under it.
 */
export async function getNudgeEffect(caller: Caller, deps: NudgeRouteDeps) {
  requireAdmin(caller);
  const [cohort, units, feedback] = await Promise.all([
    deps.schedule.cohortFigures(caller.tenantId),
    deps.directory.listUnits(caller.tenantId),
    deps.rules.tipFeedback(caller.tenantId),
  ]);
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, deps.minGroupSize);
  const byTip = new Map(feedback.map((f) => [f.tip, f] as const));
  return {
    minGroupSize: min,
    cohort: cohort ? nudgeEffectView(cohort, units, deps.minGroupSize) : null,
    tips: NUDGE_TIPS.map((tip) => {
      const f = byTip.get(tip);
      const answers = (f?.helped ?? 0) + (f?.notForMe ?? 0);
      return { tip, answers: answers >= min ? answers : null, helped: answers >= min ? f!.helped : null, notForMe: answers >= min ? f!.notForMe : null };
    }),
  };
}
