import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';

const useStyles = makeStyles({ chart: { width: '100%', minWidth: 0 } });

/** One measure per round: a response rate (0–1), a Likert mean (1–5) or an eNPS (−100–100). */
export interface MeasurePoint {
  opensAt: string;
  number: number;
  value: number;
}

export type Scale = 'rate' | 'likert' | 'enps';

const RANGE: Record<Scale, [number, number]> = { rate: [0, 100], likert: [1, 5], enps: [-100, 100] };

/**
 * A measure over the rounds, as a picture with a summary in words: inert, because the chart library
 * describes itself in English only. Every figure is in the table beside it (TrendTable).
 */
export function TrendChart(props: { points: MeasurePoint[]; scale: Scale; title: string; legend: string }) {
  const { t, i18n } = useTranslation();
  const format = useSurveyFormat();
  const styles = useStyles();
  const shown = (value: number) => (props.scale === 'rate' ? format.percent(value) : props.scale === 'likert' ? format.mean(value) : format.enps(value));
  const y = (value: number) => (props.scale === 'rate' ? Math.round(value * 1000) / 10 : Math.round(value * 10) / 10);
  const series: LineChartPoints[] = [
    {
      legend: props.legend,
      data: props.points.map((p) => ({ x: new Date(p.opensAt), y: y(p.value), xAxisCalloutData: format.round({ number: p.number, opensAt: p.opensAt, closesAt: p.opensAt, closedAt: null }), yAxisCalloutData: shown(p.value) })),
    },
  ];
  const first = props.points[0];
  const last = props.points[props.points.length - 1];
  const summary = first && last ? t('surveys.trend.summary', { legend: props.legend, first: shown(first.value), from: format.day(first.opensAt), last: shown(last.value), to: format.day(last.opensAt) }) : '';
  const [min, max] = RANGE[props.scale];
  return (
    <div role="img" aria-label={`${props.title}: ${summary}`} className={styles.chart} data-testid="survey-trend-chart">
      <div inert>
        <LineChart
          data={{ chartTitle: props.title, lineChartData: series }}
          height={240}
          // Room for "100 %" and "−100" beside the axis (the default 40 px cuts their first character).
          margins={{ top: 20, bottom: 35, left: 52, right: 28 }}
          yMinValue={min}
          yMaxValue={max}
          yAxisTickFormat={(value: number) => (props.scale === 'rate' ? `${value} %` : String(value))}
          culture={i18n.language}
          tickValues={props.points.map((p) => new Date(p.opensAt))}
          hideTickOverlap
          customDateTimeFormatter={(date: Date) => format.day(date.toISOString())}
        />
      </div>
    </div>
  );
}
