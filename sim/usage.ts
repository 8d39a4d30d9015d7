import { DEVICES, type Device } from '../core/adoption.js';
import { dateOf, isWeekend } from './days.js';
import { mix, type UsageProfile } from './usage-model.js';

/** One person's Teams use over a report period, in the units of getTeamsUserActivityUserDetail. */
export interface TeamsUsage {
  /** The last day with any Teams activity up to the report date, which may lie before the period; null: never. */
  lastActivityDate: string | null;
  teamChatMessages: number;
  privateChatMessages: number;
  calls: number;
  meetings: number;
  postMessages: number;
  replyMessages: number;
  urgentMessages: number;
  meetingsOrganized: number;
  meetingsAttended: number;
  adHocMeetingsOrganized: number;
  adHocMeetingsAttended: number;
  scheduledOneTimeMeetingsOrganized: number;
  scheduledOneTimeMeetingsAttended: number;
  scheduledRecurringMeetingsOrganized: number;
  scheduledRecurringMeetingsAttended: number;
  audioSeconds: number;
  videoSeconds: number;
  screenShareSeconds: number;
  hasOtherAction: boolean;
  /** Devices used on active days inside the period. */
  devices: Record<Device, boolean>;
}

/** One person's Viva Engage use over a report period. */
export interface EngageUsage {
  lastActivityDate: string | null;
  posted: number;
  read: number;
  liked: number;
}

/** The days a report covers (inclusive) and the last day the person could be active (deleted or disabled earlier). */
export interface UsageWindow {
  from: number;
  to: number;
  activeUntil: number;
}

const TEAMS = 0x7ea35;
const ENGAGE = 0xe6a6e;
/** The Teams days a nudge adds (sim/nudge-effect.ts): a stream of their own, so the days the person had anyway stay as they were. */
const NUDGED = 0x7ed9e;
const TWO_32 = 4294967296;

/** Whether a person was active on a product on a day: their first day always, after that by their daily rate. */
function activeOn(key: number, salt: number, start: number, rate: number, weekend: number, day: number): number {
  if (day === start) return mix(key ^ salt, day) >>> 0 || 1;
  const h = mix(key ^ salt, day);
  return h < rate * (isWeekend(day) ? weekend : 1) * TWO_32 ? h || 1 : 0;
}

/**
 * Whether a person converted by a nudge (sim/nudge-effect.ts) is active on a day through the nudge:
 * always on the first day after it (`from`), after that by their own daily rate, as if they had started then.
 */
function nudgedOn(key: number, from: number, rate: number, weekend: number, day: number): number {
  if (day < from) return 0;
  const h = mix(key ^ NUDGED, day);
  if (day === from) return h || 1;
  return h < rate * (isWeekend(day) ? weekend : 1) * TWO_32 ? h || 1 : 0;
}

/** Teams activity on a day: the person's own (from their start day) or, when converted by a nudge, the nudge's from `nudgedFrom`. */
function teamsOn(profile: UsageProfile, start: number, nudgedFrom: number, day: number): number {
  const own = day >= start ? activeOn(profile.key, TEAMS, start, profile.teamsRate, profile.weekend, day) : 0;
  return own || (day >= nudgedFrom ? nudgedOn(profile.key, nudgedFrom, profile.teamsRate, profile.weekend, day) : 0);
}

/** The last active day before `before` (exclusive), no earlier than the start day, which always counts. */
function lastActiveBefore(key: number, salt: number, start: number, rate: number, weekend: number, before: number): number | null {
  if (before <= start) return null;
  for (let day = before - 1; day > start; day--) if (activeOn(key, salt, start, rate, weekend, day)) return day;
  return start;
}

// Hot loops below: helpers live at module level (a closure made per day costs more than its work).
const byte = (x: number, i: number) => (x >>> (8 * i)) & 0xff;
/** An amount with the profile's mean: mean × (0…2) from one random byte, rounded by another. */
const amount = (mean: number, x: number, y: number) => Math.floor((mean * x) / 127.5 + y / 256);

/** Splits n into parts with the given shares (by floor; the rest stays unclassified, as in Microsoft's meeting columns). */
const part = (n: number, share: number, u: number) => Math.min(n, Math.floor(n * share + u));

/** Shared by everyone who has not started (most frontline staff): frozen, so one object serves them all. */
const NEVER_ON_TEAMS: TeamsUsage = Object.freeze({ ...emptyTeamsUsage(), devices: Object.freeze(emptyTeamsUsage().devices) });
const NEVER_ON_ENGAGE: EngageUsage = Object.freeze({ lastActivityDate: null, posted: 0, read: 0, liked: 0 });

/**
 * A person's Teams use over a report window. `nudgedAfter`: the day of the nudge that converted them
 * (sim/nudge-effect.ts), for people it made active: from the day after it they have Teams days of
 * their own rate on top of those they had anyway (which, like everything up to the nudge day, stay as
 * they were), with counts, devices and last activity date made as for any other day.
 */
export function teamsUsage(profile: UsageProfile, window: UsageWindow, nudgedAfter?: number): TeamsUsage {
  if (nudgedAfter !== undefined) return nudgedTeamsUsage(profile, window, nudgedAfter + 1);
  const start = profile.teamsStart;
  if (start === null || start > window.activeUntil) return NEVER_ON_TEAMS;
  const usage = emptyTeamsUsage();
  const { key, teamsRate: rate, weekend } = profile;
  const end = Math.min(window.to, window.activeUntil);
  let last = -1;
  let mask = 0;
  for (let day = Math.max(window.from, start); day <= end; day++) {
    const h = activeOn(key, TEAMS, start, rate, weekend, day);
    if (!h) continue;
    last = day;
    mask |= addTeamsDay(usage, profile, h);
  }
  if (last < 0) {
    const before = lastActiveBefore(key, TEAMS, start, rate, weekend, Math.min(window.from, window.activeUntil + 1));
    usage.lastActivityDate = before === null ? null : dateOf(before);
    return usage;
  }
  return finishTeamsUsage(usage, profile, window, last, mask);
}

/** teamsUsage for someone a nudge made active: their own days, and the nudge's from `nudgedFrom` (the day after the nudge). */
function nudgedTeamsUsage(profile: UsageProfile, window: UsageWindow, nudgedFrom: number): TeamsUsage {
  const start = profile.teamsStart ?? Infinity;
  const first = Math.min(start, nudgedFrom);
  if (first > window.activeUntil) return NEVER_ON_TEAMS;
  const usage = emptyTeamsUsage();
  const end = Math.min(window.to, window.activeUntil);
  let last = -1;
  let mask = 0;
  for (let day = Math.max(window.from, first); day <= end; day++) {
    const h = teamsOn(profile, start, nudgedFrom, day);
    if (!h) continue;
    last = day;
    mask |= addTeamsDay(usage, profile, h);
  }
  if (last < 0) {
    // Nothing inside the window: the last day before it, if any (the first day after the nudge always counts).
    for (let day = Math.min(window.from, window.activeUntil + 1) - 1; day >= first; day--) {
      if (teamsOn(profile, start, nudgedFrom, day)) {
        usage.lastActivityDate = dateOf(day);
        break;
      }
    }
    return usage;
  }
  return finishTeamsUsage(usage, profile, window, last, mask);
}

/** Adds one active day's counts, made from the day's hash, to the usage; returns the devices used that day. */
function addTeamsDay(usage: TeamsUsage, profile: UsageProfile, h: number): number {
  const a = mix(h, 1);
  const b = mix(h, 2);
  const c = mix(h, 3);
  usage.privateChatMessages += amount(profile.chat, byte(a, 0), byte(a, 1));
  const posts = byte(a, 2) < profile.post * 256 ? 1 + (byte(a, 3) & 1) : 0;
  const replies = byte(a, 3) >>> 1 < profile.reply * 128 ? 1 + (byte(b, 3) & 3) : 0;
  usage.postMessages += posts;
  usage.replyMessages += replies;
  usage.teamChatMessages += posts + replies;
  if (posts && byte(c, 3) < 4) usage.urgentMessages++;
  const meetings = amount(profile.meetings, byte(b, 0), byte(b, 1));
  const calls = amount(profile.calls, byte(b, 2), byte(c, 0));
  usage.calls += calls;
  if (meetings > 0) {
    const organized = part(meetings, profile.organizes, byte(c, 1) / 256);
    usage.meetings += meetings;
    usage.meetingsAttended += meetings;
    usage.meetingsOrganized += organized;
    const u = byte(c, 2) / 256;
    const recurring = part(meetings, 0.5, u);
    const oneTime = part(meetings - recurring, 0.6, u);
    const adHoc = part(meetings - recurring - oneTime, 0.7, u);
    usage.scheduledRecurringMeetingsAttended += recurring;
    usage.scheduledOneTimeMeetingsAttended += oneTime;
    usage.adHocMeetingsAttended += adHoc;
    const recurringOrganized = Math.min(recurring, part(organized, 0.5, u));
    const oneTimeOrganized = Math.min(oneTime, part(organized - recurringOrganized, 0.6, u));
    usage.scheduledRecurringMeetingsOrganized += recurringOrganized;
    usage.scheduledOneTimeMeetingsOrganized += oneTimeOrganized;
    usage.adHocMeetingsOrganized += Math.min(adHoc, organized - recurringOrganized - oneTimeOrganized);
  }
  const audio = Math.round(meetings * profile.meetingMinutes * 60 * (0.5 + byte(c, 3) / 256) + calls * profile.callMinutes * 60);
  usage.audioSeconds += audio;
  usage.videoSeconds += Math.round(audio * profile.videoShare);
  usage.screenShareSeconds += Math.round(meetings * profile.meetingMinutes * 60 * profile.screenShare);
  let mask = profile.primary;
  if ((a & 7) < 2) mask |= profile.secondary;
  if ((b & 31) === 0) mask |= profile.tertiary;
  return mask;
}

/** The last activity date, the other action and the devices of a window with activity in it. */
function finishTeamsUsage(usage: TeamsUsage, profile: UsageProfile, window: UsageWindow, last: number, mask: number): TeamsUsage {
  usage.lastActivityDate = dateOf(last);
  usage.hasOtherAction = mix(profile.key, window.to) / TWO_32 < profile.otherAction;
  for (let i = 0; i < DEVICES.length; i++) usage.devices[DEVICES[i]!] = (mask & (1 << i)) !== 0;
  return usage;
}

/** Whether the person has Teams activity of their own (no nudge's) on a day in (after, until]. */
export function teamsActiveBetween(profile: UsageProfile, after: number, until: number): boolean {
  const start = profile.teamsStart;
  if (start === null) return false;
  for (let day = Math.max(after + 1, start); day <= until; day++) if (activeOn(profile.key, TEAMS, start, profile.teamsRate, profile.weekend, day)) return true;
  return false;
}

/**
 * The chance, before the days are drawn, that the person has Teams activity of their own on a day in
 * (after, until]: 1 when they start in it, 0 when they have not started by its end (or never will).
 */
export function teamsActiveChance(profile: UsageProfile, after: number, until: number): number {
  const start = profile.teamsStart;
  if (start === null || start > until || until <= after) return 0;
  if (start > after) return 1;
  let none = 1;
  for (let day = after + 1; day <= until; day++) none *= 1 - Math.min(1, profile.teamsRate * (isWeekend(day) ? profile.weekend : 1));
  return 1 - none;
}

export function engageUsage(profile: UsageProfile, window: UsageWindow): EngageUsage {
  const start = profile.engageStart;
  if (start === null || start > window.activeUntil) return NEVER_ON_ENGAGE;
  const usage: EngageUsage = { lastActivityDate: null, posted: 0, read: 0, liked: 0 };
  const { key, engageRate: rate, weekend } = profile;
  const end = Math.min(window.to, window.activeUntil);
  let last = -1;
  for (let day = Math.max(window.from, start); day <= end; day++) {
    const h = activeOn(key, ENGAGE, start, rate, weekend, day);
    if (!h) continue;
    last = day;
    const a = mix(h, 1);
    // Engage is read far more than written: a few reads every visit, a post now and then, some likes.
    usage.read += 1 + (a & 7);
    if (((a >>> 3) & 31) < (profile.leader ? 8 : 2)) usage.posted++;
    if (((a >>> 8) & 7) < 3) usage.liked += 1 + ((a >>> 11) & 1);
  }
  const lastDay = last >= 0 ? last : lastActiveBefore(key, ENGAGE, start, rate, weekend, Math.min(window.from, window.activeUntil + 1));
  usage.lastActivityDate = lastDay === null ? null : dateOf(lastDay);
  return usage;
}

function emptyTeamsUsage(): TeamsUsage {
  return {
    lastActivityDate: null,
    teamChatMessages: 0,
    privateChatMessages: 0,
    calls: 0,
    meetings: 0,
    postMessages: 0,
    replyMessages: 0,
    urgentMessages: 0,
    meetingsOrganized: 0,
    meetingsAttended: 0,
    adHocMeetingsOrganized: 0,
    adHocMeetingsAttended: 0,
    scheduledOneTimeMeetingsOrganized: 0,
    scheduledOneTimeMeetingsAttended: 0,
    scheduledRecurringMeetingsOrganized: 0,
    scheduledRecurringMeetingsAttended: 0,
    audioSeconds: 0,
    videoSeconds: 0,
    screenShareSeconds: 0,
    hasOtherAction: false,
    devices: { web: false, windows: false, mac: false, linux: false, chromeOS: false, ios: false, androidPhone: false, windowsPhone: false },
  };
}
