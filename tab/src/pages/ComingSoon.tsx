import { Badge, Body1, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Page } from '../routes';

/** A page a later feature fills; it says what it will show. */
export function ComingSoon({ page }: { page: Exclude<Page, 'home' | 'privacy'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Title2 as="h1">{t(`nav.${page}`)}</Title2>
      <p>
        <Badge appearance="tint" color="informative">{t('coming.soon')}</Badge>
      </p>
      <Body1 as="p">{t(`coming.${page}`)}</Body1>
    </>
  );
}
