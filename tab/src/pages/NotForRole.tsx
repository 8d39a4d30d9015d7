import { Body1, Link, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api';
import { PAGES, type Page } from '../routes';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem', '& h1, & p': { margin: 0 } },
});

/**
 * A page this person's roles do not use, opened by its address (a shared link, an old bookmark): says
 * whose page it is and which roles they have, rather than showing something else without a word.
 */
export function NotForRole(props: { page: Page; roles: Role[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const entry = PAGES.find((p) => p.page === props.page);
  const forRoles = entry && entry.roles !== 'everyone' ? entry.roles : [];
  const list = (roles: readonly Role[]) => roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <div className={styles.page} data-testid="not-for-role">
      <Title2 as="h1" block>{t(`nav.${props.page}`)}</Title2>
      <Body1 as="p">{t('notForRole.body', { roles: list(forRoles), count: forRoles.length })}</Body1>
      <Body1 as="p">{t('notForRole.yours', { roles: list(props.roles) })}</Body1>
      <Body1 as="p">{t('notForRole.ask')}</Body1>
      <Link href="#/home">{t('notForRole.home')}</Link>
    </div>
  );
}
