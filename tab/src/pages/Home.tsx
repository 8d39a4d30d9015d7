import { Badge, Body1, Card, CardHeader, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))' },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Who you are: the first screen after sign-in. */
export function Home({ me }: { me: Me }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      <Title2 as="h1">{t('home.heading', { name: me.name })}</Title2>
      <div className={styles.grid}>
        <Card>
          <CardHeader header={<Subtitle2 as="h2">{t('home.you')}</Subtitle2>} />
          <Body1 data-testid="me-name">{me.name}</Body1>
          {me.upn && <Text>{me.upn}</Text>}
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
            <ul className={styles.list}>
              {me.units.map((unit) => (
                <li key={unit.id}>
                  <Body1>{unit.path.join(' / ')}</Body1>
                </li>
              ))}
            </ul>
          ) : (
            <Body1>{t('home.noUnit')}</Body1>
          )}
        </Card>
      </div>
    </>
  );
}
