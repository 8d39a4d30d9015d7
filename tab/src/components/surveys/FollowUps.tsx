import { Body1, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';
import { useLocalized } from '../../surveys/text';
import type { RoundSummary, SurveyFollowUp } from '../../surveys/types';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& p': { margin: 0 } },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, breakInside: 'avoid',
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/**
 * "You said, we did": what was done after the survey's rounds, the shown round's first, then newest
 * first, each in the reader's language and marked with its round.
 */
export function FollowUps(props: { followUps: SurveyFollowUp[]; rounds: RoundSummary[]; currentRoundId: string; headingId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const { pick } = useLocalized();
  const numberOf = (roundId: string) => props.rounds.find((r) => r.id === roundId)?.number;
  const current = (f: SurveyFollowUp) => (f.roundId === props.currentRoundId ? 0 : 1);
  const newestFirst = [...props.followUps].sort((a, b) => current(a) - current(b) || b.writtenOn.localeCompare(a.writtenOn) || (numberOf(b.roundId) ?? 0) - (numberOf(a.roundId) ?? 0));
  return (
    <section className={styles.section} aria-labelledby={props.headingId} data-testid="follow-ups">
      <Subtitle1 as="h2" id={props.headingId}>{t('surveys.followUps.heading')}</Subtitle1>
      {newestFirst.length === 0 ? (
        <Body1 as="p">{t('surveys.followUps.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {newestFirst.map((followUp) => (
            <li key={followUp.id} className={styles.item} data-testid="follow-up" data-round-id={followUp.roundId}>
              <Caption1 className={styles.meta}>{t('surveys.followUps.round', { n: numberOf(followUp.roundId) ?? '?' })}</Caption1>
              <Body1 className={styles.text}>{pick(followUp.text)}</Body1>
              <Caption1 className={styles.meta}>
                {t('surveys.followUps.writtenBy', {
                  role: t(`roles.${followUp.writtenBy.role}`),
                  name: followUp.writtenBy.name ?? '',
                  date: format.day(followUp.writtenOn),
                  context: followUp.writtenBy.name ? 'named' : undefined,
                })}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </section>
  );
}
