import { useTranslation } from 'react-i18next';
import { enpsParts, likertParts } from './results';
import { useLocalized } from './text';
import type { Question, QuestionResult } from './types';
import { useFormat } from '../adoption/format';
import type { BarPart } from '../components/surveys/StackedBar';

/** Names of a question's answer values, and its distribution read as a bar with words. */
export function useAnswerLabels() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const format = useFormat();

  const value = (question: Question, raw: string) => {
    if (question.kind === 'likert') return t(`surveys.likert.${raw}`, { defaultValue: raw });
    if (question.kind === 'single' || question.kind === 'multiple') {
      const option = question.options.find((o) => o.id === raw);
      return option ? pick(option.text) : t('surveys.results.removedOption', { id: raw });
    }
    return raw;
  };

  /** A Likert or eNPS result as bar parts and a one-line reading ("62 % agree, 14 % neutral, 24 % disagree"). */
  const bar = (question: Question, result: QuestionResult): { parts: BarPart[]; summary: string } | undefined => {
    if (question.kind === 'likert') {
      const count = (v: string) => result.distribution.find((d) => d.value === v)?.count ?? 0;
      const share = (v: string) => (result.answered > 0 ? count(v) / result.answered : 0);
      const parts = likertParts(result);
      return {
        parts: [
          { key: '1', share: share('1'), tone: 'againstStrong' },
          { key: '2', share: share('2'), tone: 'against' },
          { key: '3', share: share('3'), tone: 'neutral' },
          { key: '4', share: share('4'), tone: 'for' },
          { key: '5', share: share('5'), tone: 'forStrong' },
        ],
        summary: t('surveys.results.likertSummary', { agree: format.percent(parts.agree), neutral: format.percent(parts.neutral), disagree: format.percent(parts.disagree) }),
      };
    }
    if (question.kind === 'enps') {
      const parts = enpsParts(result);
      return {
        parts: [
          { key: 'detractors', share: parts.detractors, tone: 'againstStrong' },
          { key: 'passives', share: parts.passives, tone: 'neutral' },
          { key: 'promoters', share: parts.promoters, tone: 'forStrong' },
        ],
        summary: t('surveys.results.enpsSummary', { promoters: format.percent(parts.promoters), passives: format.percent(parts.passives), detractors: format.percent(parts.detractors) }),
      };
    }
    return undefined;
  };

  return { value, bar };
}
