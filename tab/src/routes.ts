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

/** The hash's path segments: `#/surveys/abc/print` → ['surveys', 'abc', 'print']. */
const segments = () =>
  window.location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });

function pageOfHash(): Page {
  const name = segments()[0] ?? '';
  return ALL.find((page) => page === name) ?? 'home';
}

/** Follows the hash: re-reads `read` whenever the address changes. */
function useHash<T>(read: () => T, same: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState<T>(read);
  useEffect(() => {
    const onChange = () => setValue((previous) => {
      const next = read();
      return same(previous, next) ? previous : next;
    });
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return value;
}

/** The current page from the URL hash (#/reach), so links, bookmarks and the back button work. */
export function usePage(): Page {
  return useHash(pageOfHash, (a, b) => a === b);
}

/** What follows the page in the hash (`#/surveys/abc/print` → ['abc', 'print']): a page's own views. */
export function useSubPath(): string[] {
  return useHash(() => segments().slice(1), (a, b) => a.join('/') === b.join('/'));
}

/** The hash of a page's view, each segment encoded. */
export const hashOf = (page: Page, ...rest: string[]) => `#/${[page, ...rest].map(encodeURIComponent).join('/')}`;
