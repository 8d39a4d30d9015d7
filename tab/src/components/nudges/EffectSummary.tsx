import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useEffectFormat } from '../../nudges/format';
import type { EffectFigures } from '../../nudges/types';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '48rem', '& p': { margin: 0 } },
  sentence: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  basis: { color: tokens.colorNeutralForeground2 },
});

/**
 * The municipality's effect in one plain sentence: how many started in each group, and the difference
 * with its interval, or that the data show no clear effect yet. The effect is for those who got tips;
 * when not all who could get one did, the sentence says how many did, so its figures add up.
 */
export function EffectSummary(props: { figures: EffectFigures | null; minGroupSize: number; measured: boolean }) {
  const { t } = useTranslation();
  const format = useEffectFormat();
  const styles = useStyles();
  const { figures } = props;
  if (!figures) return <Body1 as="p" data-testid="effect-sentence">{t('nudges.effect.wholeHidden', { minGroupSize: props.minGroupSize })}</Body1>;
  const estimate = figures.estimate;
  const sentence = !props.measured
    ? t('nudges.effect.notMeasured')
    : !estimate
      ? t('nudges.effect.noEstimate')
      : t(`nudges.effect.${estimate.significant ? 'clear' : 'unclear'}${estimate.reachedShare < 0.995 ? 'Partial' : ''}`, {
          nudged: format.percent(estimate.nudgedShare),
          heldOut: format.percent(estimate.heldOutShare),
          reached: format.percent(estimate.reachedShare),
          effect: format.effect(estimate),
          low: format.bound(estimate.low),
          high: format.bound(estimate.high),
        });
  return (
    <div className={styles.summary}>
      <Body1 as="p" className={styles.sentence} data-testid="effect-sentence">{sentence}</Body1>
      <Caption1 as="p" className={styles.basis} data-testid="effect-basis">
        {t('nudges.effect.basis', {
          nudged: format.number(figures.nudgedEligible),
          reached: format.number(figures.reached),
          heldOut: format.number(figures.heldOutEligible),
        })}
      </Caption1>
    </div>
  );
}
