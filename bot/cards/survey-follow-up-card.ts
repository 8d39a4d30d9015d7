import type { Locale } from '../../core/locale.js';
import type { LocalizedText } from '../../core/survey.js';
import { formatDay } from '../format-date.js';
import { botText } from '../i18n.js';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';

/** What a "you said, we did" card needs; the writer is named by role, never by name, in staff's chat. */
export interface FollowUpCardInput {
  /** The survey's title. */
  title: LocalizedText;
  /** What was done, as the communicator or unit lead wrote it. */
  text: LocalizedText;
  /** The day the round opened ('YYYY-MM-DD'), so staff know which survey it answers. */
  roundOpenedOn: string;
  writtenByRole: 'Communicator' | 'UnitLead' | 'AdoptionAdmin';
}

/**
 * "You said, we did": sent to everyone a survey round asked, whether they answered or not, so staff
 * see that their answers led somewhere. The writer's text is shown as written (not as Markdown), a block per line.
 */
export function followUpCard(input: FollowUpCardInput, locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(
    locale,
    [
      heading(t('followUp.title')),
      { ...paragraph(t('followUp.about', { title: input.title[locale], date: formatDay(input.roundOpenedOn, locale) })), isSubtle: true, spacing: 'Small' },
      ...input.text[locale]
        .split(/\r?\n/)
        .filter((line) => line.trim())
        .map((line) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: line.trim() }], spacing: 'Medium' })),
      { ...paragraph(t(`followUp.by.${input.writtenByRole}`)), isSubtle: true, spacing: 'Medium' },
      { ...paragraph(t('followUp.why')), isSubtle: true, size: 'Small' },
    ],
  );
}
