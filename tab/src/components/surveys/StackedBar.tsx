import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/** How a part of the bar reads: against (strong, mild), in between, or for (mild, strong). */
export type Tone = 'againstStrong' | 'against' | 'neutral' | 'for' | 'forStrong';

export interface BarPart {
  key: string;
  share: number;
  tone: Tone;
}

const stripes = (color: string) => `repeating-linear-gradient(45deg, ${color} 0 3px, transparent 3px 7px)`;

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  track: {
    display: 'flex', height: '14px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground1,
    // A visible edge, so the bar shows in high contrast too.
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  // Parts are told apart by fill and pattern, not by colour alone: strong parts are solid, mild ones striped.
  part: { height: '100%', boxSizing: 'border-box', borderRight: `2px solid ${tokens.colorNeutralBackground1}`, ':last-child': { borderRight: 'none' } },
  againstStrong: { backgroundColor: tokens.colorPaletteRedBackground3 },
  against: { backgroundColor: tokens.colorPaletteRedBackground2, backgroundImage: stripes(tokens.colorPaletteRedBackground3) },
  neutral: { backgroundColor: tokens.colorNeutralBackground5, backgroundImage: `radial-gradient(${tokens.colorNeutralStroke1} 1px, transparent 1.5px)`, backgroundSize: '5px 5px' },
  for: { backgroundColor: tokens.colorPaletteGreenBackground2, backgroundImage: stripes(tokens.colorPaletteGreenBackground3) },
  forStrong: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  label: { overflowWrap: 'anywhere' },
});

/**
 * A distribution as one stacked bar (against on the left, for on the right), with its reading in words
 * above it. The bar itself is decorative: the words and the table beside it carry every figure.
 */
export function StackedBar(props: { label: string; summary: string; parts: BarPart[]; testId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.bar} data-testid={props.testId}>
      <Caption1 className={styles.label}>
        <strong>{props.label}</strong>: {props.summary}
      </Caption1>
      <div className={styles.track} aria-hidden="true">
        {props.parts
          .filter((part) => part.share > 0)
          .map((part) => (
            <div key={part.key} className={mergeClasses(styles.part, styles[part.tone])} style={{ width: `${part.share * 100}%` }} data-part={part.key} />
          ))}
      </div>
    </div>
  );
}
