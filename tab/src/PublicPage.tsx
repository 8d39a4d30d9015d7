import { Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Frame, type FrameProps } from './components/Frame';
import { Privacy } from './pages/Privacy';
import { Terms } from './pages/Terms';

/** Privacy and terms before signing in: Teams shows them from the app's details, to anyone. */
export function PublicPage(props: { page: 'privacy' | 'terms'; minGroupSize?: number; frame: FrameProps }) {
  const { t } = useTranslation();
  return (
    <Frame title={t(`nav.${props.page}`)} {...props.frame}>
      {props.page === 'privacy' ? <Privacy minGroupSize={props.minGroupSize ?? 5} /> : <Terms />}
      <p>
        <Link href="#/">{t('back')}</Link>
      </p>
    </Frame>
  );
}
