import type { PostUnitCounts } from './posts-elsewhere.js';

/**
 * Turns who reacted and who replied into counts per unit, at ingestion, so that no person is kept:
 * `reactions` and `replies` hold a person's id once per reaction or reply; `unitOf` maps ids to units
 * (null, or absent for people the directory does not know, counts as no unit).
 */
export function countPerUnit(activity: { reactions: readonly string[]; replies: readonly string[] }, unitOf: ReadonlyMap<string, string | null>): PostUnitCounts[] {
  const units = new Map<string | null, PostUnitCounts>();
  const at = (id: string) => {
    const unitId = unitOf.get(id) ?? null;
    let counts = units.get(unitId);
    if (!counts) units.set(unitId, (counts = { unitId, reactions: 0, replies: 0, people: 0 }));
    return counts;
  };
  for (const id of activity.reactions) at(id).reactions++;
  for (const id of activity.replies) at(id).replies++;
  for (const id of new Set([...activity.reactions, ...activity.replies])) at(id).people++;
  return [...units.values()];
}
