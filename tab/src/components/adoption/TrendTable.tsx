import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import type { TrendPoint } from '../../adoption/types';
import { Percent } from './Percent';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalS },
  summary: {
    cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0`, color: tokens.colorBrandForegroundLink,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  // No hover fill: these rows do nothing when clicked, and the high-contrast fill hides white text.
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/** The trend's figures as a table: the chart's text alternative, open to anyone who prefers numbers. */
export function TrendTable(props: { points: TrendPoint[]; minGroupSize: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{t('adoption.trend.table')}</summary>
      <Table size="small" data-testid="trend-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('adoption.trend.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('adoption.staff')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('adoption.channels.teams')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('adoption.channels.engage')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...props.points].reverse().map((point) => (
            <TableRow key={point.reportDate} className={styles.row}>
              <TableCell>{format.date(point.reportDate)}</TableCell>
              {point.active && point.staff !== null ? (
                <>
                  <TableCell>{format.number(point.staff)}</TableCell>
                  <TableCell><Percent count={point.active.teams} staff={point.staff} /></TableCell>
                  <TableCell><Percent count={point.active.engage} staff={point.staff} /></TableCell>
                </>
              ) : (
                <TableCell colSpan={3} className={styles.hidden}>{t('adoption.suppressed', { minGroupSize: props.minGroupSize })}</TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
