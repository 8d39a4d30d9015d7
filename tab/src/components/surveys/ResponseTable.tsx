import { Caption1, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { Meter } from '../adoption/Meter';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { isShown, leastRespondedFirst } from '../../surveys/results';
import type { UnitResults } from '../../surveys/types';

const useStyles = makeStyles({
  table: { minWidth: '32rem' },
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '40%' },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  rowHeader: { fontWeight: tokens.fontWeightRegular, textAlign: 'start', verticalAlign: 'top' },
  unitCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, overflowWrap: 'anywhere' },
  parent: { color: tokens.colorNeutralForeground2 },
  rate: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '6rem' },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/**
 * How many answered in each unit, least responded first (those are where a reminder or a word from the
 * leader helps). A hidden unit says why in words and shows no figure that could give it away.
 */
export function ResponseTable(props: { units: UnitResults[]; minGroupSize: number; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const hiddenText = (unit: UnitResults) =>
    unit.suppressed === 'complementary' ? t('surveys.hiddenComplementary')
    : unit.suppressed === 'ancestor' ? t('surveys.hiddenAncestor')
    : t('surveys.hiddenSmall', { minGroupSize: props.minGroupSize });
  return (
    <ScrollRegion label={t('surveys.results.responseRegion')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="response-table">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col" className={mergeClasses(styles.unitColumn, styles.sticky)}>{t('adoption.units.unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.invited')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.answeredColumn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.responseRate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {leastRespondedFirst(props.units).map((unit) => {
            const parent = unit.path.length > 1 ? format.unitPath(unit.path.slice(0, -1)) : null;
            return (
              <TableRow key={unit.unitId} className={styles.row} data-unit-id={unit.unitId} data-suppressed={unit.suppressed || undefined}>
                <TableHeaderCell scope="row" className={mergeClasses(styles.rowHeader, styles.sticky)}>
                  <div className={styles.unitCell}>
                    {parent && <Caption1 className={styles.parent}>{parent}</Caption1>}
                    <span data-testid="unit-name">{format.unitName(unit.name)}</span>
                  </div>
                </TableHeaderCell>
                {isShown(unit) ? (
                  <>
                    <TableCell>{format.number(unit.results.invited)}</TableCell>
                    <TableCell>{format.number(unit.results.answered)}</TableCell>
                    <TableCell>
                      <div className={styles.rate}>
                        <span>{format.percent(unit.results.responseRate)}</span>
                        <Meter share={unit.results.responseRate} />
                      </div>
                    </TableCell>
                  </>
                ) : (
                  <>
                    <TableCell>{unit.invited != null ? format.number(unit.invited) : '–'}</TableCell>
                    <TableCell colSpan={2} className={styles.hidden} data-testid="suppressed">{hiddenText(unit)}</TableCell>
                  </>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
