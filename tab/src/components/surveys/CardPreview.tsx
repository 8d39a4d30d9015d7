import { Body1, Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n';
import { useSession } from '../../session';
import { useAction } from '../../surveys/hooks';
import { previewPath } from '../../surveys/queries';
import type { SurveyDefinition } from '../../surveys/types';
import { AdaptiveCardView } from './AdaptiveCardView';
import { ProblemBar } from './ProblemBar';

const useStyles = makeStyles({
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  stale: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/**
 * The card as staff will get it in chat, in a language of choice: the server builds it with the same
 * code the bot sends, and the Adaptive Cards renderer draws it, so the preview is the card, not an
 * imitation of it.
 */
export function CardPreview(props: { definition: () => SurveyDefinition; locale: Locale }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(props.locale);
  const [shown, setShown] = useState<{ card: unknown; of: string; locale: Locale } | null>(null);
  const action = useAction();
  const current = JSON.stringify(props.definition());
  const show = async () => {
    const definition = props.definition();
    const answer = await action.run(() => api.post<{ card: unknown }>(previewPath, { definition, locale }));
    if (answer) setShown({ card: answer.card, of: JSON.stringify(definition), locale });
  };
  return (
    <div className={styles.preview}>
      <Body1 as="p">{t('surveys.preview.hint')}</Body1>
      <div className={styles.row}>
        <Field label={t('surveys.preview.language')}>
          <Select value={locale} onChange={(_, data) => setLocale(data.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>{LOCALE_NAMES[l]}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void show()} disabledFocusable={action.busy}>
          {action.busy ? t('surveys.preview.busy') : shown ? t('surveys.preview.again') : t('surveys.preview.show')}
        </Button>
      </div>
      <ProblemBar error={action.error} title={t('surveys.preview.failed')} testId="preview-problem" />
      {shown && (
        <>
          {(shown.of !== current || shown.locale !== locale) && <Caption1 className={styles.stale}>{t('surveys.preview.stale')}</Caption1>}
          <AdaptiveCardView card={shown.card} lang={shown.locale} label={t('surveys.preview.label', { language: LOCALE_NAMES[shown.locale] })} />
        </>
      )}
    </div>
  );
}
