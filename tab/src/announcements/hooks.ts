import { useEffect, useRef, useState } from 'react';
import { useLoad } from '../adoption/use-load';
import { useSession } from '../session';
import { announcementPath, announcementsPath, progressPath, reachPath, timelinePath, unreachedPath } from './queries';
import type { AnnouncementDetail, AnnouncementList, Progress, Reach, Timeline, Unreached } from './types';

/** The announcements this person may see, newest first. `version` reloads after a change. */
export function useAnnouncements(version: number) {
  const { api } = useSession();
  return useLoad(`announcements|${version}`, () => api.get<AnnouncementList>(announcementsPath));
}

export function useAnnouncement(id: string, version: number) {
  const { api } = useSession();
  return useLoad(`${id}|${version}`, () => api.get<AnnouncementDetail>(announcementPath(id)));
}

/** Reach, timeline and the unreached per unit, asked together; `version` reloads them (after sending finished, say). */
export function useReachData(id: string, version: number) {
  const { api } = useSession();
  return useLoad(`${id}|reach|${version}`, async () => {
    const [reach, timeline, unreached] = await Promise.all([
      api.get<Reach>(reachPath(id)),
      api.get<Timeline>(timelinePath(id)),
      api.get<Unreached>(unreachedPath(id)),
    ]);
    return { reach, timeline, unreached };
  });
}

/** Every recipient settled: sent, failed or not reachable; none queued or in doubt. */
export const isSettled = (p: Progress) => p.total > 0 && p.queued === 0 && p.inDoubt === 0;

export const POLL_MS = 2000;

/**
 * The fan-out's progress, asked every 2 s while `active`. `onSettled` is called when a poll finds every
 * recipient settled (the page then reloads the announcement, which says "sent"). A failed poll is tried
 * again on the next tick; its error is kept for the screen to mention.
 */
export function useProgressPolling(id: string, initial: Progress, active: boolean, onSettled: (progress: Progress) => void) {
  const { api } = useSession();
  const [progress, setProgress] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => setProgress(initial), [initial]);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await api.get<Progress>(progressPath(id));
        if (stopped) return;
        setProgress(next);
        setError(null);
        if (isSettled(next)) settled.current(next);
      } catch (caught) {
        if (!stopped) setError(caught);
      }
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, active]);
  return { progress, error };
}
