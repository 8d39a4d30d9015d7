import { PERIOD_DAYS } from './adoption.js';
import { toBrief } from './announcement-reach.js';
import { suggestedAction, type DigestAction } from './digest-action.js';
import type { DigestFigures } from './digest-figures.js';
import { MIN_GROUP_SIZE_FLOOR } from './suppression.js';

/** A share as a whole percentage: a busy reader compares 62 % with 71 %, not 62.4 with 70.9. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** A line about a group: its figure, or only that it is too small to show. */
export type Shown<T> = ({ hidden: false } & T) | { hidden: true };

/** The weekly digest of one unit lead, ready to be written in their language. */
export interface DigestModel {
  minGroupSize: number;
  unitName: string | null;
  adoption: null | {
    reportDate: string;
    periodDays: number;
    concealed: boolean;
    /** The municipality's share active in Teams; null when it may not be shown beside the lead's. */
    municipalityPercent: number | null;
    /** The lead's units and their direct sub-units (deeper ones are in the tab). */
    units: Array<{ name: string; depth: number } & Shown<{ staff: number; teamsActive: number; percent: number }>>;
  };
  announcements: Array<{ title: string } & Shown<{ targeted: number; readers: number; percent: number }>>;
  surveys: Array<{ title: string; open: boolean } & Shown<{ reached: number; answered: number; percent: number; municipalityPercent: number | null }>>;
  action: DigestAction;
}

/** At most this many announcements and surveys each: a digest is read in a minute. */
export const DIGEST_MAX_ITEMS = 3;

/**
 * The digest from the figures a lead may see. Pure: the same figures give the same digest. A group the
 * tab hides is carried as `hidden` and written in words by the card; no figure of it is passed on.
 */
export function digestModel(figures: DigestFigures): DigestModel {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(figures.minGroupSize));
  const a = figures.adoption;
  const top = a && a.units.length > 0 ? Math.min(...a.units.map((u) => u.depth)) : 0;
  return {
    minGroupSize: min,
    unitName: figures.unitName,
    adoption: a && {
      reportDate: a.reportDate,
      periodDays: PERIOD_DAYS[a.period],
      concealed: a.concealed,
      municipalityPercent: a.municipality && a.municipality.staff >= min ? percent(a.municipality.teamsActive, a.municipality.staff) : null,
      units: a.concealed
        ? []
        : a.units
            .filter((u) => u.depth <= top + 1)
            .map((u) =>
              u.hidden
                ? { name: u.name, depth: u.depth - top, hidden: true as const }
                : { name: u.name, depth: u.depth - top, hidden: false as const, staff: u.staff, teamsActive: u.teamsActive, percent: percent(u.teamsActive, u.staff) },
            ),
    },
    announcements: figures.announcements.slice(0, DIGEST_MAX_ITEMS).map((x) => {
      if (!x.funnel || x.funnel.targeted < min) return { title: x.title, hidden: true as const };
      const readers = x.funnel.targeted - toBrief(x.funnel);
      return { title: x.title, hidden: false as const, targeted: x.funnel.targeted, readers, percent: percent(readers, x.funnel.targeted) };
    }),
    surveys: figures.surveys.slice(0, DIGEST_MAX_ITEMS).map((s) =>
      s.unit
        ? {
            title: s.title,
            open: s.open,
            hidden: false as const,
            reached: s.unit.reached,
            answered: s.unit.answered,
            percent: Math.round(s.unit.responseRate * 100),
            municipalityPercent: s.municipality ? Math.round(s.municipality.responseRate * 100) : null,
          }
        : { title: s.title, open: s.open, hidden: true as const },
    ),
    action: suggestedAction(figures),
  };
}
