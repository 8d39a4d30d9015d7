import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { isShownPostUnit, type PostUnit } from '../../announcements/posts';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { useHiddenText } from './hidden-text';
import { UnitRowHeader } from '../UnitRowHeader';

const PHONE = '@media (max-width: 640px)';
const COLUMNS = ['reactions', 'replies', 'people'] as const;

const useStyles = makeStyles({
  table: { minWidth: '30rem' },
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '40%', [PHONE]: { width: '9rem' } },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/** A channel post's reactions, replies and people per unit (the server's order); a hidden unit says why in words. */
export function PostUnitTable(props: { units: PostUnit[]; minGroupSize: number; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const hiddenText = useHiddenText(props.minGroupSize);
  return (
    <ScrollRegion label={t('announcements.posts.region')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="post-unit-table" size="small">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col" className={mergeClasses(styles.unitColumn, styles.sticky)}>{t('adoption.units.unit')}</TableHeaderCell>
            {COLUMNS.map((column) => (
              <TableHeaderCell scope="col" key={column}>{t(`announcements.posts.columns.${column}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.units.map((unit) => {
            return (
              <TableRow key={unit.unitId} className={styles.row} data-unit-id={unit.unitId} data-hidden={isShownPostUnit(unit) ? undefined : unit.hidden}>
                <UnitRowHeader path={unit.path} name={unit.name} />
                {isShownPostUnit(unit) ? (
                  COLUMNS.map((column) => (
                    <TableCell key={column} data-column={column}>{format.number(unit.figures[column])}</TableCell>
                  ))
                ) : (
                  <TableCell colSpan={COLUMNS.length} className={styles.hidden}>{hiddenText(unit.hidden)}</TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
