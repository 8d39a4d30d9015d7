import { Caption1, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useEffectFormat } from '../../nudges/format';
import { isShownUnit, type EffectFigures, type EffectUnit } from '../../nudges/types';
import { Percent } from '../adoption/Percent';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { UnitRowHeader } from '../UnitRowHeader';

const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  table: { minWidth: '56rem' },
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '24%', [PHONE]: { width: '9rem' } },
  // Room for the header's long word (konfidensintervall) and the interval under the effect.
  effectColumn: { width: '11rem' },
  // Rows are not buttons; the high-contrast theme's hover fill would leave white text on bright cyan.
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  value: { display: 'flex', flexDirection: 'column', whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground2 },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

const COLUMNS = ['nudgedEligible', 'reached', 'nudgedStarted', 'heldOutEligible', 'heldOutStarted', 'effect'] as const;

/** The effect with its interval, and whether the data show it clearly. */
function EffectCell(props: { figures: EffectFigures; measured: boolean }) {
  const { t } = useTranslation();
  const format = useEffectFormat();
  const styles = useStyles();
  const estimate = props.figures.estimate;
  if (!props.measured) return <span className={styles.note}>{t('nudges.effect.units.notMeasured')}</span>;
  if (!estimate) return <span className={styles.note}>{t('nudges.effect.units.noEstimate')}</span>;
  return (
    <span className={styles.value}>
      <span>{format.effect(estimate)}</span>{' '}
      <Caption1 className={styles.note}>{t('nudges.effect.units.interval', { low: format.bound(estimate.low), high: format.bound(estimate.high) })}</Caption1>{' '}
      {!estimate.significant && <Caption1 className={styles.note}>{t('nudges.effect.units.unclear')}</Caption1>}
    </span>
  );
}

/**
 * The effect per unit (each with its sub-units), in the order of the unit tree. A unit too small to
 * show keeps its place in that order (never an order by figures, which would tell them) and says so in
 * words, with no figures.
 */
export function EffectUnitTable(props: { units: EffectUnit[]; minGroupSize: number; measured: boolean; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useEffectFormat();
  const styles = useStyles();
  return (
    <ScrollRegion label={t('nudges.effect.units.region')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="effect-unit-table">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col" className={mergeClasses(styles.unitColumn, styles.sticky)}>{t('adoption.units.unit')}</TableHeaderCell>
            {COLUMNS.map((column) => (
              <TableHeaderCell scope="col" key={column} className={column === 'effect' ? styles.effectColumn : undefined}>{t(`nudges.effect.units.${column}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.units.map((unit) => (
            <TableRow key={unit.unitId} className={styles.row} data-unit-id={unit.unitId} data-hidden={unit.hidden || undefined}>
              <UnitRowHeader path={unit.path} name={unit.name} />
              {isShownUnit(unit) ? (
                <>
                  <TableCell data-column="nudgedEligible">{format.number(unit.figures.nudgedEligible)}</TableCell>
                  <TableCell data-column="reached"><Percent count={unit.figures.reached} staff={unit.figures.nudgedEligible} /></TableCell>
                  <TableCell data-column="nudgedStarted">{props.measured ? <Percent count={unit.figures.nudgedStarted} staff={unit.figures.nudgedEligible} /> : '–'}</TableCell>
                  <TableCell data-column="heldOutEligible">{format.number(unit.figures.heldOutEligible)}</TableCell>
                  <TableCell data-column="heldOutStarted">{props.measured ? <Percent count={unit.figures.heldOutStarted} staff={unit.figures.heldOutEligible} /> : '–'}</TableCell>
                  <TableCell data-column="effect"><EffectCell figures={unit.figures} measured={props.measured} /></TableCell>
                </>
              ) : (
                <TableCell colSpan={COLUMNS.length} className={styles.hidden} data-testid="hidden-unit">
                  {t(`nudges.effect.hidden.${unit.hidden || 'small'}`, { minGroupSize: props.minGroupSize })}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
