import type { AdoptionUnit, Channel, ChannelCounts } from './types';

/** The channels the unit table shows as columns, in order. */
export const TABLE_CHANNELS = ['teams', 'teamsChat', 'teamsChannel', 'teamsMeetings', 'engage'] as const satisfies readonly Channel[];

/** Share of staff active on a channel, 0–1; null when there is nobody to divide by. */
export function rate(active: ChannelCounts, staff: number, channel: Channel): number | null {
  return staff > 0 ? active[channel] / staff : null;
}

/**
 * Units least adopted first (by Teams adoption rate), so those that need help lead the list. Units whose
 * figures are hidden have no rate and go last; ties keep the tree's order by path.
 */
export function leastAdoptedFirst(units: readonly AdoptionUnit[]): AdoptionUnit[] {
  const teamsRate = (unit: AdoptionUnit) => (unit.active && unit.staff ? unit.active.teams / unit.staff : Number.POSITIVE_INFINITY);
  const byPath = (a: AdoptionUnit, b: AdoptionUnit) => a.path.join('\u0000').localeCompare(b.path.join('\u0000'));
  return [...units].sort((a, b) => teamsRate(a) - teamsRate(b) || byPath(a, b));
}

/** The unit and every unit below it, by parent links (a unit lead's units are subtrees). */
export function subtreeIds(units: readonly AdoptionUnit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}
