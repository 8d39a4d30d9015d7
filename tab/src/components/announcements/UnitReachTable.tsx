import { Caption1, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { useReachFormat } from '../../announcements/format';
import { countOf, stagesOf, type Stage } from '../../announcements/funnel';
import { isShownUnit, type Funnel, type Reach } from '../../announcements/types';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { useHiddenText } from './hidden-text';
import { UnitRowHeader } from '../UnitRowHeader';

const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  table: { minWidth: '46rem' },
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '26%', [PHONE]: { width: '9rem' } },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  value: { display: 'flex', flexDirection: 'column', whiteSpace: 'nowrap' },
  count: { color: tokens.colorNeutralForeground2 },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/** A share of the unit's targeted, with the number of people under it. */
function Share(props: { count: number | null; of: number }) {
  const { t } = useTranslation();
  const format = useReachFormat();
  const styles = useStyles();
  if (props.count === null) return <span>{t('announcements.funnel.unknown')}</span>;
  return (
    <span className={styles.value}>
      <span>{format.share(props.count, props.of)}</span>{' '}
      <Caption1 className={styles.count}>{t('adoption.people', { count: props.count, n: format.number(props.count) })}</Caption1>
    </span>
  );
}

/**
 * Reach per unit, least reached first (the server's order): each stage as a share of the unit's
 * targeted with the people under it. A hidden unit says in words why, and where its people are counted.
 */
export function UnitReachTable(props: { reach: Reach; requiresAcknowledgement: boolean; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const hiddenText = useHiddenText(props.reach.minGroupSize);
  const readKnown = props.reach.readReceipts === 'seen';
  const sample: Funnel = props.reach.municipality ?? props.reach.units.filter(isShownUnit)[0]?.funnel ?? { targeted: 0, onTeams: null, delivered: 0, read: 0, acknowledged: 0, clicked: 0 };
  const stages: Stage[] = stagesOf(sample, props.requiresAcknowledgement);
  return (
    <ScrollRegion label={t('announcements.units.region')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="reach-unit-table">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col" className={mergeClasses(styles.unitColumn, styles.sticky)}>{t('adoption.units.unit')}</TableHeaderCell>
            {stages.map((stage) => (
              <TableHeaderCell scope="col" key={stage}>{t(`announcements.funnel.stages.${stage}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.reach.units.map((unit) => {
            return (
              <TableRow key={unit.unitId} className={styles.row} data-unit-id={unit.unitId} data-hidden={isShownUnit(unit) ? undefined : unit.hidden}>
                <UnitRowHeader path={unit.path} name={unit.name} />
                {isShownUnit(unit) ? (
                  stages.map((stage) => (
                    <TableCell key={stage} data-stage={stage}>
                      {stage === 'targeted' ? format.number(unit.funnel.targeted) : <Share count={countOf(unit.funnel, stage, readKnown)} of={unit.funnel.targeted} />}
                    </TableCell>
                  ))
                ) : (
                  <TableCell colSpan={stages.length} className={styles.hidden} data-testid="hidden-unit">{hiddenText(unit.hidden)}</TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
