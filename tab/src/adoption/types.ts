/**
 * The adoption API's answers as the tab reads them (`GET /api/v1/adoption…`). Figures about people are
 * null where the server suppressed them (a group smaller than `minGroupSize`): the tab never fills them in.
 */

export const PERIODS = ['D7', 'D30', 'D90', 'D180'] as const;
export type Period = (typeof PERIODS)[number];

export const CHANNELS = ['teams', 'teamsChat', 'teamsChannel', 'teamsMeetings', 'teamsCalls', 'engage', 'engageRead', 'engagePosted', 'engageLiked'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelCounts = Record<Channel, number>;

export const DEVICES = ['web', 'windows', 'mac', 'linux', 'chromeOS', 'ios', 'androidPhone', 'windowsPhone'] as const;
export type Device = (typeof DEVICES)[number];
export type DeviceCounts = Record<Device, number>;

export interface Snapshot {
  period: Period;
  reportDate: string;
  concealed: boolean;
}

/** Staff and how many of them were active, for the municipality or a unit. */
export interface Figures {
  staff: number;
  active: ChannelCounts;
  devices: DeviceCounts;
}

export interface AdoptionUnit {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
  depth: number;
  staff: number | null;
  active: ChannelCounts | null;
  devices: DeviceCounts | null;
  suppressed: boolean;
}

export interface Community {
  kind: 'teams' | 'engage';
  id: string;
  name: string;
  unitId: string | null;
  activeUsers: number | null;
  members: number | null;
  posts: number | null;
  suppressed: boolean;
}

export interface AdoptionReport {
  period: Period;
  /** null: nothing has been ingested yet for this period. */
  reportDate: string | null;
  /** Every report date there is, newest first. */
  snapshots: Snapshot[];
  /** null until the first ingestion. */
  minGroupSize: number | null;
  /** The tenant conceals user names in usage reports: only municipality-wide figures exist. */
  concealed: boolean;
  notice: null | { code: 'concealed_names'; setting: 'displayConcealedNames' };
  /** The municipality's figures: for adoption admins only (a unit lead sees their units). */
  tenant: Figures | null;
  units: AdoptionUnit[];
  communities: Community[];
}

export interface TrendPoint {
  reportDate: string;
  staff: number | null;
  active: ChannelCounts | null;
  suppressed: boolean;
}

export interface Trend {
  unitId: string | null;
  /** Oldest first. */
  points: TrendPoint[];
}

/** A unit whose figures may be shown: narrowed so components need no null checks. */
export type ShownUnit = AdoptionUnit & { staff: number; active: ChannelCounts; devices: DeviceCounts; suppressed: false };

export const isShown = (unit: AdoptionUnit): unit is ShownUnit => !unit.suppressed && unit.staff !== null && unit.active !== null && unit.devices !== null;
