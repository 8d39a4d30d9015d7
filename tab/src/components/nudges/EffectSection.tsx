import { Body1, Caption1, Card, makeStyles, Subtitle1, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useEffectFormat } from '../../nudges/format';
import type { NudgeEffect } from '../../nudges/types';
import { EffectSummary } from './EffectSummary';
import { EffectUnitTable } from './EffectUnitTable';
import { TipFeedbackTable } from './TipFeedbackTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& p, & h2, & h3': { margin: 0 } },
  intro: { maxWidth: '48rem' },
  facts: { color: tokens.colorNeutralForeground2 },
  empty: { maxWidth: '40rem', gap: tokens.spacingVerticalS },
});

/**
 * Whether the tips help: the latest cohort's effect for the municipality in words, per unit, and what
 * staff answered under each tip. Before the first cohort is measured, it says when there will be figures.
 */
export function EffectSection(props: { effect: NudgeEffect; measureAfterDays: number }) {
  const { t } = useTranslation();
  const format = useEffectFormat();
  const styles = useStyles();
  const { cohort, minGroupSize } = props.effect;
  return (
    <section className={styles.section} aria-labelledby="nudge-effect-heading" data-testid="nudge-effect">
      <Subtitle1 as="h2" id="nudge-effect-heading">{t('nudges.effect.heading')}</Subtitle1>
      <Body1 as="p" className={styles.intro}>{t('nudges.effect.intro', { minGroupSize })}</Body1>
      {!cohort ? (
        <Card className={styles.empty} data-testid="effect-empty">
          <Subtitle2 as="h3">{t('nudges.effect.empty.heading')}</Subtitle2>
          <Body1 as="p">{t('nudges.effect.empty.body', { count: props.measureAfterDays })}</Body1>
        </Card>
      ) : (
        <>
          <Caption1 as="p" className={styles.facts} data-testid="effect-facts">
            {cohort.measuredOn
              ? t('nudges.effect.factsMeasured', { began: format.date(cohort.cohortDay), measured: format.date(cohort.measuredOn), inactiveBefore: format.date(cohort.inactiveBefore) })
              : t('nudges.effect.factsBegun', { began: format.date(cohort.cohortDay), inactiveBefore: format.date(cohort.inactiveBefore), count: props.measureAfterDays })}
          </Caption1>
          <EffectSummary figures={cohort.whole} minGroupSize={minGroupSize} measured={cohort.measuredOn !== null} />
          <Subtitle2 as="h3" id="nudge-effect-units">{t('nudges.effect.units.heading')}</Subtitle2>
          {cohort.units.length > 0 ? (
            <EffectUnitTable units={cohort.units} minGroupSize={minGroupSize} measured={cohort.measuredOn !== null} labelledBy="nudge-effect-units" />
          ) : (
            <Body1 as="p">{t('nudges.effect.units.none')}</Body1>
          )}
        </>
      )}
      <Subtitle2 as="h3" id="nudge-feedback-heading">{t('nudges.feedback.heading')}</Subtitle2>
      <Body1 as="p" className={styles.intro}>{t('nudges.feedback.intro', { minGroupSize })}</Body1>
      <TipFeedbackTable tips={props.effect.tips} minGroupSize={minGroupSize} labelledBy="nudge-feedback-heading" />
    </section>
  );
}
