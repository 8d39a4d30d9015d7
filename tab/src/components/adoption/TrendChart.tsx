import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { dayOf, useFormat } from '../../adoption/format';
import type { TrendPoint } from '../../adoption/types';

const useStyles = makeStyles({
  chart: { width: '100%', minWidth: 0 },
});

/** The two adoption lines the trend shows. */
const LINES = ['teams', 'engage'] as const;

/** The points of one line that may be shown, as shares of staff (0–1). Hidden points are left out, not drawn as zero. */
function shares(points: TrendPoint[], line: (typeof LINES)[number]) {
  return points.flatMap((point) => (point.active && point.staff ? [{ reportDate: point.reportDate, share: point.active[line] / point.staff }] : []));
}

/**
 * Teams and Viva Engage adoption rate (percent of staff) over report dates; the lines differ by dash
 * and point shape too, not only by colour. The chart is a picture with a short summary for screen
 * readers: it is inert, because the chart library describes itself in English only ("Line chart with
 * 2 lines", "Legends"). Every figure is in the table beside it (TrendTable).
 */
export function TrendChart(props: { points: TrendPoint[]; name: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const title = t('adoption.trend.chart', { name: props.name });
  const lines = LINES.map((line) => ({ line, legend: t(`adoption.channels.${line}`), shares: shares(props.points, line) }));
  const series: LineChartPoints[] = lines.map(({ line, legend, shares }) => ({
    legend,
    lineOptions: line === 'engage' ? { strokeDasharray: '6 4' } : undefined,
    data: shares.map(({ reportDate, share }) => ({
      x: dayOf(reportDate),
      y: Math.round(share * 1000) / 10,
      xAxisCalloutData: format.date(reportDate),
      yAxisCalloutData: format.percent(share),
    })),
  }));
  const summary = lines
    .filter(({ shares }) => shares.length > 0)
    .map(({ legend, shares }) => {
      const first = shares[0]!;
      const last = shares[shares.length - 1]!;
      const values = { line: legend, first: format.percent(first.share), from: format.date(first.reportDate), last: format.percent(last.share), to: format.date(last.reportDate) };
      return shares.length > 1 ? t('adoption.trend.summary', values) : t('adoption.trend.summaryOne', values);
    })
    .join('; ');
  return (
    <div role="img" aria-label={`${title}: ${summary}.`} className={styles.chart} data-testid="trend-chart">
      <div inert>
        <LineChart
          data={{ chartTitle: title, lineChartData: series }}
          height={260}
          yMinValue={0}
          yMaxValue={100}
          yAxisTickFormat={(value: number) => `${value} %`}
          yAxisTitle={t('adoption.trend.axis')}
          culture={i18n.language}
          useUTC
          // Ticks on the report dates themselves, not on every week between them.
          tickValues={[...new Set(lines.flatMap(({ shares }) => shares.map(({ reportDate }) => reportDate)))].sort().map(dayOf)}
          hideTickOverlap
          customDateTimeFormatter={(date: Date) => format.date(date.toISOString().slice(0, 10))}
          allowMultipleShapesForPoints
        />
      </div>
    </div>
  );
}
