import { dateOf, dayOf } from './days.js';
import { hashString } from './random.js';
import type { ReportPerson } from './report-population.js';
import { mix } from './usage-model.js';
import { teamsActiveBetween, teamsActiveChance } from './usage.js';

/** One nudge card the connector accepted for a person. */
export interface NudgeReceipt {
  nudgeId: string;
  /** The nudge day: the report date when the connector accepted the card (YYYY-MM-DD). */
  day: string;
  receivedAt: Date;
}

/** What the nudges did to one nudged person by a report date. */
export interface NudgePersonTruth {
  /** Their first nudge day: the effect is on their Teams activity after it. */
  nudgeDay: string;
  department: string | null;
  /** The chance, before the days were drawn, that they would have been active in Teams after the nudge day anyway. */
  chanceWithout: number;
  /** Active in Teams in (nudgeDay, reportDate] without the nudge (their own days). */
  activeWithout: boolean;
  /** …and with it, as the reports show. */
  activeWith: boolean;
  /**
   * Whether the nudge gives them Teams days from the day after the nudge day on (on top of their own):
   * true for everyone it made active, and for some who were active anyway (see nudgePlan). Only these
   * people's rows differ from a simulator's that sent no nudges.
   */
  boosted: boolean;
}

/** Nudged people of one unit (department; null without one). */
export interface NudgeUnitTruth {
  nudged: number;
  activeWithout: number;
  activeWith: number;
}

/** The ground truth of the nudge effect at a report date, for a test to hold Digipuls's estimate against. */
export interface NudgeEffectTruth {
  reportDate: string;
  /** The effect the simulator was given. */
  effect: number;
  /** People with a nudge day before the report date. */
  nudged: number;
  /** Of those, active in Teams after their nudge day without the nudge, and with it (as the reports show). */
  activeWithout: number;
  activeWith: number;
  /** activeWith − activeWithout: the people the nudge made active. */
  converted: number;
  /** converted / nudged (0 when nobody was nudged): the effect on the nudged, as it came out. */
  realizedEffect: number;
  /**
   * What the simulator aimed at: the mean over the nudged of min(effect, 1 − chanceWithout), since a
   * nudge cannot raise above 1 the chance of someone who would almost surely have been active anyway.
   * Equal to `effect` unless some nudged people were nearly sure to be active.
   */
  targetEffect: number;
  /** Per nudged person (Entra object id). */
  people: Map<string, NudgePersonTruth>;
  /** Per unit (department; null without one). */
  units: Map<string | null, NudgeUnitTruth>;
}

/** A report date's plan: who the nudge made active, and the truth of it. */
export interface NudgePlan {
  /** Population index → the nudge day (a day number): the people whose Teams usage the nudge adds days to. */
  boosted: Map<number, number>;
  truth: NudgeEffectTruth;
}

const TWO_32 = 4294967296;

/**
 * The nudges the connector accepted, per person, and the effect they have. A change (a new nudged
 * person, an earlier nudge day, another effect) calls `changed` with the earliest day it touches:
 * reports for dates after it must be made again.
 */
export class NudgeLedger {
  private readonly byPerson = new Map<string, NudgeReceipt[]>();
  private readonly firstDay = new Map<string, number>();
  private current: number;

  constructor(
    effect: number,
    private readonly changed: (afterDay: number) => void,
  ) {
    this.current = checkEffect(effect, 'nudgeEffect');
  }

  get effect(): number {
    return this.current;
  }

  setEffect(effect: number): void {
    checkEffect(effect, 'nudges.setEffect');
    if (effect === this.current) return;
    this.current = effect;
    this.changedFromEarliest();
  }

  /** Records a nudge a person received on a day (a report date); the same nudge id twice counts once. */
  record(personId: string, nudgeId: string, day: string, receivedAt: Date): void {
    const dayNumber = dayOf(day);
    let receipts = this.byPerson.get(personId);
    if (!receipts) this.byPerson.set(personId, (receipts = []));
    if (receipts.some((r) => r.nudgeId === nudgeId)) return;
    receipts.push({ nudgeId, day, receivedAt });
    const first = this.firstDay.get(personId);
    if (first === undefined || dayNumber < first) {
      this.firstDay.set(personId, dayNumber);
      this.changed(dayNumber);
    }
  }

  /** Forgets every nudge: the reports are as if none had been sent. */
  clear(): void {
    const had = this.firstDay.size > 0;
    const earliest = Math.min(...this.firstDay.values());
    this.byPerson.clear();
    this.firstDay.clear();
    if (had) this.changed(earliest);
  }

  receipts(): Map<string, NudgeReceipt[]> {
    return new Map([...this.byPerson].map(([id, receipts]) => [id, receipts.map((r) => ({ ...r }))]));
  }

  /** People whose first nudge day is before the report date (a day number), or everyone nudged. */
  nudged(before = Infinity): Set<string> {
    return new Set([...this.firstDay].filter(([, day]) => day < before).map(([id]) => id));
  }

  /** Person → first nudge day (day number). */
  firstDays(): ReadonlyMap<string, number> {
    return this.firstDay;
  }

  private changedFromEarliest(): void {
    if (this.firstDay.size > 0) this.changed(Math.min(...this.firstDay.values()));
  }
}

/** The effect, if it is one (a number in [0, 1]); else a RangeError. */
export function checkEffect(effect: number, where: string): number {
  if (typeof effect !== 'number' || !(effect >= 0 && effect <= 1)) throw new RangeError(`${where}: the effect must be a number between 0 and 1, got ${effect}`);
  return effect;
}

const indexes = new WeakMap<ReportPerson[], Map<string, number>>();
function indexOf(population: ReportPerson[]): Map<string, number> {
  let index = indexes.get(population);
  if (!index) {
    index = new Map(population.map((p, i) => [p.id, i]));
    indexes.set(population, index);
  }
  return index;
}

/** A person's draw for being among those the nudge makes active: a pure function of seed and id. */
export function nudgeDraw(seed: string, personId: string): number {
  return mix(hashString(`${seed}:nudge-effect:${personId}`), 1) / TWO_32;
}

/**
 * Who the nudges made active in Teams by a report date, and the truth of it.
 *
 * The model: a nudge on day D raises by `effect` the chance that its recipient is active in Teams in
 * (D, reportDate], against the same person not nudged (their own days, which the usage model fixes).
 * Among the n people nudged before the report date, those who would not have been active after their
 * nudge day anyway, who are licensed and whose account lasts past D, are the candidates; the
 * round(Σ min(effect, 1 − chanceWithout)) of them with the lowest seeded draws (nudgeDraw) are made
 * active. So each candidate is made active with the same chance, effect / (1 − b) for a population
 * where a share b would have been active anyway (and nobody is nearly sure to be), the number made
 * active is exact rather than binomial, and people the nudge cannot move (unlicensed, or active anyway)
 * are made up for by others. A person made active has Teams days of their own rate from D + 1 on, the
 * first always (sim/usage.ts); so does every nudged, licensed person whose draw is below the last
 * candidate's, active anyway or not, so a person's added days are the same in every report that has them.
 */
export function nudgePlan(seed: string, population: ReportPerson[], ledger: NudgeLedger, reportDate: string): NudgePlan {
  const effect = ledger.effect;
  const to = dayOf(reportDate);
  const index = indexOf(population);
  interface Entry {
    id: string;
    i: number;
    day: number;
    draw: number;
    movable: boolean;
    truth: NudgePersonTruth;
  }
  const entries: Entry[] = [];
  let target = 0;
  for (const [id, day] of ledger.firstDays()) {
    if (day >= to) continue;
    const i = index.get(id);
    if (i === undefined) continue;
    const p = population[i]!;
    const until = p.goneDaysBefore === null ? to : Math.min(to, to - p.goneDaysBefore - 1);
    const chanceWithout = teamsActiveChance(p.profile, day, until);
    const activeWithout = teamsActiveBetween(p.profile, day, until);
    target += Math.min(effect, 1 - chanceWithout);
    entries.push({
      id,
      i,
      day,
      draw: nudgeDraw(seed, id),
      movable: p.profile.licensed && until > day,
      truth: { nudgeDay: dateOf(day), department: p.department, chanceWithout, activeWithout, activeWith: activeWithout, boosted: false },
    });
  }
  const candidates = entries.filter((e) => e.movable && !e.truth.activeWithout).sort((a, b) => a.draw - b.draw || (a.id < b.id ? -1 : 1));
  const count = effect > 0 ? Math.min(candidates.length, Math.round(target)) : 0;
  const last = count > 0 ? candidates[count - 1]! : undefined;
  const boosted = new Map<number, number>();
  const people = new Map<string, NudgePersonTruth>();
  const units = new Map<string | null, NudgeUnitTruth>();
  let activeWithout = 0;
  let activeWith = 0;
  for (const e of entries) {
    if (last && e.movable && (e.draw < last.draw || (e.draw === last.draw && e.id <= last.id))) {
      boosted.set(e.i, e.day);
      e.truth.activeWith = true;
      e.truth.boosted = true;
    }
    people.set(e.id, e.truth);
    let unit = units.get(e.truth.department);
    if (!unit) units.set(e.truth.department, (unit = { nudged: 0, activeWithout: 0, activeWith: 0 }));
    unit.nudged++;
    if (e.truth.activeWithout) {
      unit.activeWithout++;
      activeWithout++;
    }
    if (e.truth.activeWith) {
      unit.activeWith++;
      activeWith++;
    }
  }
  const nudged = entries.length;
  return {
    boosted,
    truth: {
      reportDate,
      effect,
      nudged,
      activeWithout,
      activeWith,
      converted: activeWith - activeWithout,
      realizedEffect: nudged ? (activeWith - activeWithout) / nudged : 0,
      targetEffect: nudged ? target / nudged : 0,
      people,
      units,
    },
  };
}
