import { Body1, Link, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PointList } from '../components/PointList';

/** The privacy promises from the design, in plain words, for everyone (also before signing in). */
export function Privacy({ minGroupSize }: { minGroupSize: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Title2 as="h1" block>
        {t('privacy.heading')}
      </Title2>
      <Body1 as="p" block>
        {t('privacy.intro')}
      </Body1>
      <PointList points={t('privacy.points', { returnObjects: true, minGroupSize }) as string[]} testId="privacy-points" />
      <Link href="#/terms">{t('nav.terms')}</Link>
    </>
  );
}
