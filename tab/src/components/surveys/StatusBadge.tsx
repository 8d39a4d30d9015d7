import { Badge } from '@fluentui/react-components';
import { useSurveyFormat } from '../../surveys/format';
import type { SurveySummary } from '../../surveys/types';

const COLOR = { scheduled: 'informative', open: 'success', ended: 'subtle' } as const;

/** Scheduled, open or ended, in words (the colour only repeats it). */
export function StatusBadge(props: { survey: Pick<SurveySummary, 'status' | 'closedEarlyAt'> }) {
  const format = useSurveyFormat();
  return (
    <Badge appearance="tint" color={COLOR[props.survey.status]} data-testid="survey-status">
      {format.status(props.survey)}
    </Badge>
  );
}
