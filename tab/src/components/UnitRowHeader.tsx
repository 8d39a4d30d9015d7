import { Caption1, makeStyles, TableHeaderCell, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useFormat } from '../adoption/format';

const useStyles = makeStyles({
  // Kept in view when the table scrolls sideways on a phone.
  header: { fontWeight: tokens.fontWeightRegular, textAlign: 'start', verticalAlign: 'top', position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  cell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, overflowWrap: 'anywhere' },
  parent: { color: tokens.colorNeutralForeground2 },
});

/** A unit table's row header: the path above the unit small, then the unit's name, then whatever the table adds. */
export function UnitRowHeader(props: { path: readonly string[]; name: string; children?: ReactNode }) {
  const format = useFormat();
  const styles = useStyles();
  const parent = props.path.length > 1 ? format.unitPath(props.path.slice(0, -1)) : null;
  return (
    <TableHeaderCell scope="row" className={styles.header}>
      <div className={styles.cell}>
        {parent && <Caption1 className={styles.parent}>{parent}</Caption1>}
        <span data-testid="unit-name">{format.unitName(props.name)}</span>
        {props.children}
      </div>
    </TableHeaderCell>
  );
}
