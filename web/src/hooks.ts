import { useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/** Runs `load` whenever `key` changes; an older answer never overwrites a newer one. */
export function useData<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  // `for` names the key the state answers, so a render right after the key
  // changes (before the effect starts the load) already counts as loading.
  const [state, setState] = useState<Loaded<T> & { for: string | null }>({ data: undefined, error: undefined, loading: false, for: null });
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: undefined, loading: false, for: null });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true, for: key }));
    loader.current(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, error: undefined, loading: false, for: key }),
      (err: Error) => !ctl.signal.aborted && setState({ data: undefined, error: err.message, loading: false, for: key }),
    );
    return () => ctl.abort();
  }, [key]);
  return { data: state.data, error: state.error, loading: key !== null && (state.loading || state.for !== key) };
}

/**
 * Marks the page as showing `view` with its data (body[data-ready]); the
 * browser tests wait for it and read the first view's time from the mark.
 */
export function useReady(view: string, ready: boolean) {
  useEffect(() => {
    if (!ready) {
      delete document.body.dataset.ready;
      return;
    }
    document.body.dataset.ready = view;
    if (performance.getEntriesByName('papergraph:first-view').length === 0) performance.mark('papergraph:first-view', { detail: view });
  }, [view, ready]);
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Loaded and not reloading: what the page shows is the current answer. */
export const settled = (l: Loaded<unknown>) => l.data !== undefined && !l.loading;
