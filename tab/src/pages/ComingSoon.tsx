import { Badge, Body1, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ComingPage } from '../routes';

/** A page a later feature fills; until then it says what it will show. */
export function ComingSoon({ page }: { page: ComingPage }) {
  const { t } = useTranslation();
  return (
    <>
      <Title2 as="h1" block>{t(`nav.${page}`)}</Title2>
      <p>
        <Badge appearance="tint" color="informative">
          {t('coming.soon')}
        </Badge>
      </p>
      <Body1 as="p" block>{t(`coming.${page}`)}</Body1>
    </>
  );
}
