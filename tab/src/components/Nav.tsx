import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Page } from '../routes';

const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  nav: { flex: '0 0 13rem', padding: tokens.spacingVerticalM, boxSizing: 'border-box', [PHONE]: { flex: '1 1 100%', padding: tokens.spacingVerticalS } },
  list: {
    listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS,
    // On a phone the menu becomes rows of links above the page, so nothing is hidden behind a button.
    [PHONE]: { flexDirection: 'row', flexWrap: 'wrap' },
  },
  link: {
    display: 'block', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1, textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  // The current page is marked by a bar and weight, not by colour alone (colours fail contrast in the dark and high-contrast themes).
  current: { fontWeight: tokens.fontWeightSemibold, boxShadow: `inset 3px 0 0 ${tokens.colorCompoundBrandStroke}` },
});

/** The menu: the pages this person's roles use, the current one marked for eyes and screen readers. */
export function Nav(props: { pages: Page[]; current: Page }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label={t('nav.label')}>
      <ul className={styles.list}>
        {props.pages.map((page) => (
          <li key={page}>
            <a
              href={`#/${page}`}
              className={page === props.current ? `${styles.link} ${styles.current}` : styles.link}
              aria-current={page === props.current ? 'page' : undefined}
            >
              {t(`nav.${page}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
