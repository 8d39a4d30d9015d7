import { Body1, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** The privacy promises, in plain words, for everyone. */
export function Privacy({ minGroupSize }: { minGroupSize: number }) {
  const { t } = useTranslation();
  const points = t('privacy.points', { returnObjects: true, minGroupSize }) as string[];
  return (
    <>
      <Title2 as="h1">{t('privacy.heading')}</Title2>
      <ul>
        {points.map((point) => (
          <li key={point}>
            <Body1>{point}</Body1>
          </li>
        ))}
      </ul>
    </>
  );
}
