import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';
import { isShown, resultOf } from '../../surveys/results';
import type { SurveyDefinition, UnitResults } from '../../surveys/types';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { useHiddenReason } from './hidden-reason';

const useStyles = makeStyles({
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  unit: { fontWeight: tokens.fontWeightRegular, textAlign: 'start', overflowWrap: 'anywhere' },
});

/** Each unit's response rate and Likert means / eNPS side by side: the committee's overview on one page. */
export function UnitScores(props: { definition: SurveyDefinition; units: UnitResults[]; minGroupSize: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const hiddenReason = useHiddenReason(props.minGroupSize);
  const scored = props.definition.questions.map((q, i) => ({ q, n: i + 1 })).filter(({ q }) => q.kind === 'likert' || q.kind === 'enps');
  return (
    <ScrollRegion label={t('surveys.print.scoresRegion')}>
      <Table size="small" data-testid="unit-scores">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col">{t('adoption.units.unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.responseRate')}</TableHeaderCell>
            {scored.map(({ q, n }) => (
              <TableHeaderCell scope="col" key={q.id}>{t('surveys.trend.questionColumn', { n, kind: t(q.kind === 'likert' ? 'surveys.trend.mean' : 'surveys.trend.enps') })}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.units.map((unit) => (
            <TableRow key={unit.unitId} className={styles.row}>
              <TableHeaderCell scope="row" className={styles.unit}>{format.unitPath(unit.path)}</TableHeaderCell>
              {isShown(unit) ? (
                <>
                  <TableCell>{format.percent(unit.results.responseRate)}</TableCell>
                  {scored.map(({ q }) => {
                    const result = resultOf(unit.results, q.id);
                    const value = q.kind === 'likert' ? result?.mean : result?.enps;
                    return <TableCell key={q.id}>{value === undefined ? '–' : q.kind === 'likert' ? format.mean(value) : format.enps(value)}</TableCell>;
                  })}
                </>
              ) : (
                <TableCell colSpan={1 + scored.length} className={styles.hidden}>
                  {hiddenReason(unit.suppressed || 'small')}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
