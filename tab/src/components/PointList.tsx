import { Body1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalM} 0`, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
});

/** A short list of plain-language statements (privacy promises, terms). */
export function PointList(props: { points: string[]; testId?: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid={props.testId}>
      {props.points.map((point) => (
        <li key={point}>
          <Body1>{point}</Body1>
        </li>
      ))}
    </ul>
  );
}
