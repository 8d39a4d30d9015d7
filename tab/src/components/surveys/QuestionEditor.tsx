import { Button, Caption1, Checkbox, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import { moved, newOption, withKind, type DraftQuestion, type Translate } from '../../surveys/draft';
import { MAX_OPTIONS, MIN_OPTIONS, QUESTION_KINDS, type QuestionKind } from '../../surveys/types';
import { LocalizedField } from './LocalizedField';

const useStyles = makeStyles({
  question: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1,
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  options: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingLeft: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  scale: { color: tokens.colorNeutralForeground2 },
});

export interface QuestionEditorProps {
  question: DraftQuestion;
  index: number;
  count: number;
  primary: Locale;
  translate: Translate;
  onChange: (question: DraftQuestion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The form's own check for this question, if any. */
  problem?: string;
}

/** One question: its kind, text in four languages, whether required, its options; moved up or down, or removed. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { question: q, index } = props;
  const n = index + 1;
  const set = (patch: Partial<DraftQuestion>) => props.onChange({ ...q, ...patch });
  const options = q.kind === 'single' || q.kind === 'multiple';
  return (
    <section className={styles.question} aria-labelledby={`q-${q.key}-heading`} id={`question-${q.key}`} tabIndex={-1} data-testid="question-editor">
      <div className={styles.head}>
        <Subtitle2 as="h4" id={`q-${q.key}-heading`}>{t('surveys.editor.questionN', { n })}</Subtitle2>
        <div className={styles.tools}>
          <Button size="small" disabled={index === 0} onClick={() => props.onMove(index - 1)} aria-label={t('surveys.editor.moveUpN', { n })}>{t('surveys.editor.moveUp')}</Button>
          <Button size="small" disabled={index === props.count - 1} onClick={() => props.onMove(index + 1)} aria-label={t('surveys.editor.moveDownN', { n })}>{t('surveys.editor.moveDown')}</Button>
          <Button size="small" disabled={props.count === 1} onClick={props.onRemove} aria-label={t('surveys.editor.removeN', { n })}>{t('surveys.editor.remove')}</Button>
        </div>
      </div>
      <div className={styles.row}>
        <Field label={t('surveys.editor.kind')}>
          <Select value={q.kind} onChange={(_, data) => props.onChange(withKind(q, data.value as QuestionKind, props.translate))}>
            {QUESTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>{t(`surveys.kinds.${kind}`)}</option>
            ))}
          </Select>
        </Field>
        <Checkbox checked={q.required} onChange={(_, data) => set({ required: data.checked === true })} label={t('surveys.editor.required')} />
        {q.kind === 'text' && (
          <Field label={t('surveys.editor.maxLength')}>
            <Input type="number" min={10} max={1000} value={String(q.maxLength)} onChange={(_, data) => set({ maxLength: Number(data.value) })} />
          </Field>
        )}
      </div>
      <LocalizedField label={t('surveys.editor.questionText')} value={q.text} onChange={(text) => set({ text })} primary={props.primary} multiline required maxLength={300} validation={props.problem} />
      {q.kind === 'likert' && <Caption1 className={styles.scale}>{t('surveys.editor.likertScale')}</Caption1>}
      {q.kind === 'enps' && <Caption1 className={styles.scale}>{t('surveys.editor.enpsScale')}</Caption1>}
      {options && (
        <fieldset className={styles.options} style={{ border: 'none' }}>
          <legend>{t('surveys.editor.options', { min: MIN_OPTIONS, max: MAX_OPTIONS })}</legend>
          <ul className={styles.options}>
            {q.options.map((option, i) => (
              <li key={option.key} className={styles.option}>
                <LocalizedField label={t('surveys.editor.optionN', { n: i + 1 })} value={option.text} onChange={(text) => set({ options: q.options.map((o) => (o.key === option.key ? { ...o, text } : o)) })} primary={props.primary} required maxLength={120} />
                <div className={styles.tools}>
                  <Button size="small" disabled={i === 0} onClick={() => set({ options: moved(q.options, i, i - 1) })} aria-label={t('surveys.editor.moveOptionUp', { n: i + 1 })}>{t('surveys.editor.moveUp')}</Button>
                  <Button size="small" disabled={q.options.length <= MIN_OPTIONS} onClick={() => set({ options: q.options.filter((o) => o.key !== option.key) })} aria-label={t('surveys.editor.removeOption', { n: i + 1 })}>{t('surveys.editor.remove')}</Button>
                </div>
              </li>
            ))}
          </ul>
          <Button size="small" disabled={q.options.length >= MAX_OPTIONS} onClick={() => set({ options: [...q.options, newOption(props.translate, q.options)] })}>
            {t('surveys.editor.addOption')}
          </Button>
        </fieldset>
      )}
    </section>
  );
}
