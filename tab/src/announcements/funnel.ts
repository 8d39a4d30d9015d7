import type { Funnel } from './types';

export const STAGES = ['targeted', 'onTeams', 'delivered', 'read', 'acknowledged', 'clicked'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The stages an announcement's funnel shows: "on Teams" only with adoption data, "acknowledged" only
 * when the announcement asked for it.
 */
export function stagesOf(funnel: Funnel, requiresAcknowledgement: boolean): Stage[] {
  return STAGES.filter((stage) => (stage === 'onTeams' ? funnel.onTeams !== null : stage === 'acknowledged' ? requiresAcknowledgement : true));
}

/** A stage's count, or null where it is not known: no adoption data, or reads while no receipt has come. */
export function countOf(funnel: Funnel, stage: Stage, readKnown: boolean): number | null {
  if (stage === 'read' && !readKnown) return null;
  return funnel[stage];
}
