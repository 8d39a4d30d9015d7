import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';
import { useAnswerLabels } from '../../surveys/labels';
import { resultOf } from '../../surveys/results';
import { useLocalized } from '../../surveys/text';
import type { GroupResults, Question, QuestionResult } from '../../surveys/types';
import { DistributionTable } from './DistributionTable';
import { FreeTexts } from './FreeTexts';
import { StackedBar } from './StackedBar';

const useStyles = makeStyles({
  question: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    breakInside: 'avoid',
    '& p': { margin: 0 },
  },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, margin: 0, '& dd': { margin: 0 } },
  figure: { display: 'flex', flexDirection: 'column' },
  term: { color: tokens.colorNeutralForeground2 },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
});

/** Who a column of figures is about. */
export interface Subject {
  name: string;
  results: GroupResults;
}

/**
 * One question's results for the chosen group, and beside it the whole municipality's when a unit is
 * chosen: the mean or eNPS, a bar per group with its reading in words, and the full distribution.
 */
export function QuestionResults(props: { question: Question; index: number; subject: Subject; compare?: Subject; minGroupSize: number; printing?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const labels = useAnswerLabels();
  const { pick } = useLocalized();
  const heading = useId();
  const { question } = props;
  const groups = [props.subject, props.compare].filter((g): g is Subject => Boolean(g));
  const results = groups.flatMap((g) => {
    const result = resultOf(g.results, question.id);
    return result ? [{ name: g.name, result }] : [];
  });
  const main = results[0]?.result;

  return (
    <section className={styles.question} aria-labelledby={heading} data-testid="question-result" data-question-id={question.id}>
      <Subtitle2 as="h3" id={heading} className={styles.heading}>
        {t('surveys.results.questionHeading', { n: props.index + 1, text: pick(question.text) })}
      </Subtitle2>
      <Caption1 className={styles.meta}>
        {t(`surveys.kinds.${question.kind}`)} · {t('surveys.results.answered', { count: main?.answered ?? 0, n: format.number(main?.answered ?? 0) })}
      </Caption1>
      {(question.kind === 'likert' || question.kind === 'enps') && results.length > 0 && (
        <dl className={styles.figures}>
          {results.map(({ name, result }) => (
            <div key={name} className={styles.figure} data-figure={question.kind}>
              <dt className={styles.term}><Caption1>{t(question.kind === 'likert' ? 'surveys.results.meanOf' : 'surveys.results.enpsOf', { name })}</Caption1></dt>
              <dd><Body1><strong>{keyFigure(question, result, format)}</strong></Body1></dd>
            </div>
          ))}
        </dl>
      )}
      {results.length > 0 && labels.bar(question, results[0]!.result) && (
        <div className={styles.bars}>
          {results.map(({ name, result }) => {
            const bar = labels.bar(question, result)!;
            return <StackedBar key={name} label={name} summary={bar.summary} parts={bar.parts} testId="stacked-bar" />;
          })}
        </div>
      )}
      {question.kind === 'text' ? (
        <FreeTexts result={main} minGroupSize={props.minGroupSize} printing={props.printing} />
      ) : results.length > 0 ? (
        <DistributionTable question={question} columns={results} label={t('surveys.results.distributionRegion', { n: props.index + 1 })} />
      ) : (
        <Body1 as="p">{t('surveys.results.noAnswers')}</Body1>
      )}
    </section>
  );
}

type Format = ReturnType<typeof useSurveyFormat>;

function keyFigure(question: Question, result: QuestionResult, format: Format): string {
  if (question.kind === 'likert') return result.mean === undefined ? '–' : format.mean(result.mean);
  return result.enps === undefined ? '–' : format.enps(result.enps);
}
