import { useEffect, useState } from 'react';
import type { Role } from './api';

export type Page = 'home' | 'reach' | 'adoption' | 'surveys' | 'nudges' | 'settings' | 'privacy' | 'terms';

/** The pages a later feature fills; until then each says what it will show. */
export type ComingPage = Exclude<Page, 'home' | 'privacy' | 'terms'>;

/** Who sees which page in the menu. Everyone sees the overview and privacy. */
export const PAGES: Array<{ page: Page; roles: Role[] | 'everyone' }> = [
  { page: 'home', roles: 'everyone' },
  { page: 'reach', roles: ['Communicator', 'UnitLead', 'AdoptionAdmin'] },
  { page: 'adoption', roles: ['UnitLead', 'AdoptionAdmin'] },
  { page: 'surveys', roles: ['Communicator', 'UnitLead', 'AdoptionAdmin', 'SafetyRep'] },
  { page: 'nudges', roles: ['AdoptionAdmin'] },
  { page: 'settings', roles: ['AdoptionAdmin'] },
  { page: 'privacy', roles: 'everyone' },
];

/** Pages anyone may read without signing in: the Teams manifest links them (privacyUrl, termsOfUseUrl). */
export const PUBLIC_PAGES: readonly Page[] = ['privacy', 'terms'];

export function pagesFor(roles: Role[]): Page[] {
  return PAGES.filter((p) => p.roles === 'everyone' || p.roles.some((r) => roles.includes(r))).map((p) => p.page);
}

const ALL: readonly Page[] = [...PAGES.map((p) => p.page), 'terms'];

function pageOfHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return ALL.find((page) => page === name) ?? 'home';
}

/** The current page from the URL hash (#/reach), so links, bookmarks and the back button work. */
export function usePage(): Page {
  const [page, setPage] = useState<Page>(pageOfHash);
  useEffect(() => {
    const onChange = () => setPage(pageOfHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}
