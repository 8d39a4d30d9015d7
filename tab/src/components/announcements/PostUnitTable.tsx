import { Caption1, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { isShownPostUnit, type PostUnit } from '../../announcements/posts';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { useHiddenText } from './hidden-text';

const PHONE = '@media (max-width: 640px)';
const COLUMNS = ['reactions', 'replies', 'people'] as const;

const useStyles = makeStyles({
  table: { minWidth: '30rem' },
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '40%', [PHONE]: { width: '9rem' } },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  rowHeader: { fontWeight: tokens.fontWeightRegular, textAlign: 'start', verticalAlign: 'top' },
  unitCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, overflowWrap: 'anywhere' },
  parent: { color: tokens.colorNeutralForeground2 },
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
            const parent = unit.path.length > 1 ? format.unitPath(unit.path.slice(0, -1)) : null;
            return (
              <TableRow key={unit.unitId} className={styles.row} data-unit-id={unit.unitId} data-hidden={isShownPostUnit(unit) ? undefined : unit.hidden}>
                <TableHeaderCell scope="row" className={mergeClasses(styles.rowHeader, styles.sticky)}>
                  <div className={styles.unitCell}>
                    {parent && <Caption1 className={styles.parent}>{parent}</Caption1>}
                    <span>{format.unitName(unit.name)}</span>
                  </div>
                </TableHeaderCell>
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
