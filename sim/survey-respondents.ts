import { localeFromTag } from '../core/locale.js';
import type { Question, SurveyDefinition } from '../core/survey.js';
import { dayOf } from './days.js';
import type { SimPerson } from './municipality.js';
import { hashString } from './random.js';
import { FREE_TEXTS, type FreeTextTopic } from './survey-free-texts.js';
import { mix, usageProfile } from './usage-model.js';

/** What a person's card would submit: question id → the input's value as Adaptive Cards send it (strings). */
export interface SimulatedResponse {
  answers: Record<string, string>;
}

export interface RespondentOptions {
  /** The day the usage model is read at: who has started on Teams by then (default 2026-11-01, where its curves are pinned). */
  asOf?: string;
}

/** How a unit (a person's department) answers, the same in every round. */
export interface UnitTendency {
  /** Share of those reached who answer: 0.35–0.85. */
  answerRate: number;
  /** How much better or worse than its work would suggest the unit feels, in Likert points (±0.4). */
  climate: number;
}

const U32 = 4294967296;
const DEFAULT_AS_OF = '2026-11-01';
/** Likert points a round adds to the mean: staff notice that something is done. */
const TREND_PER_ROUND = 0.07;

/** Seeded per unit: how many answer, and the unit's mood. */
export function unitTendency(seed: string, department: string | null): UnitTendency {
  const h = hashString(`${seed}:survey-unit:${department ?? ''}`);
  return { answerRate: 0.35 + 0.5 * (mix(h, 1) / U32), climate: (mix(h, 2) / U32 - 0.5) * 0.8 };
}

/**
 * How much a person works on Teams by `asOf`, from the simulator's usage model (the same as its usage
 * reports): 0 when they have not started or have no licence, else 0.4–1 with how often they use it.
 */
export function teamsEngagement(seed: string, person: SimPerson, asOf = DEFAULT_AS_OF): number {
  const profile = usageProfile(seed, person);
  const started = profile.licensed && profile.teamsStart !== null && profile.teamsStart <= dayOf(asOf);
  return started ? 0.4 + 0.6 * Math.min(1, profile.teamsRate) : 0;
}

/**
 * Likert means by question id: `base` for someone off Teams, plus `teams` times their engagement.
 * Those off Teams feel more IT stress and get less information; heavy users are interrupted more.
 */
const LIKERT: Record<string, { base: number; teams: number }> = {
  'it-stress': { base: 2.7, teams: 1.0 },
  interruptions: { base: 3.6, teams: -0.7 },
  systems: { base: 2.9, teams: 0.7 },
  training: { base: 2.4, teams: 1.0 },
  support: { base: 3.0, teams: 0.5 },
  involvement: { base: 2.3, teams: 0.6 },
  information: { base: 2.1, teams: 1.8 },
  workload: { base: 2.7, teams: 0.1 },
  tools: { base: 2.7, teams: 1.1 },
};
const LIKERT_DEFAULT = { base: 3.0, teams: 0.6 };

/** Chance of ticking each information channel, off Teams (0) to fully on it (1). */
const CHANNELS: Record<string, readonly [number, number]> = {
  teams: [0.05, 0.85],
  'viva-engage': [0.02, 0.3],
  email: [0.3, 0.7],
  intranet: [0.2, 0.45],
  leader: [0.85, 0.35],
  colleagues: [0.55, 0.35],
  paper: [0.65, 0.03],
};

/**
 * How `person` answers round `roundNumber` (1, 2, …) of a survey, or null when they do not answer.
 * Deterministic for a seed. Whether someone answers follows their unit's answer rate (most people
 * answer or skip out of habit); what they answer follows how much they use Teams, their unit's
 * climate, their own temper, and a mild improvement from round to round. Optional questions are
 * sometimes skipped; a few write a short free-text answer in their language.
 */
export function simulatedResponse(
  definition: SurveyDefinition,
  person: SimPerson,
  seed: string,
  roundNumber: number,
  options: RespondentOptions = {},
): SimulatedResponse | null {
  const surveyKey = definition.questions.map((q) => q.id).join(',');
  const own = hashString(`${seed}:respondent:${person.id}`);
  const round = hashString(`${seed}:response:${surveyKey}:${roundNumber}:${person.id}`);
  const draw = (salt: number) => mix(round, salt) / U32;
  const unit = unitTendency(seed, person.department);
  // The same draw every round for most people: some always answer, some never do.
  const answerDraw = draw(1) < 0.7 ? mix(own, 1) / U32 : draw(2);
  if (answerDraw >= unit.answerRate) return null;

  const engagement = teamsEngagement(seed, person, options.asOf);
  const temper = (mix(own, 2) / U32 - 0.5) * 1.6;
  const shift = temper + unit.climate + TREND_PER_ROUND * (Math.min(roundNumber, 8) - 1);
  /** Roughly normal noise in [-1, 1). */
  const noise = (salt: number) => draw(salt) + draw(salt + 1) - 1;
  const answers: Record<string, string> = {};
  let salt = 10;
  for (const question of definition.questions) {
    salt += 10;
    if (!question.required && question.kind !== 'text' && draw(salt) < 0.1) continue;
    const value = answerTo(question, { engagement, shift, draw: (n) => draw(salt + n), noise: (n) => noise(salt + n), answers, person });
    if (value !== undefined) answers[question.id] = value;
  }
  return { answers };
}

interface Context {
  engagement: number;
  shift: number;
  draw(salt: number): number;
  noise(salt: number): number;
  /** Answers so far (a channel question reads the information answer). */
  answers: Record<string, string>;
  person: SimPerson;
}

function answerTo(question: Question, c: Context): string | undefined {
  switch (question.kind) {
    case 'likert': {
      const { base, teams } = LIKERT[question.id] ?? LIKERT_DEFAULT;
      return String(clamp(Math.round(base + teams * c.engagement + c.shift + 2.2 * c.noise(1)), 1, 5));
    }
    case 'enps':
      return String(clamp(Math.round(6 + 1.5 * c.engagement + 2 * c.shift + 2.5 * c.noise(1)), 0, 10));
    case 'single':
      return question.options[Math.floor(c.draw(1) * question.options.length)]!.id;
    case 'multiple': {
      // "It does not reach me" alone, from some of those who said information does not reach them.
      const information = Number(c.answers.information ?? 3);
      if (information <= 2 && question.options.some((o) => o.id === 'none') && c.draw(1) < 0.4) return 'none';
      const chosen = question.options
        .filter((o, i) => {
          if (o.id === 'none') return false;
          const [off, on] = CHANNELS[o.id] ?? [0.3, 0.3];
          return c.draw(2 + i) < off + (on - off) * c.engagement;
        })
        .map((o) => o.id);
      return (chosen.length > 0 ? chosen : [question.options.find((o) => o.id !== 'none')!.id]).join(',');
    }
    case 'text': {
      // A few write something; those off Teams a little more often (they have things to say).
      if (!question.required && c.draw(1) >= (c.engagement === 0 ? 0.18 : 0.1)) return undefined;
      const topic: FreeTextTopic = /\bweek\b/i.test(question.text.en) ? 'week' : 'improve';
      const pool = FREE_TEXTS[topic][c.engagement === 0 ? 'offline' : 'online'][localeFromTag(c.person.preferredLanguage) ?? 'nb'];
      const text = pool[Math.floor(c.draw(2) * pool.length)]!;
      return text.length <= question.maxLength ? text : text.slice(0, question.maxLength).trim();
    }
  }
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
