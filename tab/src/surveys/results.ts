import type { GroupResults, Participation, Question, QuestionResult, SurveyResults, UnitResults } from './types';
import { ENPS_VALUES, LIKERT_VALUES } from './types';

/** Count per value, in the question's own order, with values nobody chose as zero. */
export function distributionOf(question: Question, result: QuestionResult): Array<{ value: string; count: number; share: number }> {
  const counts = new Map(result.distribution.map((d) => [d.value, d.count]));
  const values: string[] = [];
  if (question.kind === 'likert') values.push(...LIKERT_VALUES);
  else if (question.kind === 'enps') values.push(...ENPS_VALUES);
  else if (question.kind === 'single' || question.kind === 'multiple') values.push(...question.options.map((o) => o.id));
  // A value the definition does not know (an option since removed) still counts and is shown last.
  for (const d of result.distribution) if (!values.includes(d.value)) values.push(d.value);
  // Multiple choice: shares of those who answered (they may pick several), so they need not add up to 100 %.
  const total = result.answered;
  return values.map((value) => {
    const count = counts.get(value) ?? 0;
    return { value, count, share: total > 0 ? count / total : 0 };
  });
}

/** A Likert distribution in three parts, disagree (1–2), neutral (3) and agree (4–5), each 0–1. */
export function likertParts(result: QuestionResult): { disagree: number; neutral: number; agree: number } {
  const count = (values: string[]) => result.distribution.filter((d) => values.includes(d.value)).reduce((sum, d) => sum + d.count, 0);
  const total = result.answered || 1;
  return { disagree: count(['1', '2']) / total, neutral: count(['3']) / total, agree: count(['4', '5']) / total };
}

/** eNPS groups: detractors (0–6), passives (7–8), promoters (9–10), each 0–1. */
export function enpsParts(result: QuestionResult): { detractors: number; passives: number; promoters: number } {
  const count = (from: number, to: number) => result.distribution.filter((d) => Number(d.value) >= from && Number(d.value) <= to).reduce((sum, d) => sum + d.count, 0);
  const total = result.answered || 1;
  return { detractors: count(0, 6) / total, passives: count(7, 8) / total, promoters: count(9, 10) / total };
}

/** The result of a question in a group, if the group may be shown and anyone answered it. */
export const resultOf = (group: GroupResults | null | undefined, questionId: string) => group?.questions.find((q) => q.questionId === questionId);

/**
 * Units least responded first, so those that need a nudge lead the list. Units with no figures at all
 * (too few asked) go last; ties keep the tree's order by path.
 */
export function leastRespondedFirst(units: readonly UnitResults[]): UnitResults[] {
  const rate = (unit: UnitResults) => responseOf(unit)?.responseRate ?? Number.POSITIVE_INFINITY;
  const byPath = (a: UnitResults, b: UnitResults) => a.path.join('\u0000').localeCompare(b.path.join('\u0000'));
  return [...units].sort((a, b) => rate(a) - rate(b) || byPath(a, b));
}

/** A unit whose results may be shown: narrowed so components need no null checks. */
export type ShownUnit = UnitResults & { suppressed: false; results: GroupResults };
export const isShown = (unit: UnitResults): unit is ShownUnit => unit.suppressed === false && unit.results !== null;

/** Results with a round: what the results views draw (a survey without a round yet has none). */
export type RoundResultsData = SurveyResults & { round: NonNullable<SurveyResults['round']> };
export const hasRound = (results: SurveyResults | null | undefined): results is RoundResultsData => Boolean(results?.round);

/** A unit's response figures: from its results, or its participation counts when its answers are hidden. */
export const responseOf = (unit: UnitResults): Participation | null => unit.results ?? unit.participation;
