import { Caption1, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n';
import type { LocalizedText } from '../../surveys/types';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  details: { paddingLeft: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  summary: {
    cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0`, color: tokens.colorBrandForegroundLink,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  others: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface LocalizedFieldProps {
  label: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  /** The language written in: shown first; blank languages take its text when saved. */
  primary: Locale;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  /** A message from the form's own checks, shown under the field. */
  validation?: string;
  /** The id of the main input, for focus after a failed check. */
  id?: string;
}

/**
 * A text in four languages: the one written in, and the other three behind "Other languages". A blank
 * language says which text it will get, so nobody has to translate to save, and nothing goes out empty.
 */
export function LocalizedField(props: LocalizedFieldProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const others = LOCALES.filter((l) => l !== props.primary);
  const missing = others.filter((l) => !props.value[l].trim());
  const set = (locale: Locale, text: string) => props.onChange({ ...props.value, [locale]: text });
  const input = (locale: Locale, label: string, id?: string, placeholder?: string) => {
    const common = { id, value: props.value[locale], maxLength: props.maxLength, placeholder, lang: locale };
    return (
      <Field key={locale} label={label} required={locale === props.primary && props.required} validationMessage={locale === props.primary ? props.validation : undefined}>
        {props.multiline ? (
          <Textarea {...common} resize="vertical" onChange={(_, data) => set(locale, data.value)} />
        ) : (
          <Input {...common} onChange={(_, data) => set(locale, data.value)} />
        )}
      </Field>
    );
  };
  return (
    <div className={styles.field}>
      {input(props.primary, t('surveys.editor.inLanguage', { label: props.label, language: LOCALE_NAMES[props.primary] }), props.id)}
      <details className={styles.details}>
        <summary className={styles.summary}>
          {missing.length === 0 ? t('surveys.editor.otherLanguages') : t('surveys.editor.otherLanguagesMissing', { count: missing.length })}
        </summary>
        <div className={styles.others}>
          <Caption1 className={styles.hint}>{t('surveys.editor.blankTakes', { language: LOCALE_NAMES[props.primary] })}</Caption1>
          {others.map((locale) => input(locale, t('surveys.editor.inLanguage', { label: props.label, language: LOCALE_NAMES[locale] }), undefined, props.value[props.primary]))}
        </div>
      </details>
    </div>
  );
}
