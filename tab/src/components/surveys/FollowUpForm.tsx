import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { filled } from '../../surveys/draft';
import { useAction } from '../../surveys/hooks';
import { followUpsPath } from '../../surveys/queries';
import { useLocalized } from '../../surveys/text';
import type { LocalizedText, SurveyFollowUp } from '../../surveys/types';
import { LocalizedField } from './LocalizedField';
import { ProblemBar } from './ProblemBar';

const useStyles = makeStyles({
  form: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  status: { color: tokens.colorNeutralForeground2 },
});

const empty = (): LocalizedText => ({ nb: '', nn: '', sv: '', en: '' });
/** What a follow-up may hold; the card in chat stays readable. */
const MAX = 1000;

/**
 * Writes a "you said, we did" on the round. The bot sends it to the round's audience, so the form says
 * so before it is sent; languages left blank get the text written.
 */
export function FollowUpForm(props: { surveyId: string; roundId: string; onCreated: (followUp: SurveyFollowUp) => void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const { locale } = useLocalized();
  const styles = useStyles();
  const heading = useId();
  const fieldId = useId();
  const [text, setText] = useState<LocalizedText>(empty);
  const [invalid, setInvalid] = useState(false);
  const [status, setStatus] = useState('');
  const action = useAction();
  const submit = async () => {
    setStatus('');
    if (!Object.values(text).some((v) => v.trim())) {
      setInvalid(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setInvalid(false);
    const created = await action.run(() => api.post<SurveyFollowUp>(followUpsPath(props.surveyId, props.roundId), { text: filled(text, locale) }));
    if (created) {
      setText(empty());
      setStatus(t('surveys.followUps.sent'));
      props.onCreated(created);
    }
  };
  return (
    <form className={styles.form} aria-labelledby={heading} noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }} data-testid="follow-up-form">
      <Subtitle2 as="h3" id={heading}>{t('surveys.followUps.write')}</Subtitle2>
      <Body1 as="p">{t('surveys.followUps.hint')}</Body1>
      <LocalizedField id={fieldId} label={t('surveys.followUps.text')} value={text} onChange={setText} primary={locale} multiline required maxLength={MAX} validation={invalid ? t('surveys.followUps.empty') : undefined} />
      <ProblemBar error={action.error} title={t('surveys.followUps.failed')} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={action.busy}>
          {action.busy ? t('surveys.followUps.sending') : t('surveys.followUps.send')}
        </Button>
        <Caption1 role="status" className={styles.status} data-testid="follow-up-status">{status}</Caption1>
      </div>
    </form>
  );
}
