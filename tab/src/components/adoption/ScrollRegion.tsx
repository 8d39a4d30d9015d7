import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  region: {
    overflowX: 'auto', maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * A wide table scrolls inside its own box rather than widening the page on a phone. The box is a named
 * region and focusable, so keyboard users can scroll it with the arrow keys (WCAG 2.1.1).
 */
export function ScrollRegion(props: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div role="region" aria-label={props.label} tabIndex={0} className={styles.region}>
      {props.children}
    </div>
  );
}
