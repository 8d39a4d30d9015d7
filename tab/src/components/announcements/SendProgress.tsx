import { Caption1, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useReachFormat } from '../../announcements/format';
import type { Progress } from '../../announcements/types';

const useStyles = makeStyles({
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, maxWidth: '40rem' },
  facts: { color: tokens.colorNeutralForeground2 },
  // A visible edge, so the empty part of the bar shows in high contrast too.
  bar: { outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
});

/** Recipients dealt with so far: sent, failed or not reachable. */
export const settledOf = (p: Progress) => p.sent + p.failed + p.unreachable;

/**
 * How far sending has come: a progress bar named by what it measures, with the figures in words (sent
 * of all, the rate per second, the time left), so nothing rests on the bar alone.
 */
export function SendProgress(props: { progress: Progress; label: string; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useReachFormat();
  const styles = useStyles();
  const p = props.progress;
  const done = settledOf(p);
  const summary = t('announcements.progress.sentOf', { sent: format.number(p.sent), total: format.number(p.total) });
  const running = p.queued + p.inDoubt > 0 || p.total === 0;
  const details = [
    ...(running ? [t('announcements.progress.rate', { rate: format.rate(p.ratePerSecond) }), t('announcements.progress.left', { time: format.timeLeft(p.secondsLeft) })] : []),
    ...(p.failed > 0 ? [t('announcements.progress.failed', { count: p.failed, n: format.number(p.failed) })] : []),
    ...(p.unreachable > 0 ? [t('announcements.progress.unreachable', { count: p.unreachable, n: format.number(p.unreachable) })] : []),
    ...(p.inDoubt > 0 && !props.compact ? [t('announcements.progress.inDoubt', { count: p.inDoubt, n: format.number(p.inDoubt) })] : []),
  ].join(' · ');
  return (
    <div className={styles.progress} data-testid="send-progress">
      <Field label={props.label} hint={summary}>
        <ProgressBar className={styles.bar} value={p.total > 0 ? done / p.total : undefined} max={1} thickness="large" aria-valuetext={summary} />
      </Field>
      <Caption1 className={styles.facts} data-testid="progress-facts">{details}</Caption1>
    </div>
  );
}
