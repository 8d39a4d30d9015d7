import type { SurveyTemplate } from '../survey.js';
import { digitalWorkEnvironment } from './digital-work-environment.js';
import { onboardingCheck } from './onboarding-check.js';
import { weeklyPulse } from './weekly-pulse.js';

/** Deep-frozen: the templates are shared by every tenant, so a caller that changes one must copy it first. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The surveys shipped with Digipuls, in the order an admin is offered them. Their ids and question ids
 * are stable: results and trends across rounds are keyed by them. Every Likert statement is worded so
 * that agreeing (4–5) is the favourable answer, so a chart can colour every question the same way.
 */
export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = deepFreeze([digitalWorkEnvironment, weeklyPulse, onboardingCheck]);

/** The shipped template with this id, or undefined. */
export function findTemplate(id: string): SurveyTemplate | undefined {
  return SURVEY_TEMPLATES.find((template) => template.id === id);
}
