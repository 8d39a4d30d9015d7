/**
 * Adoption of Teams and Viva Engage per unit, as Microsoft's usage reports define it: a person is
 * active on a product when the product's report gives them a Last Activity Date inside the report
 * period. Staff are the enabled accounts in the directory. Only these aggregates are ever stored.
 */

export const REPORT_PERIODS = ['D7', 'D30', 'D90', 'D180'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const PERIOD_DAYS: Record<ReportPeriod, number> = { D7: 7, D30: 30, D90: 90, D180: 180 };

/**
 * What a person can be active on. Teams chat is private (1:1 and group) chat; Teams channel is any
 * message in a team's channels (team chat, posts, replies); meetings are online meetings, calls 1:1 calls.
 */
export const CHANNELS = [
  'teams',
  'teamsChat',
  'teamsChannel',
  'teamsMeetings',
  'teamsCalls',
  'engage',
  'engageRead',
  'engagePosted',
  'engageLiked',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Device kinds of the Teams device usage report ("Used Web", "Used iOS", …). */
export const DEVICES = ['web', 'windows', 'mac', 'linux', 'chromeOS', 'ios', 'androidPhone', 'windowsPhone'] as const;
export type Device = (typeof DEVICES)[number];

export type ChannelCounts = Record<Channel, number>;
export type DeviceCounts = Record<Device, number>;

/** Counts for a group of people: how many staff, and how many of them were active per channel and device. */
export interface AdoptionCounts {
  staff: number;
  active: ChannelCounts;
  devices: DeviceCounts;
}

export function emptyCounts(): AdoptionCounts {
  return {
    staff: 0,
    active: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as ChannelCounts,
    devices: Object.fromEntries(DEVICES.map((d) => [d, 0])) as DeviceCounts,
  };
}

export function addCounts(into: AdoptionCounts, from: AdoptionCounts): void {
  into.staff += from.staff;
  for (const c of CHANNELS) into.active[c] += from.active[c];
  for (const d of DEVICES) into.devices[d] += from.devices[d];
}

/** The first and last day (YYYY-MM-DD, inclusive) a report refreshed on `reportDate` covers. */
export function periodRange(reportDate: string, period: ReportPeriod): { from: string; to: string } {
  const to = new Date(`${reportDate}T00:00:00Z`);
  const from = new Date(to.getTime() - (PERIOD_DAYS[period] - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: reportDate };
}

/** Whether a Last Activity Date (YYYY-MM-DD or empty) falls inside the report period. */
export function activeInPeriod(lastActivityDate: string | null, range: { from: string; to: string }): boolean {
  return lastActivityDate !== null && lastActivityDate >= range.from && lastActivityDate <= range.to;
}
