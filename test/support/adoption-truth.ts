import type { ReportPeriod } from '../../core/adoption.js';
import type { Simulator } from '../../sim/index.js';

export interface ExpectedFigures {
  staff: number;
  teams: number;
  teamsChat: number;
  teamsChannel: number;
  teamsMeetings: number;
  teamsCalls: number;
  engage: number;
  engageRead: number;
  engagePosted: number;
  engageLiked: number;
  web: number;
  androidPhone: number;
}

/**
 * Per-unit figures recomputed straight from the simulator's ground truth with Microsoft's definitions,
 * written apart from Digipuls' own code on purpose: staff are enabled accounts in the directory,
 * placed by their department (" / " separated; none: "Unknown unit"); active means a last activity
 * date inside the period; deleted users never count. Every ancestor unit sums its subtree.
 */
export function expectedAdoption(sim: Simulator, period: ReportPeriod): { byUnit: Map<string, ExpectedFigures>; total: ExpectedFigures } {
  const truth = sim.reports.truth(period);
  const inPeriod = (date: string | null) => date !== null && date >= truth.from && date <= truth.to;
  const byUnit = new Map<string, ExpectedFigures>();
  const total = zero();
  for (const p of truth.people) {
    if (!p.inDirectory || !p.accountEnabled || p.isDeleted) continue;
    const path = p.department ? p.department.split(' / ') : ['Unknown unit'];
    const add = (f: ExpectedFigures) => {
      f.staff++;
      const t = p.teams;
      if (inPeriod(t.lastActivityDate)) {
        f.teams++;
        if (t.privateChatMessages > 0) f.teamsChat++;
        if (t.teamChatMessages + t.postMessages + t.replyMessages > 0) f.teamsChannel++;
        if (t.meetings > 0) f.teamsMeetings++;
        if (t.calls > 0) f.teamsCalls++;
        if (t.devices.web) f.web++;
        if (t.devices.androidPhone) f.androidPhone++;
      }
      const e = p.engage;
      if (e.userState !== 'deleted' && inPeriod(e.lastActivityDate)) {
        f.engage++;
        if (e.read > 0) f.engageRead++;
        if (e.posted > 0) f.engagePosted++;
        if (e.liked > 0) f.engageLiked++;
      }
    };
    add(total);
    for (let depth = 1; depth <= path.length; depth++) {
      const key = path.slice(0, depth).join(' / ');
      if (!byUnit.has(key)) byUnit.set(key, zero());
      add(byUnit.get(key)!);
    }
  }
  return { byUnit, total };
}

function zero(): ExpectedFigures {
  return { staff: 0, teams: 0, teamsChat: 0, teamsChannel: 0, teamsMeetings: 0, teamsCalls: 0, engage: 0, engageRead: 0, engagePosted: 0, engageLiked: 0, web: 0, androidPhone: 0 };
}

/** The figures of Digipuls' JSON (`digipuls adoption --json`, one entry) in the same shape. */
export function figuresOf(entry: { staff: number | null; active: Record<string, number | null>; devices: Record<string, number> | null }): ExpectedFigures {
  const a = entry.active;
  return {
    staff: entry.staff!,
    teams: a.teams!,
    teamsChat: a.teamsChat!,
    teamsChannel: a.teamsChannel!,
    teamsMeetings: a.teamsMeetings!,
    teamsCalls: a.teamsCalls!,
    engage: a.engage!,
    engageRead: a.engageRead!,
    engagePosted: a.engagePosted!,
    engageLiked: a.engageLiked!,
    web: entry.devices!.web!,
    androidPhone: entry.devices!.androidPhone!,
  };
}
