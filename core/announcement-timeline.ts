import { REACH_SIGNALS, type ReachSignal } from './announcement.js';

/** Counts since sending up to and including the hour starting `at`. */
export interface TimelinePoint {
  at: string;
  delivered: number;
  read: number;
  acknowledged: number;
  clicked: number;
}

const HOUR = 3600_000;
/**
 * Hours without signals are filled in (a flat stretch, not a slope between two far points) for the first
 * two weeks; an announcement still clicked months later gets a point only for the hours that saw any.
 */
const FILLED_HOURS = 14 * 24;

/**
 * The timeline of an announcement: cumulative counts per hour since the first signal. Empty when the
 * whole audience is under the group size (`shown` false), as then every figure about it is hidden.
 */
export function reachTimeline(rows: ReadonlyArray<{ hour: Date; signal: ReachSignal; count: number }>, shown: boolean): TimelinePoint[] {
  if (!shown || rows.length === 0) return [];
  const byHour = new Map<number, Record<ReachSignal, number>>();
  for (const row of rows) {
    const hour = Math.floor(row.hour.getTime() / HOUR) * HOUR;
    const counts = byHour.get(hour) ?? (Object.fromEntries(REACH_SIGNALS.map((s) => [s, 0])) as Record<ReachSignal, number>);
    counts[row.signal] += row.count;
    byHour.set(hour, counts);
  }
  const hours = [...byHour.keys()].sort((a, b) => a - b);
  const first = hours[0]!;
  const last = hours.at(-1)!;
  const steps = new Set(hours);
  for (let h = first; h <= Math.min(last, first + FILLED_HOURS * HOUR); h += HOUR) steps.add(h);

  const running: Record<ReachSignal, number> = { delivered: 0, read: 0, acknowledged: 0, clicked: 0 };
  return [...steps]
    .sort((a, b) => a - b)
    .map((hour) => {
      const counts = byHour.get(hour);
      if (counts) for (const s of REACH_SIGNALS) running[s] += counts[s];
      return { at: new Date(hour).toISOString(), ...running };
    });
}
