import { PERIOD_DAYS } from './adoption.js';
import { toBrief } from './announcement-reach.js';
import type { DigestFigures } from './digest-figures.js';
import { MIN_GROUP_SIZE_FLOOR } from './suppression.js';

/** The one thing the digest suggests a lead does this week. */
export type DigestAction =
  | { kind: 'brief-inactive'; unitName: string; count: number; days: number }
  | { kind: 'remind-announcement'; title: string; count: number; requiresAcknowledgement: boolean }
  | { kind: 'encourage-survey'; title: string; responseRate: number }
  /** Nothing about the lead's units may be shown, so nothing can be judged: said, rather than "well done". */
  | { kind: 'no-figures' }
  | { kind: 'well-done' };

/** Below this share of readers an announcement is worth a reminder in person. */
export const REACH_WORTH_REMINDING = 0.8;
/** Below this response rate an open survey is worth a word at a meeting. */
export const RESPONSE_WORTH_ENCOURAGING = 0.5;

/**
 * The one suggestion, by a fixed order of what matters most to reach staff at all:
 * 1. the largest group of staff who have not been active in Teams in the report period, in a unit the
 *    lead sees — among the smallest shown units first (a shift meeting is a team's), else the lead's
 *    own — if that group is at least the group size: brief them at the next shift meeting;
 * 2. else the settled announcement read by the smallest share of the lead's staff, under 80 %, with at
 *    least the group size to brief: remind them (or ask them to confirm they have read it);
 * 3. else the open survey with the lowest response rate in the lead's unit, under 50 %: encourage;
 * 4. else, when the tab shows nothing about the lead's own unit (hidden in adoption, every announcement
 *    and survey), that there is nothing to judge by — "well done" would claim what nobody can see;
 * 5. else nothing to do: well done.
 * Every count it names is at least the group size, so the suggestion shows no more than the tab does.
 */
export function suggestedAction(figures: DigestFigures): DigestAction {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(figures.minGroupSize));
  const inactive = largestInactiveGroup(figures, min);
  if (inactive) return inactive;

  const reminders = figures.announcements
    .filter((a) => a.settled && a.funnel && a.funnel.targeted > 0)
    .map((a) => ({ a, count: toBrief(a.funnel!), share: 1 - toBrief(a.funnel!) / a.funnel!.targeted }))
    .filter((r) => r.share < REACH_WORTH_REMINDING && r.count >= min)
    .sort((x, y) => x.share - y.share);
  if (reminders[0]) return { kind: 'remind-announcement', title: reminders[0].a.title, count: reminders[0].count, requiresAcknowledgement: reminders[0].a.requiresAcknowledgement };

  const surveys = figures.surveys
    .filter((s) => s.open && s.unit && s.unit.reached > 0 && s.unit.responseRate < RESPONSE_WORTH_ENCOURAGING)
    .sort((x, y) => x.unit!.responseRate - y.unit!.responseRate);
  if (surveys[0]) return { kind: 'encourage-survey', title: surveys[0].title, responseRate: surveys[0].unit!.responseRate };

  const units = figures.adoption?.units ?? [];
  const own = units.length > 0 ? units.reduce((top, u) => (u.depth < top.depth ? u : top)) : undefined;
  const nothingShown = own?.hidden === true && figures.announcements.every((a) => a.funnel === null) && figures.surveys.every((s) => s.unit === null);
  return { kind: nothingShown ? 'no-figures' : 'well-done' };
}

function largestInactiveGroup(figures: DigestFigures, min: number): DigestAction | null {
  const adoption = figures.adoption;
  if (!adoption || adoption.concealed) return null;
  const shown = adoption.units.flatMap((u) => (u.hidden ? [] : [u]));
  const hasShownChild = (path: string[]) => shown.some((c) => c.path.length === path.length + 1 && path.every((name, i) => c.path[i] === name));
  const pick = (units: typeof shown) =>
    units
      .map((u) => ({ u, count: u.staff - u.teamsActive }))
      .filter((x) => x.count >= min)
      .sort((x, y) => y.count - x.count || x.u.path.join('/').localeCompare(y.u.path.join('/'), 'nb'))[0];
  const top = Math.min(...shown.map((u) => u.depth));
  const found = pick(shown.filter((u) => !hasShownChild(u.path))) ?? pick(shown.filter((u) => u.depth === top));
  return found ? { kind: 'brief-inactive', unitName: found.u.name, count: found.count, days: PERIOD_DAYS[adoption.period] } : null;
}
