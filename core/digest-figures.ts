import type { ReportPeriod } from './adoption.js';
import type { Funnel } from './announcement-reach.js';
import type { Participation } from './survey-results.js';

/**
 * What the digest is made from: the figures one unit lead may see, read by the same functions the tab's
 * API uses (adoptionView, announcementReach + reachWithin, surveyRoundResults), so the digest and the tab
 * never disagree. A figure the tab would hide arrives here as `hidden`, without its number.
 */
export interface DigestFigures {
  minGroupSize: number;
  /** The lead's own unit; null when the directory places them in none (then there is nothing to show). */
  unitName: string | null;
  adoption: DigestAdoptionFigures | null;
  /** The latest announcements that reached the lead's units, newest first. */
  announcements: DigestAnnouncementFigures[];
  /** Survey rounds the lead's units were asked in, newest first. */
  surveys: DigestSurveyFigures[];
}

export interface DigestAdoptionFigures {
  period: ReportPeriod;
  reportDate: string;
  /** The tenant conceals names in its reports: there are no figures per unit. */
  concealed: boolean;
  /** The lead's units with their sub-units, in tree order (as the tab lists them). */
  units: DigestUnitAdoption[];
  /**
   * The municipality's Teams-active staff, for comparison; null when the municipality is too small to
   * show, or when its figures less the lead's own would give away a group under the group size.
   */
  municipality: { staff: number; teamsActive: number } | null;
}

export type DigestUnitAdoption = { name: string; path: string[]; depth: number } & ({ hidden: false; staff: number; teamsActive: number } | { hidden: true });

export interface DigestAnnouncementFigures {
  title: string;
  requiresAcknowledgement: boolean;
  /** Sent long enough ago that "not read" means something (ANNOUNCEMENT_NOT_READ_DAYS). */
  settled: boolean;
  /** The lead's units together, as the reach page shows them to the lead; null when hidden there. */
  funnel: Funnel | null;
}

export interface DigestSurveyFigures {
  title: string;
  /** The round is still open: encouraging answers can still help. */
  open: boolean;
  /** The lead's unit (with sub-units); null when fewer than the group size were asked (the tab hides it). */
  unit: Participation | null;
  municipality: Participation | null;
}
