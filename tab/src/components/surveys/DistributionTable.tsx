import { Caption1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { Meter } from '../adoption/Meter';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { useAnswerLabels } from '../../surveys/labels';
import { distributionOf } from '../../surveys/results';
import type { Question, QuestionResult } from '../../surveys/types';

const useStyles = makeStyles({
  table: { minWidth: '20rem' },
  // No hover fill: these rows do nothing when clicked, and the high-contrast fill hides white text.
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '6rem' },
  count: { color: tokens.colorNeutralForeground2 },
  answer: { overflowWrap: 'anywhere' },
});

export interface DistributionColumn {
  /** Who the figures are for: a unit's name, or the whole municipality. */
  name: string;
  result: QuestionResult;
}

/**
 * A question's distribution as a table with a bar in each cell: the bar chart and its text alternative
 * in one. With a second column, a unit reads against the whole municipality.
 */
export function DistributionTable(props: { question: Question; columns: DistributionColumn[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const labels = useAnswerLabels();
  const columns = props.columns.map((column) => ({ ...column, rows: distributionOf(props.question, column.result) }));
  const values = columns[0]?.rows.map((row) => row.value) ?? [];
  return (
    <ScrollRegion label={props.label}>
      <Table size="small" className={styles.table} data-testid="distribution">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col">{t('surveys.results.answer')}</TableHeaderCell>
            {columns.map((column) => (
              <TableHeaderCell scope="col" key={column.name}>{column.name}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {values.map((value) => (
            <TableRow key={value} className={styles.row} data-value={value}>
              <TableHeaderCell scope="row" className={styles.answer}>{labels.value(props.question, value)}</TableHeaderCell>
              {columns.map((column) => {
                const row = column.rows.find((r) => r.value === value) ?? { count: 0, share: 0 };
                return (
                  <TableCell key={column.name}>
                    <div className={styles.figure}>
                      <span>
                        {format.percent(row.share)}{' '}
                        <Caption1 className={styles.count}>({t('adoption.people', { count: row.count, n: format.number(row.count) })})</Caption1>
                      </span>
                      <Meter share={row.share} />
                    </div>
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
