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

/**
 * Teams and Viva Engage adoption rate (percent of staff) over report dates. Hidden points are left out
 * rather than drawn as zero. The lines differ by dash and point shape too, not only by colour; the
 * table beside it (TrendTable) carries the same figures for screen readers.
 */
export function TrendChart(props: { points: TrendPoint[]; name: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const series: LineChartPoints[] = LINES.map((line) => ({
    legend: t(`adoption.channels.${line}`),
    lineOptions: line === 'engage' ? { strokeDasharray: '6 4' } : undefined,
    data: props.points.flatMap((point) =>
      point.active && point.staff
        ? [{ x: dayOf(point.reportDate), y: Math.round((point.active[line] / point.staff) * 1000) / 10, xAxisCalloutData: format.date(point.reportDate), yAxisCalloutData: format.percent(point.active[line] / point.staff) }]
        : [],
    ),
  }));
  return (
    <div className={styles.chart} data-testid="trend-chart">
      <LineChart
        data={{ chartTitle: t('adoption.trend.chart', { name: props.name }), lineChartData: series }}
        height={260}
        yMinValue={0}
        yMaxValue={100}
        yAxisTickFormat={(value: number) => `${value} %`}
        yAxisTitle={t('adoption.trend.axis')}
        culture={i18n.language}
        useUTC
        customDateTimeFormatter={(date: Date) => format.date(date.toISOString().slice(0, 10))}
        allowMultipleShapesForPoints
        enablePerfOptimization={false}
      />
    </div>
  );
}
