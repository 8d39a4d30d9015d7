import { Button, Dropdown, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from './api';
import { LOCALE_NAMES, LOCALES, type Locale } from './i18n';
import { ComingSoon } from './pages/ComingSoon';
import { Home } from './pages/Home';
import { Privacy } from './pages/Privacy';
import { pagesFor, usePage } from './routes';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  language: { minWidth: '10rem' },
  body: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start' },
  nav: { flex: '0 0 13rem', padding: tokens.spacingVerticalM, '@media (max-width: 640px)': { flex: '1 1 100%', padding: tokens.spacingVerticalS } },
  navList: {
    listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS,
    '@media (max-width: 640px)': { flexDirection: 'row', flexWrap: 'wrap' },
  },
  navLink: {
    display: 'block', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1, textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // The current page is marked by a bar, not by colours, which fail contrast in the dark and high-contrast themes.
  current: { fontWeight: tokens.fontWeightSemibold, boxShadow: `inset 3px 0 0 ${tokens.colorCompoundBrandStroke}` },
  main: { flex: '1 1 20rem', minWidth: 0, padding: tokens.spacingHorizontalXL, '@media (max-width: 640px)': { padding: tokens.spacingHorizontalM } },
});

/** The frame around every page: header with language and sign-out, role-based navigation, the page. */
export function Shell(props: { me: Me; minGroupSize: number; locale: Locale; onLocale: (l: Locale) => void; onSignOut?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const page = usePage();
  const languageLabel = useId();
  const pages = pagesFor(props.me.roles);
  const shown = pages.includes(page) ? page : 'home';
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Text className={styles.brand}>{t('appName')}</Text>
        <div className={styles.tools}>
          <label id={languageLabel}>{t('language')}</label>
          <Dropdown
            className={styles.language}
            aria-labelledby={languageLabel}
            value={LOCALE_NAMES[props.locale]}
            selectedOptions={[props.locale]}
            onOptionSelect={(_, data) => data.optionValue && props.onLocale(data.optionValue as Locale)}
          >
            {LOCALES.map((l) => (
              <Option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </Option>
            ))}
          </Dropdown>
          {props.onSignOut && (
            <Button appearance="secondary" onClick={props.onSignOut}>
              {t('signOut')}
            </Button>
          )}
        </div>
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label={t('nav.label')}>
          <ul className={styles.navList}>
            {pages.map((p) => (
              <li key={p}>
                <a href={`#/${p}`} className={`${styles.navLink} ${p === shown ? styles.current : ''}`} aria-current={p === shown ? 'page' : undefined}>
                  {t(`nav.${p}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className={styles.main}>
          {shown === 'home' ? <Home me={props.me} /> : shown === 'privacy' ? <Privacy minGroupSize={props.minGroupSize} /> : <ComingSoon page={shown} />}
        </main>
      </div>
    </div>
  );
}
