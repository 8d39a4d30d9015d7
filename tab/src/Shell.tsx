import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Frame, type FrameProps } from './components/Frame';
import { Nav } from './components/Nav';
import { useFocusHeadingOn } from './focus-heading';
import { ComingSoon } from './pages/ComingSoon';
import { Home } from './pages/Home';
import { NotForRole } from './pages/NotForRole';
import { Privacy } from './pages/Privacy';
import { Terms } from './pages/Terms';
import { pagesFor, usePage, type Page } from './routes';
import { SessionContext, type Session } from './session';

// Loaded when first opened: its charts are a large part of the tab's code, and most people never need them.
const Adoption = lazy(() => import('./pages/Adoption').then((module) => ({ default: module.Adoption })));
const Surveys = lazy(() => import('./pages/Surveys').then((module) => ({ default: module.Surveys })));
const Reach = lazy(() => import('./pages/Reach').then((module) => ({ default: module.Reach })));
const Nudges = lazy(() => import('./pages/Nudges').then((module) => ({ default: module.Nudges })));

/** Signed in: the frame with the role-based menu around the current page. */
export function Shell(props: { session: Session; frame: FrameProps; onSignOut?: () => void }) {
  const { t } = useTranslation();
  const requested = usePage();
  const pages = pagesFor(props.session.me.roles);
  // A page this person's roles do not use (a shared link, an old bookmark) says so, under its own name.
  const page: Page = requested;
  const allowed = pages.includes(requested) || requested === 'terms';
  useFocusHeadingOn(page);
  return (
    <SessionContext.Provider value={props.session}>
      <Frame title={page === 'home' ? t('appName') : t(`nav.${page}`)} {...props.frame} onSignOut={props.onSignOut} nav={<Nav pages={pages} current={page} />}>
        {!allowed ? (
          <NotForRole page={page} roles={props.session.me.roles} />
        ) : page === 'home' ? (
          <Home me={props.session.me} pages={pages} />
        ) : page === 'privacy' ? (
          <Privacy minGroupSize={props.session.config.minGroupSize ?? 5} />
        ) : page === 'terms' ? (
          <Terms />
        ) : page === 'adoption' ? (
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <Adoption />
          </Suspense>
        ) : page === 'surveys' ? (
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <Surveys />
          </Suspense>
        ) : page === 'reach' ? (
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <Reach />
          </Suspense>
        ) : page === 'nudges' ? (
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <Nudges />
          </Suspense>
        ) : (
          <ComingSoon page={page} />
        )}
      </Frame>
    </SessionContext.Provider>
  );
}

