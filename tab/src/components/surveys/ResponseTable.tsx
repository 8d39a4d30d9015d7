import { Caption1, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { Meter } from '../adoption/Meter';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { leastRespondedFirst, responseOf } from '../../surveys/results';
import type { UnitResults } from '../../surveys/types';
import { useHiddenReason } from './hidden-reason';
import { UnitRowHeader } from '../UnitRowHeader';

const useStyles = makeStyles({
  table: { minWidth: '36rem' },
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '40%' },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  rate: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '6rem' },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/**
 * How many were asked, reached and answered in each unit, least responded first (where a reminder or a
 * word from the leader helps). A unit whose answers are hidden says why in words; its counts show only
 * when the server gives them (enough people were asked), never its answers.
 */
export function ResponseTable(props: { units: UnitResults[]; minGroupSize: number; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const hiddenReason = useHiddenReason(props.minGroupSize);
  return (
    <ScrollRegion label={t('surveys.results.responseRegion')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="response-table">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col" className={mergeClasses(styles.unitColumn, styles.sticky)}>{t('adoption.units.unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.invited')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.reached')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.answeredColumn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.responseRate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {leastRespondedFirst(props.units).map((unit) => {
            const response = responseOf(unit);
            const reason = unit.suppressed ? hiddenReason(unit.suppressed) : null;
            return (
              <TableRow key={unit.unitId} className={styles.row} data-unit-id={unit.unitId} data-suppressed={unit.suppressed || undefined}>
                <UnitRowHeader path={unit.path} name={unit.name}>
                  {reason && response && <Caption1 className={styles.hidden} data-testid="suppressed">{reason}</Caption1>}
                </UnitRowHeader>
                {response ? (
                  <>
                    <TableCell>{format.number(response.invited)}</TableCell>
                    <TableCell>{format.number(response.reached)}</TableCell>
                    <TableCell>{format.number(response.answered)}</TableCell>
                    <TableCell>
                      <div className={styles.rate}>
                        <span>{format.percent(response.responseRate)}</span>
                        <Meter share={response.responseRate} />
                      </div>
                    </TableCell>
                  </>
                ) : (
                  <TableCell colSpan={4} className={styles.hidden} data-testid="suppressed">{reason ?? hiddenReason('small')}</TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
