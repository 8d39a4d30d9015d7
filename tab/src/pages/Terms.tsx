import { Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PointList } from '../components/PointList';

/** The terms of use the Teams manifest links to (termsOfUseUrl). */
export function Terms() {
  const { t } = useTranslation();
  return (
    <>
      <Title2 as="h1" block>
        {t('terms.heading')}
      </Title2>
      <PointList points={t('terms.points', { returnObjects: true }) as string[]} />
    </>
  );
}
