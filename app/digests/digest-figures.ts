import type { ReportPeriod } from '../../core/adoption.js';
import type { AdoptionStore, StoredSnapshot } from '../../core/adoption-store.js';
import { adoptionView } from '../../core/adoption-view.js';
import { versionFor, type Announcement } from '../../core/announcement.js';
import { announcementReach, reachWithin, type AnnouncementReach } from '../../core/announcement-reach.js';
import type { AnnouncementStore } from '../../core/announcement-store.js';
import type { DigestAnnouncementFigures, DigestFigures, DigestSurveyFigures, DigestUnitAdoption } from '../../core/digest-figures.js';
import type { DirectoryRepository } from '../../core/directory.js';
import type { Locale } from '../../core/locale.js';
import { MIN_GROUP_SIZE_FLOOR } from '../../core/suppression.js';
import { surveyRoundResults } from '../../core/survey-results.js';
import type { RoundWithCounts, Survey, SurveyStore } from '../../core/survey-store.js';
import { teamsShares } from '../../core/teams-share.js';
import type { Unit } from '../../core/units.js';

/** Where the digest's figures come from: the same stores and settings the tab's API reads. */
export interface DigestFigureSources {
  directory: Pick<DirectoryRepository, 'unitOf' | 'listUnits'>;
  adoption: Pick<AdoptionStore, 'getSnapshot'>;
  announcements: Pick<AnnouncementStore, 'list' | 'reachByUnit'>;
  surveys: Pick<SurveyStore, 'listSurveys' | 'listRounds' | 'participation' | 'answers'>;
  /** The period the tab's reach page estimates "on Teams" with (D30 when read). */
  adoptionPeriod: ReportPeriod;
  minGroupSize: number;
  notReadAfterDays: number;
}

const DAY = 86_400_000;
/** Announcements sent and survey rounds closed within this many days are "the latest". */
const RECENT_DAYS = 14;

/** One lead's figures, in their language. */
export type LeadFigures = (aadObjectId: string, locale: Locale) => Promise<DigestFigures>;

/**
 * Reads a tenant's figures once for a whole pass (every unit, suppressed over the whole tree, exactly as
 * the API computes them) and returns the cut for each lead: what the tab shows them.
 */
export async function tenantDigestFigures(sources: DigestFigureSources, tenantId: string, now: Date): Promise<LeadFigures> {
  const [units, snapshot, announcements, surveys] = await Promise.all([
    sources.directory.listUnits(tenantId),
    sources.adoption.getSnapshot(tenantId, sources.adoptionPeriod),
    recentAnnouncements(sources, tenantId, now),
    recentSurveys(sources, tenantId, now),
  ]);
  const reaches = await Promise.all(
    announcements.map(async (announcement) => ({
      announcement,
      reach: announcementReach({
        counts: await sources.announcements.reachByUnit(tenantId, announcement.id, new Date(now.getTime() - sources.notReadAfterDays * DAY)),
        units,
        minGroupSize: sources.minGroupSize,
        teams: teamsShares(snapshot),
      }),
    })),
  );
  const rounds = await Promise.all(
    surveys.map(async ({ survey, round }) => {
      const [participation, answers] = await Promise.all([sources.surveys.participation(tenantId, round.id), sources.surveys.answers(tenantId, round.id)]);
      const results = surveyRoundResults({ definition: survey.definition, units, participation, answers, minGroupSize: sources.minGroupSize, mayReadFreeText: false });
      return { survey, open: round.closedAt === null && round.closesAt > now, results };
    }),
  );

  return async (aadObjectId, locale) => {
    const own = await sources.directory.unitOf(tenantId, aadObjectId);
    const roots = own ? [own.path] : [];
    return {
      minGroupSize: sources.minGroupSize,
      unitName: own?.name ?? null,
      adoption: own && snapshot ? adoptionFor(snapshot, own, sources.minGroupSize) : null,
      announcements: own ? reaches.flatMap(({ announcement, reach }) => announcementFor(announcement, reachWithin(reach, roots), locale, now, sources.notReadAfterDays)) : [],
      surveys: own
        ? rounds.flatMap(({ survey, open, results }): DigestSurveyFigures[] => {
            const row = results.units.find((u) => u.unitId === own.id);
            return row ? [{ title: survey.definition.title[locale], open, unit: row.participation, municipality: results.municipality }] : [];
          })
        : [],
    };
  };
}

/** The lead's units as the adoption page shows them; the municipality only where it gives no small group away. */
function adoptionFor(snapshot: StoredSnapshot, own: Unit, minGroupSize: number): DigestFigures['adoption'] {
  const view = adoptionView(snapshot, { unitPaths: [own.path] });
  const units: DigestUnitAdoption[] = view.units.map((u) =>
    u.suppressed || u.staff === null || !u.active
      ? { name: u.name, path: u.path, depth: u.depth, hidden: true }
      : { name: u.name, path: u.path, depth: u.depth, hidden: false, staff: u.staff, teamsActive: u.active.teams },
  );
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(minGroupSize));
  const mine = units.find((u) => u.path.length === own.path.length);
  // The municipality less the lead's own unit is everyone else: that must be nobody or a group large enough to show.
  const rest = snapshot.tenant && mine && !mine.hidden ? snapshot.tenant.staff - mine.staff : null;
  const municipality = snapshot.tenant && (rest === null || rest === 0 || rest >= min) ? { staff: snapshot.tenant.staff, teamsActive: snapshot.tenant.active.teams } : null;
  return { period: view.period, reportDate: view.reportDate, concealed: view.concealed, units, municipality };
}

function announcementFor(announcement: Announcement, reach: AnnouncementReach, locale: Locale, now: Date, notReadAfterDays: number): DigestAnnouncementFigures[] {
  // Not sent to the lead's units: not theirs to follow.
  if (reach.units.length === 0) return [];
  return [
    {
      title: versionFor(announcement.content, locale).version.title,
      requiresAcknowledgement: announcement.requiresAcknowledgement,
      settled: announcement.sendAt.getTime() <= now.getTime() - notReadAfterDays * DAY,
      funnel: reach.municipality,
    },
  ];
}

/** Announcements that went out in the last two weeks, newest first. */
async function recentAnnouncements(sources: DigestFigureSources, tenantId: string, now: Date): Promise<Announcement[]> {
  const since = now.getTime() - RECENT_DAYS * DAY;
  return (await sources.announcements.list(tenantId))
    .filter((a) => (a.status === 'sent' || a.status === 'sending') && a.sendAt.getTime() >= since && a.sendAt <= now)
    .sort((a, b) => b.sendAt.getTime() - a.sendAt.getTime());
}

/** Each survey's latest round, when it is open or closed in the last two weeks; newest first. */
async function recentSurveys(sources: DigestFigureSources, tenantId: string, now: Date) {
  const since = now.getTime() - RECENT_DAYS * DAY;
  const found: Array<{ survey: Survey; round: RoundWithCounts }> = [];
  for (const survey of await sources.surveys.listSurveys(tenantId)) {
    const round = (await sources.surveys.listRounds(tenantId, survey.id)).at(-1);
    if (!round || round.opensAt > now) continue;
    const ended = round.closedAt ?? round.closesAt;
    if (ended.getTime() >= since) found.push({ survey, round });
  }
  return found.sort((a, b) => b.round.opensAt.getTime() - a.round.opensAt.getTime());
}
