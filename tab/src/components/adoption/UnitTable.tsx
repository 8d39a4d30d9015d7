import { Caption1, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { TABLE_CHANNELS } from '../../adoption/rates';
import { isShown, type AdoptionUnit } from '../../adoption/types';
import { Percent } from './Percent';
import { ScrollRegion } from './ScrollRegion';

const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  // Wide enough to read every column; on a phone the region around it scrolls instead of the page.
  table: { minWidth: '44rem' },
  // The unit's name stays in view while the figures scroll past it on a narrow screen.
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '30%', [PHONE]: { width: '10rem' } },
  // The header cell lays its content out in a row; the parent path goes above the unit's name.
  unitCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  parent: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  select: {
    display: 'block', padding: 0, border: 'none', background: 'none', font: 'inherit', textAlign: 'start', cursor: 'pointer',
    color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline', overflowWrap: 'anywhere',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  // Rows are not buttons (only the unit's name is), and the hover fill of the high-contrast theme would
  // leave white text on bright cyan: no hover fill.
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  // The chosen row is marked by a frame, a bar and weight, not by colour alone; no fill, so every text
  // colour keeps its contrast (the high-contrast theme's selected fill is a bright cyan).
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`, outlineOffset: `calc(${tokens.strokeWidthThick} * -1)`,
    boxShadow: `inset 6px 0 0 ${tokens.colorCompoundBrandStroke}`,
  },
  // The name's cell is drawn over the row (it stays put while the row scrolls), so it repeats the frame.
  selectedHeader: {
    boxShadow: `inset 6px 0 0 ${tokens.colorCompoundBrandStroke}, inset 0 ${tokens.strokeWidthThick} 0 ${tokens.colorCompoundBrandStroke}, inset 0 calc(${tokens.strokeWidthThick} * -1) 0 ${tokens.colorCompoundBrandStroke}`,
  },
  selectedName: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, textDecorationLine: 'none' },
  rowHeader: { fontWeight: tokens.fontWeightRegular, textAlign: 'start', verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface UnitTableProps {
  /** In the order to show them (least adopted first). */
  units: AdoptionUnit[];
  minGroupSize: number;
  selectedId: string | null;
  onSelect: (unitId: string) => void;
  labelledBy: string;
  describedBy: string;
}

/**
 * The units with staff and the share active per channel. A unit's name is a toggle button that selects
 * it for the details below; a hidden unit says so in words and offers nothing to select.
 */
export function UnitTable(props: UnitTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ScrollRegion label={t('adoption.units.region')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} aria-describedby={props.describedBy} data-testid="unit-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className={mergeClasses(styles.unitColumn, styles.sticky)}>{t('adoption.units.unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('adoption.staff')}</TableHeaderCell>
            {TABLE_CHANNELS.map((channel) => (
              <TableHeaderCell scope="col" key={channel}>{t(`adoption.channels.${channel}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.units.map((unit) => (
            <UnitRow key={unit.id} unit={unit} minGroupSize={props.minGroupSize} selected={unit.id === props.selectedId} onSelect={props.onSelect} />
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function UnitRow(props: { unit: AdoptionUnit; minGroupSize: number; selected: boolean; onSelect: (unitId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const { unit } = props;
  const name = format.unitName(unit.name);
  const parent = unit.path.length > 1 ? format.unitPath(unit.path.slice(0, -1)) : null;
  return (
    <TableRow className={mergeClasses(styles.row, props.selected && styles.selected)} data-unit-id={unit.id} data-suppressed={unit.suppressed || undefined}>
      {/* The row header names the unit, so a screen reader announces it with every figure in the row. */}
      <TableHeaderCell scope="row" className={mergeClasses(styles.rowHeader, styles.sticky, props.selected && styles.selectedHeader)}>
        <div className={styles.unitCell}>
        {parent && <Caption1 className={styles.parent}>{parent}</Caption1>}
        {isShown(unit) ? (
          <button type="button" className={mergeClasses(styles.select, props.selected && styles.selectedName)} aria-pressed={props.selected} onClick={() => props.onSelect(unit.id)}>
            <span className={styles.visuallyHidden}>{t('adoption.units.select')} </span>
            <span data-testid="unit-name">{name}</span>
          </button>
        ) : (
          <span data-testid="unit-name">{name}</span>
        )}
        </div>
      </TableHeaderCell>
      {isShown(unit) ? (
        <>
          <TableCell>{format.number(unit.staff)}</TableCell>
          {TABLE_CHANNELS.map((channel) => (
            <TableCell key={channel} data-channel={channel}>
              <Percent count={unit.active[channel]} staff={unit.staff} />
            </TableCell>
          ))}
        </>
      ) : (
        <TableCell colSpan={1 + TABLE_CHANNELS.length} className={styles.hidden} data-testid="suppressed">
          {t('adoption.suppressed', { minGroupSize: props.minGroupSize })}
        </TableCell>
      )}
    </TableRow>
  );
}
