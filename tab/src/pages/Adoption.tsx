import { Body1, Button, Caption1, makeStyles, Spinner, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../adoption/format';
import { reportPath } from '../adoption/queries';
import type { AdoptionReport, Period } from '../adoption/types';
import { useLoad } from '../adoption/use-load';
import { ApiError } from '../api';
import { AdoptionFilters } from '../components/adoption/AdoptionFilters';
import { AdoptionReportView } from '../components/adoption/AdoptionReportView';
import { useSession } from '../session';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
  intro: { maxWidth: '48rem', margin: 0 },
  stale: { opacity: 0.6 },
  problem: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

/**
 * Adoption of Teams and Viva Engage per unit, for adoption admins (the whole municipality) and unit
 * leads (their own units). The server decides what each may see and hides small groups; this page
 * only shows what it is given.
 */
export function Adoption() {
  const { t } = useTranslation();
  const { api, config } = useSession();
  const styles = useStyles();
  const format = useFormat();
  const [period, setPeriod] = useState<Period>('D30');
  const [date, setDate] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const report = useLoad(`${period}|${date}`, () => api.get<AdoptionReport>(reportPath(period, date)));
  const loading = report.kind === 'loading';
  // While a new filter loads, the last answer stays (dimmed), so the page neither jumps nor loses the chosen unit.
  const shown = report.kind === 'ready' ? report.data : report.kind === 'loading' ? report.previous : undefined;
  const minGroupSize = shown?.minGroupSize ?? config.minGroupSize ?? 5;
  const showing = (shownPeriod: Period, reportDate: string) =>
    t('adoption.showing', { period: t(`adoption.periods.${shownPeriod}`).toLowerCase(), date: format.date(reportDate) });

  return (
    <div className={styles.page}>
      <Title2 as="h1" block className={styles.heading}>{t('nav.adoption')}</Title2>
      <Body1 as="p" className={styles.intro}>{t('adoption.intro', { minGroupSize })}</Body1>
      <AdoptionFilters
        period={period}
        onPeriod={(next) => {
          // Report dates differ per period: a new period starts at its newest report.
          setPeriod(next);
          setDate(null);
        }}
        snapshots={shown?.snapshots.filter((s) => s.period === period) ?? []}
        date={date}
        onDate={setDate}
      />
      {/* One status line that stays in place, so screen readers hear each change of filter once it has loaded. */}
      <Caption1 role="status" data-testid="adoption-showing">
        {loading ? t('adoption.loading') : report.kind === 'ready' && report.data.reportDate ? showing(report.data.period, report.data.reportDate) : ''}
      </Caption1>
      {report.kind === 'failed' && <LoadProblem error={report.error} onRetry={report.retry} />}
      {loading && !shown && <Spinner label={t('adoption.loading')} />}
      {shown && report.kind !== 'failed' && (
        <div aria-busy={loading} className={loading ? styles.stale : undefined}>
          <AdoptionReportView report={shown} minGroupSize={minGroupSize} date={date} chosenId={chosenId} onChoose={setChosenId} />
        </div>
      )}
    </div>
  );
}

/** A failed load: no access says so plainly; anything else can be tried again. */
function LoadProblem(props: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (props.error instanceof ApiError && props.error.status === 403) {
    return <Body1 role="alert">{t('adoption.forbidden')}</Body1>;
  }
  return (
    <div className={styles.problem} role="alert">
      <Subtitle1 as="h2">{t('adoption.failed')}</Subtitle1>
      {props.error instanceof Error && <Caption1>{t('signIn.detail', { detail: props.error.message })}</Caption1>}
      <Button appearance="primary" onClick={props.onRetry}>{t('error.retry')}</Button>
    </div>
  );
}
