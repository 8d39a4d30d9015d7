import { useEffect, useState } from 'react';
import type { Role } from './api';

export type Page = 'home' | 'reach' | 'adoption' | 'surveys' | 'nudges' | 'settings' | 'privacy';

/** Who sees which page; the later features fill them. Everyone sees the overview and privacy. */
export const PAGES: Array<{ page: Page; roles: Role[] | 'everyone' }> = [
  { page: 'home', roles: 'everyone' },
  { page: 'reach', roles: ['Communicator', 'UnitLead', 'AdoptionAdmin'] },
  { page: 'adoption', roles: ['UnitLead', 'AdoptionAdmin'] },
  { page: 'surveys', roles: ['Communicator', 'UnitLead', 'AdoptionAdmin', 'SafetyRep'] },
  { page: 'nudges', roles: ['AdoptionAdmin'] },
  { page: 'settings', roles: ['AdoptionAdmin'] },
  { page: 'privacy', roles: 'everyone' },
];

export function pagesFor(roles: Role[]): Page[] {
  return PAGES.filter((p) => p.roles === 'everyone' || p.roles.some((r) => roles.includes(r))).map((p) => p.page);
}

const pageOfHash = (): Page => {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (PAGES.find((p) => p.page === name)?.page ?? 'home');
};

/** The current page from the URL hash (#/reach), so links and the back button work. */
export function usePage(): Page {
  const [page, setPage] = useState<Page>(pageOfHash);
  useEffect(() => {
    const onChange = () => setPage(pageOfHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}
