import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../i18n';
import { LanguagePicker } from './LanguagePicker';

const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  skip: {
    position: 'absolute', left: '-10000px', top: 'auto', zIndex: 1, padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1,
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  body: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start' },
  main: {
    flex: '1 1 20rem', minWidth: 0, maxWidth: '72rem', padding: tokens.spacingHorizontalXL, boxSizing: 'border-box',
    ':focus': { outlineStyle: 'none' },
    '& h1': { marginTop: 0 },
    [PHONE]: { padding: tokens.spacingHorizontalM },
  },
});

/** What every screen passes on to its frame: the language shown and how to change it. */
export interface FrameProps {
  locale: Locale;
  onLocale: (locale: Locale) => void;
}

/**
 * Every screen's frame: a skip link, the header (name, language, sign-out), the menu when signed in,
 * and the main content. The document title names the page, so tabs and screen readers tell them apart.
 */
export function Frame(props: FrameProps & { title: string; onSignOut?: () => void; nav?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = props.title === t('appName') ? props.title : `${props.title} – ${t('appName')}`;
  }, [props.title, t]);
  return (
    <div className={styles.page}>
      {/* Not href="#main": the hash is the tab's route. */}
      <a
        href="#"
        className={styles.skip}
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <header className={styles.header}>
        <Text className={styles.brand}>{t('appName')}</Text>
        <div className={styles.tools}>
          <LanguagePicker locale={props.locale} onLocale={props.onLocale} />
          {props.onSignOut && (
            <Button appearance="secondary" onClick={props.onSignOut}>
              {t('signOut')}
            </Button>
          )}
        </div>
      </header>
      <div className={styles.body}>
        {props.nav}
        <main ref={main} tabIndex={-1} className={styles.main}>
          {props.children}
        </main>
      </div>
    </div>
  );
}
