import type { Locale } from '../../core/locale.js';
import { botText } from '../i18n.js';
import { VERBS } from '../card-actions.js';
import { adaptiveCard, executeAction, heading, paragraph, subheading, type AdaptiveCard } from './adaptive-card.js';

/** What Digipuls asks, what it does with answers, and how to stop: the first thing staff see. */
export function welcomeCard(locale: Locale, minGroupSize: number): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(
    locale,
    [
      heading(t('welcome.title')),
      paragraph(t('welcome.intro')),
      subheading(t('welcome.asksTitle')),
      paragraph(t('welcome.asks')),
      subheading(t('welcome.answersTitle')),
      paragraph(t('welcome.answers', { minGroupSize })),
      subheading(t('welcome.stopTitle')),
      paragraph(t('welcome.stop')),
    ],
    [executeAction(t('welcome.changeLanguage'), VERBS.showLanguages), executeAction(t('welcome.privacy'), VERBS.showPrivacy)],
  );
}
