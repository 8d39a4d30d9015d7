import { Body1, Button, Caption1, makeStyles, Spinner, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../adoption/use-load';
import { ApiError } from '../api';
import { EffectSection } from '../components/nudges/EffectSection';
import { RulesEditor } from '../components/nudges/RulesEditor';
import { effectPath, rulesPath, type NudgeEffect, type StoredRules } from '../nudges/types';
import { useSession } from '../session';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, minWidth: 0 },
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, '& h1, & p': { margin: 0 } },
  intro: { maxWidth: '48rem' },
  problem: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

/**
 * Tips to staff, for adoption admins: the rules that decide who gets which tips and how often, and
 * whether the tips help (the effect against the hold-out, per unit, and what staff answered).
 */
export function Nudges() {
  const { t } = useTranslation();
  const { api, config } = useSession();
  const styles = useStyles();
  const rules = useLoad('rules', () => api.get<StoredRules>(rulesPath));
  const effect = useLoad('effect', () => api.get<NudgeEffect>(effectPath));
  const minGroupSize = effect.kind === 'ready' ? effect.data.minGroupSize : (config.minGroupSize ?? 5);
  const [saved, setSaved] = useState<StoredRules | null>(null);
  const current = saved ?? (rules.kind === 'ready' ? rules.data : null);

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <Title2 as="h1" block>{t('nav.nudges')}</Title2>
        <Body1 as="p" className={styles.intro}>{t('nudges.intro', { minGroupSize })}</Body1>
      </div>
      {rules.kind === 'failed' ? (
        <LoadProblem error={rules.error} title={t('nudges.rules.failed')} onRetry={rules.retry} />
      ) : current ? (
        <RulesEditor stored={current} onSaved={setSaved} />
      ) : (
        <Spinner label={t('nudges.rules.loading')} />
      )}
      {effect.kind === 'failed' ? (
        // No access was said above already; only another failure is worth a second message.
        !(effect.error instanceof ApiError && effect.error.status === 403) && <LoadProblem error={effect.error} title={t('nudges.effect.failed')} onRetry={effect.retry} />
      ) : effect.kind === 'ready' ? (
        <EffectSection effect={effect.data} measureAfterDays={current?.rules.measureAfterDays ?? 14} />
      ) : (
        <Spinner label={t('nudges.effect.loading')} />
      )}
    </div>
  );
}

/** A failed load: no access says so plainly; anything else can be tried again. */
function LoadProblem(props: { error: unknown; title: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (props.error instanceof ApiError && props.error.status === 403) return <Body1 role="alert">{t('nudges.forbidden')}</Body1>;
  return (
    <div className={styles.problem} role="alert">
      <Subtitle1 as="h2">{props.title}</Subtitle1>
      {props.error instanceof Error && <Caption1>{t('signIn.detail', { detail: props.error.message })}</Caption1>}
      <Button appearance="primary" onClick={props.onRetry}>{t('error.retry')}</Button>
    </div>
  );
}
