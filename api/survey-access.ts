import type { Author } from '../core/survey-commands.js';
import type { Audience, Survey } from '../core/survey-store.js';
import { forbidden } from '../core/errors.js';
import { isWithinUnit, type Unit } from '../core/units.js';
import type { Caller } from './auth/caller.js';

/**
 * Who may do what with surveys. Communicators and adoption admins run surveys for everyone; a unit lead
 * for their own units (with sub-units); the safety representative reads results and follow-ups but
 * changes nothing; staff answer in chat and see no results.
 */
export interface SurveyAccess {
  /** Reads results of every unit (else only `unitPaths`' subtrees). */
  allUnits: boolean;
  unitPaths: string[][];
  /** The role the caller writes as (surveys, follow-ups); null for read-only callers. */
  authorRole: Author['role'] | null;
  readOnly: boolean;
}

export function surveyAccess(caller: Caller, ownUnit: Unit | undefined): SurveyAccess {
  const has = (role: Caller['roles'][number]) => caller.roles.includes(role);
  const authorRole = has('AdoptionAdmin') ? 'AdoptionAdmin' : has('Communicator') ? 'Communicator' : has('UnitLead') ? 'UnitLead' : null;
  const allUnits = has('AdoptionAdmin') || has('Communicator') || has('SafetyRep');
  if (!authorRole && !allUnits) throw forbidden('forbidden', 'Survey results are for communicators, unit leads, adoption admins and safety representatives');
  return { allUnits, unitPaths: ownUnit ? [ownUnit.path] : [], authorRole, readOnly: authorRole === null };
}

/** Whether a unit lies in what the caller may see. */
export function seesUnit(access: SurveyAccess, unit: Pick<Unit, 'path'>): boolean {
  return access.allUnits || access.unitPaths.some((root) => isWithinUnit(unit.path, root));
}

/** Whether the caller may change a survey (close it, follow it up): any survey for all-unit authors; a unit lead one aimed at their own units only. */
export function mayManage(access: SurveyAccess, survey: Pick<Survey, 'audience'>, units: readonly Unit[]): boolean {
  if (!access.authorRole) return false;
  if (access.authorRole !== 'UnitLead') return true;
  return audienceWithin(access, survey.audience, units);
}

/** A unit lead's survey must go to their own units; everyone and groups are for communicators and admins. */
export function requireAudienceAllowed(access: SurveyAccess, audience: Audience, units: readonly Unit[]): void {
  if (!access.authorRole) throw forbidden('forbidden', 'Safety representatives read results; they do not send surveys');
  if (access.authorRole === 'UnitLead' && !audienceWithin(access, audience, units)) {
    throw forbidden('audience_not_yours', 'A unit lead sends surveys to their own units only');
  }
}

function audienceWithin(access: SurveyAccess, audience: Audience, units: readonly Unit[]): boolean {
  if (audience.kind !== 'units') return false;
  const byId = new Map(units.map((u) => [u.id, u] as const));
  return audience.unitIds.every((id) => {
    const unit = byId.get(id);
    return unit !== undefined && access.unitPaths.some((root) => isWithinUnit(unit.path, root));
  });
}
