import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  /** `previous`: the last answer, which a screen may keep showing (dimmed) until the new one comes. */
  | { kind: 'loading'; previous?: T }
  | { kind: 'ready'; data: T }
  | { kind: 'failed'; error: unknown };

/**
 * Loads what `load` returns whenever `key` changes, and lets the screen retry. An answer that arrives
 * after the key moved on (a quick change of filter) is dropped, so an older answer never overwrites a newer one.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> & { retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState((prev) => ({ kind: 'loading', previous: prev.kind === 'ready' ? prev.data : prev.kind === 'loading' ? prev.previous : undefined }));
    load().then(
      (data) => current && setState({ kind: 'ready', data }),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function each render; the key says when it asks for something else.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
