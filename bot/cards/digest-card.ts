import type { DigestAction } from '../../core/digest-action.js';
import type { DigestModel } from '../../core/digest-content.js';
import type { Locale } from '../../core/locale.js';
import { VERBS } from '../card-actions.js';
import { botText } from '../i18n.js';
import { adaptiveCard, executeAction, heading, paragraph, subheading, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** The id of the digest's outer container: how tests and the simulator find a digest in a chat. */
export const DIGEST_MARKER = 'digipuls-digest';

type T = ReturnType<typeof botText>;

/**
 * A unit lead's weekly digest, written to be read in a minute between meetings: the one suggestion
 * first, then adoption against the municipality, the reach of the latest announcements and survey
 * response rates. A group the tab hides is named with words ("too few people to show figures"); the
 * model carries no figure for it, so none can slip into the card.
 */
export function digestCard(model: DigestModel, locale: Locale, links: { tabUrl: string }): AdaptiveCard {
  const t = botText(locale);
  const title = model.unitName ? t('digest.title', { unit: model.unitName }) : t('digest.titleNoUnit');
  const items: CardElement[] = [heading(title)];
  if (!model.unitName) {
    items.push(paragraph(t('digest.noUnit')));
  } else {
    items.push(actionBand(t('digest.actionHeading'), actionText(model.action, t)), ...adoptionPart(model, t), ...announcementPart(model, t), ...surveyPart(model, t));
    if (model.announcements.length === 0 && model.surveys.length === 0) items.push({ ...paragraph(t('digest.nothingNew')), spacing: 'Medium' });
  }
  items.push({ ...paragraph(t('digest.footer', { minGroupSize: model.minGroupSize })), isSubtle: true, size: 'Small', spacing: 'Large' });
  const actions: CardElement[] = [
    // The figures behind the digest, and the Overview page where a lead sets day and time.
    { type: 'Action.OpenUrl', title: t('digest.openTab'), url: `${links.tabUrl}#/adoption` },
    { type: 'Action.OpenUrl', title: t('digest.changeDay'), url: `${links.tabUrl}#/home` },
    executeAction(t('digest.turnOff'), VERBS.digestOff),
  ];
  const card = adaptiveCard(locale, [{ type: 'Container', id: DIGEST_MARKER, items }], actions);
  return { ...card, fallbackText: title };
}

/** The suggestion in words; every count in it is at least the group size (core/digest-action.ts). */
export function actionText(action: DigestAction, t: T): string {
  switch (action.kind) {
    case 'brief-inactive':
      return t('digest.action.brief-inactive', { count: action.count, unit: action.unitName, days: action.days });
    case 'remind-announcement':
      return t(action.requiresAcknowledgement ? 'digest.action.remind-acknowledge' : 'digest.action.remind-announcement', { count: action.count, title: action.title });
    case 'encourage-survey':
      return t('digest.action.encourage-survey', { percent: Math.round(action.responseRate * 100), title: action.title });
    case 'no-figures':
      return t('digest.action.no-figures');
    case 'well-done':
      return t('digest.action.well-done');
  }
}

/** A tinted band, so the suggestion is what the eye finds first. */
function actionBand(title: string, text: string): CardElement {
  return { type: 'Container', style: 'emphasis', bleed: true, spacing: 'Medium', items: [{ type: 'TextBlock', text: title, weight: 'Bolder', wrap: true }, paragraph(text)] };
}

/** Bulleted lines as rich text, not Markdown: a title may hold * or _ or start with a number. */
function lines(texts: string[]): CardElement[] {
  return texts.map((text) => ({ type: 'RichTextBlock', spacing: 'Small', inlines: [{ type: 'TextRun', text: `• ${text}` }] }));
}

function adoptionPart(model: DigestModel, t: T): CardElement[] {
  const a = model.adoption;
  const part: CardElement[] = [subheading(t('digest.adoptionHeading', { days: a?.periodDays ?? 30 }))];
  if (!a) return [...part, paragraph(t('digest.adoptionNone'))];
  if (a.concealed) return [...part, paragraph(t('digest.concealed'))];
  const texts = a.units.map((u) =>
    u.hidden ? t('digest.adoptionHidden', { unit: u.name }) : t('digest.adoptionUnit', { unit: u.name, percent: u.percent, active: u.teamsActive, staff: u.staff }),
  );
  if (a.municipalityPercent !== null) texts.push(t('digest.municipality', { percent: a.municipalityPercent }));
  return [...part, ...lines(texts)];
}

function announcementPart(model: DigestModel, t: T): CardElement[] {
  if (model.announcements.length === 0) return [];
  return [
    subheading(t('digest.announcementsHeading')),
    ...lines(model.announcements.map((a) => (a.hidden ? t('digest.announcementHidden', { title: a.title }) : t('digest.announcementLine', { title: a.title, percent: a.percent, readers: a.readers, targeted: a.targeted })))),
  ];
}

function surveyPart(model: DigestModel, t: T): CardElement[] {
  if (model.surveys.length === 0) return [];
  return [
    subheading(t('digest.surveysHeading')),
    ...lines(
      model.surveys.map((s) =>
        s.hidden
          ? t('digest.surveyHidden', { title: s.title })
          : s.municipalityPercent === null
            ? t('digest.surveyLine', { title: s.title, percent: s.percent })
            : t('digest.surveyLineMunicipality', { title: s.title, percent: s.percent, municipality: s.municipalityPercent }),
      ),
    ),
  ];
}

/** Said when the lead turned the digest off (button or «sammendrag av»), in their language. */
export function digestTurnedOffCard(locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [heading(t('digest.turnedOffTitle')), paragraph(t('digest.turnedOff'))]);
}
