import { Badge, Body1, Card, CardHeader, Link, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api';
import { DigestSettings } from '../components/digest/DigestSettings';
import type { ComingPage, Page } from '../routes';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  grid: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))' },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Long e-mail addresses and unit paths wrap instead of widening the page on a phone.
  wrap: { overflowWrap: 'anywhere' },
});

const isComing = (page: Page): page is ComingPage => page !== 'home' && page !== 'privacy' && page !== 'terms';

/** Who you are and what you can do here: the first screen after sign-in. */
export function Home({ me, pages }: { me: Me; pages: Page[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const coming = pages.filter(isComing);
  return (
    <div className={styles.page}>
      <Title2 as="h1" block className={styles.heading}>{t('home.heading', { name: me.name })}</Title2>
      <div className={styles.grid}>
        <Card>
          <CardHeader header={<Subtitle2 as="h2">{t('home.you')}</Subtitle2>} />
          <Body1 data-testid="me-name" className={styles.wrap}>
            {me.name}
          </Body1>
          {me.upn && <Text className={styles.wrap}>{me.upn}</Text>}
        </Card>
        <Card>
          <CardHeader header={<Subtitle2 as="h2">{t('home.roles')}</Subtitle2>} />
          <div className={styles.roles} data-testid="me-roles">
            {me.roles.map((role) => (
              <Badge key={role} appearance={role === 'Staff' ? 'outline' : 'filled'} color={role === 'Staff' ? 'informative' : 'brand'} size="large">
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </div>
        </Card>
        <Card>
          <CardHeader header={<Subtitle2 as="h2">{t('home.units')}</Subtitle2>} />
          {me.units.length ? (
            <ul className={styles.list} data-testid="me-units">
              {me.units.map((unit) => (
                <li key={unit.id}>
                  <Body1 className={styles.wrap}>{unit.path.join(' / ')}</Body1>
                </li>
              ))}
            </ul>
          ) : (
            <Body1>{t('home.noUnit')}</Body1>
          )}
        </Card>
      </div>
      {/* A unit lead lands here: the weekly digest is theirs to time or turn off. */}
      {me.roles.includes('UnitLead') && <DigestSettings />}
      <Card>
        <CardHeader header={<Subtitle2 as="h2">{t('home.next')}</Subtitle2>} />
        <ul className={styles.list}>
          {coming.length === 0 && (
            <li>
              <Body1>{t('home.staff')}</Body1>
            </li>
          )}
          {coming.map((page) => (
            <li key={page}>
              <Link inline href={`#/${page}`}>{t(`nav.${page}`)}</Link>
              <Body1>: {t(`coming.${page}`)}</Body1>
            </li>
          ))}
          <li>
            <Link href="#/privacy">{t('privacy.heading')}</Link>
          </li>
        </ul>
      </Card>
    </div>
  );
}
