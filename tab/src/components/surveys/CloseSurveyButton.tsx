import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { useAction } from '../../surveys/hooks';
import { closePath } from '../../surveys/queries';
import { useLocalized } from '../../surveys/text';
import type { SurveySummary } from '../../surveys/types';
import { ProblemBar } from './ProblemBar';

/**
 * "Close early", after a confirmation that says what it means: an open round ends now and nobody can
 * answer any more; later rounds are not sent. The dialog stays open with the API's reason if it fails.
 */
export function CloseSurveyButton(props: { survey: SurveySummary; onClosed: (survey: SurveySummary) => void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const { pick } = useLocalized();
  const [open, setOpen] = useState(false);
  const action = useAction();
  const title = pick(props.survey.title);
  const close = async () => {
    const closed = await action.run(() => api.post<SurveySummary>(closePath(props.survey.id), {}));
    if (closed) {
      setOpen(false);
      props.onClosed(closed);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => { setOpen(data.open); if (!data.open) action.clear(); }} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary" aria-label={t('surveys.close.buttonFor', { title })}>{t('surveys.close.button')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('surveys.close.title', { title })}</DialogTitle>
          <DialogContent>
            <Body1 as="p">{t(props.survey.status === 'open' ? 'surveys.close.bodyOpen' : 'surveys.close.bodyScheduled')}</Body1>
            <ProblemBar error={action.error} title={t('surveys.close.failed')} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={action.busy} onClick={() => void close()}>
              {action.busy ? t('surveys.close.busy') : t('surveys.close.confirm')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('surveys.close.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
