import { Body1, Field, makeStyles, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { useSurveyFormat } from '../../surveys/format';
import { useTrend } from '../../surveys/hooks';
import { resultOf } from '../../surveys/results';
import { useLocalized } from '../../surveys/text';
import type { Question, SurveySummary, TrendPoint } from '../../surveys/types';
import { TrendChart, type MeasurePoint, type Scale } from './TrendChart';

const useStyles = makeStyles({
  trend: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& p': { margin: 0 } },
  // A long option (a unit's whole path, a question) must not widen the page on a phone.
  // In this column a flex basis would be a height (a gap under the label); the width is what is capped.
  field: { minWidth: 0, maxWidth: '32rem' },
  select: { width: '100%', minWidth: 0 },
  details: { marginTop: tokens.spacingVerticalS },
  summary: {
    cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0`, color: tokens.colorBrandForegroundLink,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

type Measure = 'response' | string;
const scored = (q: Question) => q.kind === 'likert' || q.kind === 'enps';

/** The value of a measure in a round, or undefined when hidden or unanswered. */
function valueOf(point: TrendPoint, measure: Measure): number | undefined {
  if (!point.results) return undefined;
  if (measure === 'response') return point.results.responseRate;
  const result = resultOf(point.results, measure);
  return result?.mean ?? result?.enps;
}

/**
 * The chosen group's results across rounds: one measure (response rate, or a Likert mean or eNPS) as a
 * chart, and every measure as a table.
 */
export function SurveyTrend(props: { survey: SurveySummary; unitId: string | null; name: string; minGroupSize: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const { pick } = useLocalized();
  const trend = useTrend(props.survey.id, props.unitId);
  const questions = props.survey.definition.questions.filter(scored);
  const [measure, setMeasure] = useState<Measure>('response');
  if (trend.kind === 'loading') return <Spinner size="small" labelPosition="after" label={t('surveys.trend.loading')} />;
  if (trend.kind === 'failed') return <Body1 role="alert">{t('surveys.trend.failed')}</Body1>;
  const points = trend.data.points;
  const question = questions.find((q) => q.id === measure);
  const scale: Scale = !question ? 'rate' : question.kind === 'likert' ? 'likert' : 'enps';
  const legend = question ? pick(question.text) : t('surveys.results.responseRate');
  const chartPoints: MeasurePoint[] = points.flatMap((p) => {
    const value = valueOf(p, measure);
    return value === undefined ? [] : [{ opensAt: p.opensAt, number: p.number, value }];
  });
  const shown = (q: Question | undefined, value: number | undefined) =>
    value === undefined ? '–' : !q ? format.percent(value) : q.kind === 'likert' ? format.mean(value) : format.enps(value);

  return (
    <div className={styles.trend} data-testid="survey-trend">
      {points.filter((p) => p.results).length < 2 && <Body1 as="p">{t('surveys.trend.tooFew')}</Body1>}
      {questions.length > 0 && (
        <Field label={t('surveys.trend.measure')} className={styles.field}>
          <Select className={styles.select} value={measure} onChange={(_, data) => setMeasure(data.value)}>
            <option value="response">{t('surveys.results.responseRate')}</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>{`${t(q.kind === 'likert' ? 'surveys.trend.mean' : 'surveys.trend.enps')}: ${pick(q.text)}`}</option>
            ))}
          </Select>
        </Field>
      )}
      {chartPoints.length > 0 && <TrendChart points={chartPoints} scale={scale} legend={legend} title={t('surveys.trend.chart', { legend, name: props.name })} />}
      <details className={styles.details}>
        <summary className={styles.summary}>{t('surveys.trend.table')}</summary>
        <ScrollRegion label={t('surveys.trend.tableRegion')}>
          <Table size="small" data-testid="survey-trend-table">
            <TableHeader>
              <TableRow className={styles.row}>
                <TableHeaderCell scope="col">{t('surveys.trend.roundColumn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('surveys.results.responseRate')}</TableHeaderCell>
                {questions.map((q, i) => (
                  <TableHeaderCell scope="col" key={q.id}>{t('surveys.trend.questionColumn', { n: props.survey.definition.questions.indexOf(q) + 1, kind: t(q.kind === 'likert' ? 'surveys.trend.mean' : 'surveys.trend.enps') })}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...points].reverse().map((point) => (
                <TableRow key={point.roundId} className={styles.row}>
                  <TableHeaderCell scope="row">{t('surveys.trend.roundCell', { n: point.number, date: format.day(point.opensAt) })}</TableHeaderCell>
                  {point.results ? (
                    <>
                      <TableCell>{t('surveys.responseReached', { rate: format.percent(point.results.responseRate), answered: format.number(point.results.answered), reached: format.number(point.results.reached) })}</TableCell>
                      {questions.map((q) => (
                        <TableCell key={q.id}>{shown(q, valueOf(point, q.id))}</TableCell>
                      ))}
                    </>
                  ) : (
                    <TableCell colSpan={1 + questions.length} className={styles.hidden}>{t('surveys.hiddenSmall', { minGroupSize: props.minGroupSize })}</TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      </details>
    </div>
  );
}
