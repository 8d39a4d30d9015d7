import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  track: {
    height: '6px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground5,
    // A visible edge, so the empty part of the bar shows in high contrast too.
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  fill: { height: '100%', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorCompoundBrandBackground },
});

/** A bar for a share (0–1). Decorative: the figure is always written beside it. */
export function Meter(props: { share: number }) {
  const styles = useStyles();
  const width = `${Math.max(0, Math.min(1, props.share)) * 100}%`;
  return (
    <div className={styles.track} aria-hidden="true">
      <div className={styles.fill} style={{ width }} />
    </div>
  );
}
