import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Frame, type FrameProps } from './components/Frame';
import { Nav } from './components/Nav';
import { ComingSoon } from './pages/ComingSoon';
import { Home } from './pages/Home';
import { Privacy } from './pages/Privacy';
import { Terms } from './pages/Terms';
import { pagesFor, usePage, type Page } from './routes';
import { SessionContext, type Session } from './session';

/** Signed in: the frame with the role-based menu around the current page. */
export function Shell(props: { session: Session; frame: FrameProps; onSignOut?: () => void }) {
  const { t } = useTranslation();
  const requested = usePage();
  const pages = pagesFor(props.session.me.roles);
  // A page this person's roles do not use (an old bookmark, say) shows the overview instead.
  const page: Page = pages.includes(requested) || requested === 'terms' ? requested : 'home';
  useFocusOnNavigation(page);
  return (
    <SessionContext.Provider value={props.session}>
      <Frame title={page === 'home' ? t('appName') : t(`nav.${page}`)} {...props.frame} onSignOut={props.onSignOut} nav={<Nav pages={pages} current={page} />}>
        {page === 'home' ? (
          <Home me={props.session.me} pages={pages} />
        ) : page === 'privacy' ? (
          <Privacy minGroupSize={props.session.config.minGroupSize ?? 5} />
        ) : page === 'terms' ? (
          <Terms />
        ) : (
          <ComingSoon page={page} />
        )}
      </Frame>
    </SessionContext.Provider>
  );
}

/** After a move to another page (not on first load), focus its heading so a screen reader reads the new page. */
function useFocusOnNavigation(page: Page) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, [page]);
}
