import { MIN_GROUP_SIZE_FLOOR, suppressGroups, type SuppressionReason } from './suppression.js';
import { ENPS_VALUES, LIKERT_VALUES, type Answers, type Question, type QuestionKind, type SurveyDefinition } from './survey.js';
import { UNKNOWN_UNIT_NAME, type Unit } from './units.js';

/** How one question was answered by a group that may be shown. */
export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  /** How many in the group answered this question (optional questions may be skipped). */
  answered: number;
  /** Count per scale point (likert '1'–'5', enps '0'–'10') or option id; free text has none. */
  distribution: Array<{ value: string; count: number }>;
  /** Likert: the mean on 1–5. */
  mean?: number;
  /** eNPS: % promoters (9–10) minus % detractors (0–6), −100 to 100. */
  enps?: number;
  /**
   * Free-text answers, sorted (so their order says nothing about who or when); only when the group is
   * at least the minimum group size and the caller's role may read them. 'hidden' says they exist but
   * the caller may not see them.
   */
  texts?: string[] | 'hidden';
}

/** Results of a group: a unit with its sub-units, or the municipality. */
export interface GroupResults {
  /** Asked in this round (the audience when it opened). */
  invited: number;
  /** Whose prompt reached their chat; those without the app installed are invited but not reached. */
  reached: number;
  answered: number;
  /** answered / reached, 0–1 (0 when nobody was reached). */
  responseRate: number;
  questions: QuestionResult[];
}

/** Who was asked and who answered, without what they answered. */
export interface Participation {
  invited: number;
  reached: number;
  answered: number;
  responseRate: number;
}

/** A unit's row: its name; its participation when at least the group size were asked; its answers only when it may be shown. */
export interface UnitResults {
  unitId: string;
  parentId: string | null;
  name: string;
  path: string[];
  /** 'small': fewer answered than the group size; 'complementary': hidden so a small group cannot be recovered by subtraction; 'ancestor': inside a hidden unit. */
  suppressed: false | SuppressionReason;
  /** Counts only (no answers), so a lead can see where to encourage answers; null when fewer than the group size were asked. */
  participation: Participation | null;
  /** Null when suppressed. */
  results: GroupResults | null;
}

/** The unit key of people without a unit (not in any unit of the directory). */
const NO_UNIT = 'no-unit';

/**
 * A round's results per unit and for the municipality, as they may be shown: a unit's answers only when at
 * least `minGroupSize` of its people (with sub-units) answered and no smaller group can be worked out by
 * subtraction (see suppressGroups, applied to respondents). Free text only to callers who may read it.
 */
export function surveyRoundResults(input: {
  definition: SurveyDefinition;
  units: readonly Unit[];
  participation: ReadonlyArray<{ unitId: string | null; invited: number; reached: number; answered: number }>;
  answers: ReadonlyArray<{ unitId: string | null; answers: Answers }>;
  minGroupSize: number;
  mayReadFreeText: boolean;
}): { municipality: GroupResults | null; units: UnitResults[] } {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(input.minGroupSize));
  const known = new Map(input.units.map((u) => [u.id, u] as const));
  const keyOf = (unitId: string | null) => (unitId && known.has(unitId) ? unitId : NO_UNIT);

  // Only units someone was asked in (or above them) appear.
  const involved = new Set<string>();
  for (const p of input.participation) {
    for (let id: string | null = keyOf(p.unitId); id; id = known.get(id)?.parentId ?? null) {
      if (involved.has(id)) break;
      involved.add(id);
    }
  }
  const nodes = [...involved].map((key) => ({ key, parentKey: known.get(key)?.parentId ?? null }));
  const ancestorsOf = (key: string): string[] => {
    const chain: string[] = [];
    for (let id: string | null = key; id; id = known.get(id)?.parentId ?? null) chain.push(id);
    return chain;
  };

  const counts = new Map<string, Participation>();
  const countOf = (key: string | null) => {
    const k = key ?? '';
    let c = counts.get(k);
    if (!c) counts.set(k, (c = { invited: 0, reached: 0, answered: 0, responseRate: 0 }));
    return c;
  };
  for (const p of input.participation) {
    for (const key of [...ancestorsOf(keyOf(p.unitId)), null]) {
      const c = countOf(key);
      c.invited += p.invited;
      c.reached += p.reached;
      c.answered += p.answered;
    }
  }
  for (const c of counts.values()) c.responseRate = c.reached > 0 ? c.answered / c.reached : 0;

  const answersBy = new Map<string, Answers[]>();
  for (const a of input.answers) {
    for (const key of [...ancestorsOf(keyOf(a.unitId)), '']) {
      const list = answersBy.get(key) ?? [];
      list.push(a.answers);
      answersBy.set(key, list);
    }
  }
  const ownAnswered = new Map<string, number>();
  for (const a of input.answers) ownAnswered.set(keyOf(a.unitId), (ownAnswered.get(keyOf(a.unitId)) ?? 0) + 1);
  const { rootShown, hidden } = suppressGroups(
    nodes.map((n) => ({ ...n, own: ownAnswered.get(n.key) ?? 0 })),
    min,
  );

  const groupOf = (key: string): GroupResults => {
    const c = countOf(key === '' ? null : key);
    return { ...c, questions: input.definition.questions.map((q) => questionResult(q, answersBy.get(key) ?? [], input.mayReadFreeText)) };
  };
  const { published, withdrawn } = publishParticipation(nodes, (key) => countOf(key).invited, hidden, min);
  return {
    municipality: rootShown ? groupOf('') : null,
    units: nodes.map(({ key, parentKey }) => {
      const unit = known.get(key);
      const suppressed = hidden.get(key) ?? withdrawn.get(key) ?? false;
      return {
        unitId: key,
        parentId: parentKey,
        name: unit?.name ?? UNKNOWN_UNIT_NAME,
        path: unit?.path ?? [UNKNOWN_UNIT_NAME],
        suppressed,
        participation: published.has(key) ? countOf(key) : null,
        results: suppressed ? null : groupOf(key),
      };
    }),
  };
}

/**
 * Which units may show how many were asked and answered. Participation is a figure about people too: a
 * shown parent's count of people asked minus its children's shown counts must not leave a group below the
 * size (say, whether both people of a two-person team answered). A unit shows its participation when its
 * results show, or when it is hidden for too few answers (or inside such a unit) yet at least the group
 * size were asked, so a lead sees where to encourage answers; then, top-down as in suppressGroups, the
 * smallest of a parent's shown children is withdrawn (with its results and its subtree) until the
 * remainder is empty or large enough. Withdrawing only ever hides more, so the answers stay protected.
 */
function publishParticipation(
  nodes: ReadonlyArray<{ key: string; parentKey: string | null }>,
  invitedOf: (key: string | null) => number,
  hidden: ReadonlyMap<string, SuppressionReason>,
  min: number,
): { published: Set<string>; withdrawn: Map<string, SuppressionReason> } {
  const children = new Map<string | null, string[]>();
  for (const { key, parentKey } of nodes) children.set(parentKey, [...(children.get(parentKey) ?? []), key]);
  const published = new Set<string>();
  const withdrawn = new Map<string, SuppressionReason>();
  const withdraw = (key: string, reason: SuppressionReason) => {
    published.delete(key);
    if (!hidden.has(key)) withdrawn.set(key, reason);
    for (const child of children.get(key) ?? []) withdraw(child, 'ancestor');
  };
  const visit = (parent: string | null) => {
    const kids = (children.get(parent) ?? []).filter((kid) => !hidden.has(kid) || (hidden.get(kid) !== 'complementary' && invitedOf(kid) >= min));
    for (const kid of kids) published.add(kid);
    const shown = () => kids.filter((kid) => published.has(kid));
    let remainder = invitedOf(parent) - shown().reduce((sum, kid) => sum + invitedOf(kid), 0);
    while (remainder > 0 && remainder < min) {
      const smallest = shown().sort((a, b) => invitedOf(a) - invitedOf(b) || a.localeCompare(b))[0];
      if (!smallest) break;
      withdraw(smallest, 'complementary');
      remainder += invitedOf(smallest);
    }
    for (const kid of shown()) visit(kid);
  };
  visit(null);
  return { published, withdrawn };
}

/** One question over a shown group's answers. */
export function questionResult(question: Question, answers: readonly Answers[], mayReadFreeText: boolean): QuestionResult {
  const given = answers.map((a) => a[question.id]).filter((v) => v !== undefined);
  const base = { questionId: question.id, kind: question.kind, answered: given.length };
  switch (question.kind) {
    case 'likert': {
      const distribution = tally(LIKERT_VALUES.map(String), given.map(String));
      const mean = given.length > 0 ? given.reduce<number>((sum, v) => sum + Number(v), 0) / given.length : undefined;
      return { ...base, distribution, ...(mean === undefined ? {} : { mean: Math.round(mean * 100) / 100 }) };
    }
    case 'enps': {
      const scores = given.map(Number);
      const promoters = scores.filter((v) => v >= 9).length;
      const detractors = scores.filter((v) => v <= 6).length;
      const enps = scores.length > 0 ? Math.round(((promoters - detractors) / scores.length) * 100) : undefined;
      return { ...base, distribution: tally(ENPS_VALUES.map(String), scores.map(String)), ...(enps === undefined ? {} : { enps }) };
    }
    case 'single':
    case 'multiple':
      return { ...base, distribution: tally(question.options.map((o) => o.id), given.flatMap((v) => (Array.isArray(v) ? v : [String(v)]))) };
    case 'text': {
      const texts = given.map(String).filter((t) => t.length > 0);
      if (texts.length === 0) return { ...base, distribution: [] };
      // Sorted, so the order says nothing about who wrote what or when.
      return { ...base, distribution: [], texts: mayReadFreeText ? texts.sort((a, b) => a.localeCompare(b)) : 'hidden' };
    }
  }
}

function tally(values: readonly string[], given: readonly string[]): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>(values.map((v) => [v, 0]));
  for (const v of given) if (counts.has(v)) counts.set(v, counts.get(v)! + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}
