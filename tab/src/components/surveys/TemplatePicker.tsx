import { Caption1, makeStyles, Radio, RadioGroup, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useTemplates } from '../../surveys/hooks';
import { useLocalized } from '../../surveys/text';
import type { SurveyTemplate, TemplateId } from '../../surveys/types';
import { LoadProblem } from './LoadProblem';

const useStyles = makeStyles({
  choice: { display: 'flex', flexDirection: 'column' },
  description: { color: tokens.colorNeutralForeground2, paddingLeft: '2rem', marginTop: `calc(${tokens.spacingVerticalXS} * -1)`, marginBottom: tokens.spacingVerticalS },
});

/** Start from one of the shipped templates (each with what it is for), or from scratch. */
export function TemplatePicker(props: { value: TemplateId | 'scratch' | null; onPick: (template: SurveyTemplate | 'scratch') => void; labelledBy: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { pick } = useLocalized();
  const templates = useTemplates();
  if (templates.kind === 'loading') return <Spinner size="small" label={t('surveys.editor.templatesLoading')} />;
  if (templates.kind === 'failed') return <LoadProblem error={templates.error} onRetry={templates.retry} what="templates" />;
  const list = templates.data.templates;
  return (
    <RadioGroup
      aria-labelledby={props.labelledBy}
      value={props.value ?? ''}
      onChange={(_, data) => props.onPick(data.value === 'scratch' ? 'scratch' : list.find((tpl) => tpl.id === data.value)!)}
      data-testid="template-picker"
    >
      {list.map((template) => (
        <div key={template.id} className={styles.choice}>
          <Radio value={template.id} label={pick(template.definition.title)} aria-describedby={`template-${template.id}`} />
          <Caption1 id={`template-${template.id}`} className={styles.description}>
            {pick(template.description)} {t(`surveys.editor.suggested.${template.suggested.recurrence}`, { count: template.suggested.openDays })}
          </Caption1>
        </div>
      ))}
      <div className={styles.choice}>
        <Radio value="scratch" label={t('surveys.editor.scratch')} aria-describedby="template-scratch" />
        <Caption1 id="template-scratch" className={styles.description}>{t('surveys.editor.scratchHint')}</Caption1>
      </div>
    </RadioGroup>
  );
}
