import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { Body1, makeStyles, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useReachFormat } from '../../announcements/format';
import type { Timeline, TimelinePoint } from '../../announcements/types';
import { ScrollRegion } from '../adoption/ScrollRegion';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& h2, & p': { margin: 0 } },
  // The chart library capitalises legend words; the legend keeps the words as written.
  chart: { width: '100%', minWidth: 0, '& *': { textTransform: 'none' } },
  details: { marginTop: tokens.spacingVerticalS },
  summary: {
    cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0`, color: tokens.colorBrandForegroundLink,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  at: { whiteSpace: 'nowrap', fontWeight: tokens.fontWeightRegular },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
});

type Line = Exclude<keyof TimelinePoint, 'at'>;
const DASH: Record<Line, string | undefined> = { delivered: undefined, read: '6 4', acknowledged: '2 3', clicked: '10 3 2 3' };

/**
 * Delivered, read, acknowledged and clicked, counted up since sending (hourly). The lines differ by
 * dash too, not by colour alone. The chart is a picture with a summary in words (inert: the chart
 * library describes itself in English only); every figure is in the table below it.
 */
export function TimelineSection(props: { timeline: Timeline; requiresAcknowledgement: boolean; readKnown: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useReachFormat();
  const styles = useStyles();
  const points = props.timeline.points;
  const lines: Line[] = ['delivered', ...(props.readKnown ? (['read'] as const) : []), ...(props.requiresAcknowledgement ? (['acknowledged'] as const) : []), 'clicked'];
  const name = (line: Line) => t(`announcements.funnel.stages.${line}`);
  const last = points[points.length - 1];
  const first = points[0];
  const summary = first && last ? t('announcements.timeline.summary', { from: format.hour(first.at), to: format.hour(last.at), figures: lines.map((l) => `${name(l)} ${format.number(last[l])}`).join(', ') }) : '';
  // Ticks on the hours themselves, with the day only when the timeline spans more than one.
  const spansDays = first && last ? new Date(last.at).getTime() - new Date(first.at).getTime() > 20 * 3600_000 : false;
  const tick = new Intl.DateTimeFormat(i18n.language, spansDays ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' });
  const series: LineChartPoints[] = lines.map((line) => ({
    legend: name(line),
    lineOptions: DASH[line] ? { strokeDasharray: DASH[line] } : undefined,
    data: points.map((p) => ({ x: new Date(p.at), y: p[line], xAxisCalloutData: format.hour(p.at), yAxisCalloutData: format.number(p[line]) })),
  }));
  return (
    <section className={styles.section} aria-labelledby="reach-timeline">
      <Subtitle1 as="h2" id="reach-timeline">{t('announcements.timeline.heading')}</Subtitle1>
      {points.length === 0 ? (
        <Body1 as="p">{t('announcements.timeline.none')}</Body1>
      ) : (
        <>
          <div role="img" aria-label={`${t('announcements.timeline.chart')}: ${summary}`} className={styles.chart} data-testid="timeline-chart">
            <div inert>
              <LineChart
                data={{ chartTitle: t('announcements.timeline.chart'), lineChartData: series }}
                height={260}
                margins={{ top: 20, bottom: 35, left: 52, right: 28 }}
                yMinValue={0}
                culture={i18n.language}
                hideTickOverlap
                tickValues={points.map((p) => new Date(p.at))}
                customDateTimeFormatter={(date: Date) => tick.format(date)}
                allowMultipleShapesForPoints
              />
            </div>
          </div>
          <details className={styles.details}>
            <summary className={styles.summary}>{t('announcements.timeline.table')}</summary>
            <ScrollRegion label={t('announcements.timeline.region')}>
              <Table size="small" aria-labelledby="reach-timeline" data-testid="timeline-table">
                <TableHeader>
                  <TableRow className={styles.row}>
                    <TableHeaderCell scope="col">{t('announcements.timeline.at')}</TableHeaderCell>
                    {lines.map((line) => (
                      <TableHeaderCell scope="col" key={line}>{name(line)}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {points.map((p) => (
                    <TableRow key={p.at} className={styles.row}>
                      <TableHeaderCell scope="row" className={styles.at}>{format.hour(p.at)}</TableHeaderCell>
                      {lines.map((line) => (
                        <TableCell key={line}>{format.number(p[line])}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollRegion>
          </details>
        </>
      )}
    </section>
  );
}
