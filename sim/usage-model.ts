import { DEVICES, type Device } from '../core/adoption.js';
import { dayOf } from './days.js';
import { hashString } from './random.js';
import { SECTORS } from './unit-catalogue.js';

/**
 * How people in different kinds of work take to Teams and Viva Engage. Municipal reality: office
 * staff moved onto Teams in spring 2020 and nearly all use it; schools followed; care, kindergartens and
 * field staff (no desk, shared phones, shifts) lag far behind; Viva Engage trails Teams everywhere.
 */
export type WorkKind = 'office' | 'specialist' | 'school' | 'kindergarten' | 'care' | 'field';

/**
 * Share of staff who have started by a date: `level` on REFERENCE_DAY, growing `perYear`, never above
 * `ceiling` (those above it never start). Before the rollout the share is what it was at the rollout.
 */
interface AdoptionCurve {
  level: number;
  perYear: number;
  ceiling: number;
}

interface KindParameters {
  teams: AdoptionCurve;
  engage: AdoptionCurve;
  /** How far a unit's level may sit from its kind's (± half this): some units are ahead, some behind. */
  unitSpread: number;
  /** Chance of Teams activity on a workday, for regular users (min, max). */
  teamsDayRate: readonly [number, number];
  /** Share of users who open Teams only now and then, and their workday rate. */
  occasional: number;
  occasionalRate: readonly [number, number];
  engageDayRate: readonly [number, number];
  /** Weekend activity relative to a workday (shift workers work weekends). */
  weekend: number;
  /** Per active day: private chat messages, chance of a channel post, meetings, 1:1 calls. */
  chat: number;
  post: number;
  meetings: number;
  calls: number;
  /** The device people mostly use, by weight; the second device is a phone or the web client. */
  primary: Partial<Record<Device, number>>;
  secondary: Partial<Record<Device, number>>;
  product: string;
}

const phone = { ios: 6, androidPhone: 4 };
const KINDS: Record<WorkKind, KindParameters> = {
  office: {
    teams: { level: 0.93, perYear: 0.025, ceiling: 0.985 }, engage: { level: 0.5, perYear: 0.05, ceiling: 0.85 }, unitSpread: 0.08,
    teamsDayRate: [0.6, 0.97], occasional: 0.08, occasionalRate: [0.06, 0.2], engageDayRate: [0.06, 0.4], weekend: 0.06,
    chat: 14, post: 0.25, meetings: 1.8, calls: 0.5, primary: { windows: 88, mac: 6, web: 4, linux: 2 }, secondary: { ...phone, web: 3 }, product: 'MICROSOFT 365 E3',
  },
  specialist: {
    teams: { level: 0.68, perYear: 0.05, ceiling: 0.95 }, engage: { level: 0.25, perYear: 0.04, ceiling: 0.7 }, unitSpread: 0.16,
    teamsDayRate: [0.35, 0.9], occasional: 0.15, occasionalRate: [0.04, 0.15], engageDayRate: [0.04, 0.25], weekend: 0.2,
    chat: 8, post: 0.15, meetings: 0.9, calls: 0.4, primary: { windows: 75, web: 10, ios: 8, androidPhone: 5, mac: 2 }, secondary: { ...phone, web: 4 }, product: 'MICROSOFT 365 E3',
  },
  school: {
    teams: { level: 0.72, perYear: 0.045, ceiling: 0.95 }, engage: { level: 0.2, perYear: 0.03, ceiling: 0.6 }, unitSpread: 0.14,
    teamsDayRate: [0.3, 0.85], occasional: 0.18, occasionalRate: [0.04, 0.15], engageDayRate: [0.03, 0.2], weekend: 0.12,
    chat: 6, post: 0.3, meetings: 0.6, calls: 0.1, primary: { windows: 50, chromeOS: 20, ios: 14, mac: 10, web: 6 }, secondary: { ...phone, web: 4 }, product: 'MICROSOFT 365 A3 FOR FACULTY',
  },
  kindergarten: {
    teams: { level: 0.46, perYear: 0.05, ceiling: 0.88 }, engage: { level: 0.1, perYear: 0.02, ceiling: 0.45 }, unitSpread: 0.18,
    teamsDayRate: [0.15, 0.6], occasional: 0.3, occasionalRate: [0.03, 0.1], engageDayRate: [0.02, 0.12], weekend: 0.05,
    chat: 3, post: 0.1, meetings: 0.2, calls: 0.05, primary: { ios: 40, androidPhone: 25, windows: 25, web: 10 }, secondary: { windows: 5, web: 5 }, product: 'MICROSOFT 365 F3',
  },
  care: {
    teams: { level: 0.38, perYear: 0.06, ceiling: 0.85 }, engage: { level: 0.08, perYear: 0.02, ceiling: 0.4 }, unitSpread: 0.2,
    teamsDayRate: [0.15, 0.65], occasional: 0.32, occasionalRate: [0.03, 0.1], engageDayRate: [0.02, 0.1], weekend: 0.6,
    chat: 4, post: 0.05, meetings: 0.15, calls: 0.2, primary: { ios: 45, androidPhone: 25, windows: 22, web: 8 }, secondary: { windows: 6, web: 4, windowsPhone: 0.05 }, product: 'MICROSOFT 365 F3',
  },
  field: {
    teams: { level: 0.37, perYear: 0.05, ceiling: 0.8 }, engage: { level: 0.05, perYear: 0.015, ceiling: 0.35 }, unitSpread: 0.2,
    teamsDayRate: [0.1, 0.5], occasional: 0.35, occasionalRate: [0.03, 0.08], engageDayRate: [0.02, 0.08], weekend: 0.15,
    chat: 3, post: 0.03, meetings: 0.1, calls: 0.3, primary: { androidPhone: 45, ios: 35, windows: 15, web: 5 }, secondary: { web: 5, windows: 5, windowsPhone: 0.1 }, product: 'MICROSOFT 365 F3',
  },
};

/** Where the adoption curves are pinned, and when Teams arrived (the first lockdown). */
const REFERENCE_DAY = dayOf('2026-11-01');
const ROLLOUT_DAY = dayOf('2020-03-12');
const ENGAGE_ROLLOUT_DAY = dayOf('2020-09-01');

const SERVICE_SECTOR = new Map(SECTORS.flatMap((s) => s.services.map((v) => [v.name, s.name] as const)));
const LEADER_TITLES = new Set(SECTORS.flatMap((s) => s.services.flatMap((v) => v.teams.map((t) => t.leader))));

/** The kind of work done in a unit, from its sector, service and team (the team may be unknown). */
export function workKindOf(sector: string, service: string, team?: string): WorkKind {
  if (sector === 'Sentraladministrasjon' || sector === 'Samfunnsutvikling') return 'office';
  if (service === 'Grunnskole') return 'school';
  if (service === 'Barnehager') return 'kindergarten';
  if (service === 'Barnevern' || service === 'PPT') return 'office';
  if (sector === 'Helse og omsorg') return service === 'Helsestasjon og legevakt' || service === 'Psykisk helse og rus' ? 'specialist' : 'care';
  if (sector === 'Teknisk drift og eiendom') return team === 'Prosjekt' || service === 'Vann og avløp' ? 'specialist' : 'field';
  if (sector === 'Kultur og fritid') return team === 'Fritidsklubben' ? 'field' : 'specialist';
  return 'specialist';
}

/** Who a person is to the usage model: where they work (department path, else office = service name) and whether they lead. */
export interface Worker {
  id: string;
  department: string | null;
  officeLocation: string | null;
  jobTitle: string;
}

/** A person's seeded habits: when they started on each product (or never) and how they use it. */
export interface UsageProfile {
  /** Hash of seed and person id: every day's activity is derived from it. */
  key: number;
  kind: WorkKind;
  /** The unit that sets the person's adoption level: sector / service / team (or sector / service). */
  unitKey: string;
  leader: boolean;
  licensed: boolean;
  /** Assigned products, '+'-joined as the reports write them; '' when unlicensed. */
  products: string;
  teamsStart: number | null;
  engageStart: number | null;
  /** Chance of activity on a workday; on weekends times `weekend`. */
  teamsRate: number;
  engageRate: number;
  weekend: number;
  chat: number;
  post: number;
  reply: number;
  meetings: number;
  organizes: number;
  calls: number;
  meetingMinutes: number;
  callMinutes: number;
  videoShare: number;
  screenShare: number;
  /** Device bits (index in core's DEVICES): the usual device, a second, a rare third. */
  primary: number;
  secondary: number;
  tertiary: number;
  /** Share of active periods with activity the report counts only as "Has Other Action". */
  otherAction: number;
}

/** A uniform number in [0, 1) from a 32-bit hash and a salt (murmur3's finaliser). */
export function mix(h: number, salt: number): number {
  let x = (h ^ Math.imul(salt + 0x632be5ab, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
const unit = (h: number, salt: number) => mix(h, salt) / 4294967296;
const between = (range: readonly [number, number], u: number) => range[0] + (range[1] - range[0]) * u;

/** A device weight table as cumulative shares, made once per table (50,000 people pick from a few tables). */
type DeviceTable = { bits: number[]; cumulative: number[] };
const tables = new WeakMap<object, DeviceTable>();
function pickDevice(weights: Partial<Record<Device, number>>, u: number): number {
  let table = tables.get(weights);
  if (!table) {
    const entries = Object.entries(weights) as Array<[Device, number]>;
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let running = 0;
    table = { bits: entries.map(([d]) => 1 << DEVICES.indexOf(d)), cumulative: entries.map(([, w]) => (running += w) / total) };
    tables.set(weights, table);
  }
  for (let i = 0; i < table.bits.length; i++) if (u < table.cumulative[i]!) return table.bits[i]!;
  return table.bits[table.bits.length - 1]!;
}
const THIRD_DEVICE = { web: 6, windows: 2, mac: 1, linux: 0.3 };
const THIRD_DEVICE_OLD_PHONE = { ...THIRD_DEVICE, windowsPhone: 5 };

/** The day a person starts on a product, from where their draw sits on the adoption curve; null: never. */
function startDay(curve: AdoptionCurve, offset: number, u: number, rollout: number, spreadDraw: number): number | null {
  const level = Math.min(curve.ceiling - 0.01, Math.max(0.01, curve.level + offset));
  if (u >= curve.ceiling) return null;
  const day = REFERENCE_DAY + Math.ceil(((u - level) / curve.perYear) * 365.25);
  // Those who were there from the start came in over the rollout's first months.
  return day <= rollout ? rollout + Math.floor(spreadDraw * 90) : day;
}

/** Where a unit sits around its kind's adoption level, in [-0.5, 0.5): the same for everyone in it. */
const unitDraws = new Map<string, number>();
function unitAdoptionDraw(seed: string, unitKey: string): number {
  const key = `${seed}:unit-adoption:${unitKey}`;
  let draw = unitDraws.get(key);
  if (draw === undefined) {
    draw = hashString(key) / 4294967296 - 0.5;
    if (unitDraws.size < 50_000) unitDraws.set(key, draw);
  }
  return draw;
}

/** Derives a person's habits from the seed and their id: the same person behaves the same in every run. */
export function usageProfile(seed: string, worker: Worker): UsageProfile {
  const key = hashString(`${seed}:usage:${worker.id}`);
  const path = worker.department ? worker.department.split(' / ') : [];
  const service = path[1] ?? worker.officeLocation ?? '';
  const sector = path[0] ?? SERVICE_SECTOR.get(service) ?? '';
  const kind = workKindOf(sector, service, path[2]);
  const p = KINDS[kind];
  const unitKey = path.length >= 2 ? path.slice(0, 3).join(' / ') : `${sector} / ${service}`;
  const unitDraw = unitAdoptionDraw(seed, unitKey);
  const leader = LEADER_TITLES.has(worker.jobTitle);
  const licensed = leader || unit(key, 1) >= 0.015;

  let teamsCurve = p.teams;
  let engageCurve = p.engage;
  let offset = unitDraw * p.unitSpread;
  if (leader) {
    // Leaders are on Teams whatever their unit: that is where management talks.
    teamsCurve = { ...p.teams, ceiling: 0.99 };
    engageCurve = { ...p.engage, ceiling: Math.max(p.engage.ceiling, 0.8) };
    offset = Math.max(offset, 0.95 - p.teams.level);
  }
  const engageOffset = leader ? Math.max(unitDraw * p.unitSpread, 0.5 - p.engage.level) : unitDraw * p.unitSpread * 0.6;
  const occasional = unit(key, 4) < p.occasional;
  return {
    key,
    kind,
    unitKey,
    leader,
    licensed,
    products: licensed ? (kind === 'office' && unit(key, 2) < 0.2 ? `${p.product}+POWER BI PRO` : p.product) : '',
    teamsStart: licensed ? startDay(teamsCurve, offset, unit(key, 3), ROLLOUT_DAY, unit(key, 30)) : null,
    engageStart: licensed ? startDay(engageCurve, engageOffset, unit(key, 5), ENGAGE_ROLLOUT_DAY, unit(key, 31)) : null,
    teamsRate: occasional ? between(p.occasionalRate, unit(key, 6)) : between(p.teamsDayRate, unit(key, 6)),
    engageRate: between(p.engageDayRate, unit(key, 7) ** 2),
    weekend: p.weekend,
    chat: p.chat * (0.3 + 1.4 * unit(key, 8)),
    post: Math.min(0.9, p.post * (leader ? 2 : 0.2 + 1.6 * unit(key, 9))),
    reply: Math.min(0.9, p.post * 1.5 * (0.2 + 1.6 * unit(key, 10))),
    meetings: p.meetings * (leader ? 2.2 : 0.3 + 1.4 * unit(key, 11)),
    organizes: leader ? 0.5 : 0.05 + 0.25 * unit(key, 12),
    calls: p.calls * (0.3 + 1.4 * unit(key, 13)),
    meetingMinutes: 25 + 35 * unit(key, 14),
    callMinutes: 3 + 12 * unit(key, 15),
    videoShare: 0.6 * unit(key, 16),
    screenShare: 0.05 + 0.2 * unit(key, 17),
    primary: pickDevice(p.primary, unit(key, 18)),
    secondary: pickDevice(p.secondary, unit(key, 19)),
    tertiary: pickDevice(unit(key, 20) < 0.02 ? THIRD_DEVICE_OLD_PHONE : THIRD_DEVICE, unit(key, 21)),
    otherAction: 0.2 + 0.5 * unit(key, 22),
  };
}
