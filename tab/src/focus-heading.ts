import { useEffect, useRef } from 'react';

/**
 * After a move to another page or view (not on first load), focus its heading so a screen reader reads
 * the new content. A page whose code loads on demand has no heading yet: wait for it to appear.
 */
export function useFocusHeadingOn(key: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
      return Boolean(heading);
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
  }, [key]);
}
