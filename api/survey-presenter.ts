import type { Locale } from '../core/locale.js';
import { formatUnitPath, type Unit } from '../core/units.js';
import type { GroupResults, UnitResults } from '../core/survey-results.js';
import type { Audience, RoundWithCounts, Survey } from '../core/survey-store.js';
import { MIN_GROUP_SIZE_FLOOR } from '../core/suppression.js';

/** A survey as the tab lists it. Round counts are municipality-wide and shown only from the group size up. */
export function presentSurvey(survey: Survey, rounds: readonly RoundWithCounts[], units: readonly Unit[], options: { canManage: boolean; minGroupSize: number }) {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, options.minGroupSize);
  return {
    id: survey.id,
    templateId: survey.templateId,
    title: survey.definition.title,
    definition: survey.definition,
    audience: survey.audience,
    audienceLabel: audienceLabel(survey.audience, units),
    schedule: survey.schedule,
    status: survey.status,
    closedEarlyAt: survey.closedEarlyAt?.toISOString() ?? null,
    createdAt: survey.createdAt.toISOString(),
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      invited: r.invited >= min ? r.invited : null,
      answered: r.answered >= min ? r.answered : null,
    })),
    canManage: options.canManage,
  };
}

/** Unit names (or "everyone", group count) for lists; the tab localizes "everyone" and groups by `audience.kind`. */
function audienceLabel(audience: Audience, units: readonly Unit[]): string {
  if (audience.kind === 'everyone') return '';
  if (audience.kind === 'groups') return audience.groupIds.join(', ');
  const byId = new Map(units.map((u) => [u.id, u] as const));
  return audience.unitIds.map((id) => (byId.has(id) ? formatUnitPath(byId.get(id)!.path) : id)).join('; ');
}

export const RESULTS_CSV_HEADER = ['unit', 'invited', 'reached', 'answered', 'response_rate', 'question', 'question_text', 'value', 'count', 'question_answered', 'mean', 'enps'];

/**
 * A text cell no spreadsheet runs as a formula: staff write the free text, so one starting with = + - @
 * or a tab or carriage return gets a leading apostrophe (OWASP's advice against CSV injection).
 */
const textCell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The rows of the results CSV: participation and every question's distribution per shown group; hidden units say so. */
export function resultsCsvRows(
  municipality: GroupResults | null,
  units: readonly UnitResults[],
  questionText: (questionId: string) => string,
  optionText: (questionId: string, value: string) => string,
  locale: Locale,
): string[][] {
  const whole = { nb: 'Hele kommunen', nn: 'Heile kommunen', sv: 'Hela kommunen', en: 'Whole municipality' }[locale];
  const rows: string[][] = [];
  const group = (name: string, results: GroupResults) => {
    const head = [textCell(name), String(results.invited), String(results.reached), String(results.answered), results.responseRate.toFixed(3)];
    for (const q of results.questions) {
      const stats = [q.mean === undefined ? '' : String(q.mean), q.enps === undefined ? '' : String(q.enps)];
      if (q.distribution.length === 0) rows.push([...head, q.questionId, textCell(questionText(q.questionId)), '', '', String(q.answered), ...stats]);
      for (const d of q.distribution) rows.push([...head, q.questionId, textCell(questionText(q.questionId)), textCell(optionText(q.questionId, d.value)), String(d.count), String(q.answered), ...stats]);
      if (Array.isArray(q.texts)) for (const text of q.texts) rows.push([...head, q.questionId, textCell(questionText(q.questionId)), textCell(text), '', String(q.answered), '', '']);
    }
  };
  if (municipality) group(whole, municipality);
  for (const unit of units) {
    if (unit.results) group(formatUnitPath(unit.path), unit.results);
    else {
      const p = unit.participation;
      rows.push([textCell(formatUnitPath(unit.path)), p ? String(p.invited) : '', p ? String(p.reached) : '', p ? String(p.answered) : '', p ? p.responseRate.toFixed(3) : '', '', `hidden (${unit.suppressed})`, '', '', '', '', '']);
    }
  }
  return rows;
}
