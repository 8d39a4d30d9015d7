import { Body1, Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewPath } from '../../announcements/queries';
import type { AnnouncementContent } from '../../announcements/types';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n';
import { useSession } from '../../session';
import { useAction } from '../../surveys/hooks';
import { Spinner } from '@fluentui/react-components';
import { ProblemBar } from '../surveys/ProblemBar';

// The card view (and, on first use, Microsoft's card renderer) comes only with the first preview.
const AdaptiveCardView = lazy(() => import('../surveys/AdaptiveCardView').then((module) => ({ default: module.AdaptiveCardView })));

const useStyles = makeStyles({
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  stale: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

export interface PreviewInput {
  content: AnnouncementContent;
  requiresAcknowledgement: boolean;
}

/**
 * The card as staff will get it in chat, in the language chosen: the server builds it with the code the
 * bot sends, and the Adaptive Cards renderer draws it read-only. A language without its own version
 * shows the fallback, as staff reading that language get it.
 */
export function AnnouncementPreview(props: { input: () => PreviewInput; locale: Locale }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(props.locale);
  const [shown, setShown] = useState<{ card: unknown; of: string; locale: Locale } | null>(null);
  const action = useAction();
  const current = JSON.stringify(props.input());
  const show = async () => {
    const input = props.input();
    const answer = await action.run(() => api.post<{ card: unknown }>(previewPath(locale), input));
    if (answer) setShown({ card: answer.card, of: JSON.stringify(input), locale });
  };
  return (
    <div className={styles.preview} data-testid="announcement-preview">
      <Body1 as="p">{t('announcements.preview.hint')}</Body1>
      <div className={styles.row}>
        <Field label={t('announcements.preview.language')}>
          <Select value={locale} onChange={(_, data) => setLocale(data.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>{LOCALE_NAMES[l]}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void show()} disabledFocusable={action.busy}>
          {action.busy ? t('announcements.preview.busy') : shown ? t('announcements.preview.again') : t('announcements.preview.show')}
        </Button>
      </div>
      <ProblemBar error={action.error} title={t('announcements.preview.failed')} testId="preview-problem" />
      {shown && (
        <>
          {(shown.of !== current || shown.locale !== locale) && <Caption1 className={styles.stale}>{t('announcements.preview.stale')}</Caption1>}
          <Suspense fallback={<Spinner size="small" label={t('loading')} />}>
            <AdaptiveCardView card={shown.card} lang={shown.locale} label={t('announcements.preview.label', { language: LOCALE_NAMES[shown.locale] })} />
          </Suspense>
        </>
      )}
    </div>
  );
}
