import { Dropdown, makeStyles, Option } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, type Locale } from '../i18n';

const useStyles = makeStyles({
  picker: { display: 'flex', alignItems: 'center', gap: '0.5rem' },
  dropdown: { minWidth: '10rem' },
});

/** The four languages, each named in itself, so a person finds their own whatever is showing. */
export function LanguagePicker(props: { locale: Locale; onLocale: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const label = useId();
  return (
    <div className={styles.picker}>
      <label id={label}>{t('language')}</label>
      <Dropdown
        className={styles.dropdown}
        aria-labelledby={label}
        value={LOCALE_NAMES[props.locale]}
        selectedOptions={[props.locale]}
        onOptionSelect={(_, data) => data.optionValue && props.onLocale(data.optionValue as Locale)}
      >
        {LOCALES.map((locale) => (
          <Option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
