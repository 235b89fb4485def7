import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorFrom } from '../../lib/messaging';
import type { UiError } from './useRemote';

// A list the background hands out one page at a time (a host's files): the
// current page, a step to another, "load all" (pages one after another, since
// hosts rate-limit per key), and the error the UI switches on. An answer that
// arrives after the list was asked for something else is dropped, so a slow
// page of the previous account or folder never lands in the new one.

export interface Page<I> {
  items: I[];
  total?: number;
  pages?: number;
}

export interface PagedList<I> {
  items: I[];
  total?: number;
  /** Undefined: the host does not say how many pages there are. */
  pages?: number;
  page: number;
  loading: boolean;
  error: UiError | undefined;
  load(page: number): Promise<void>;
  /** Every page from the first, up to `maxItems`. */
  loadAll(): Promise<void>;
  reload(): Promise<void>;
}

interface State<I> {
  items: I[];
  total?: number;
  pages?: number;
  page: number;
}

/**
 * `key` names what is listed (the query apart from its page): the first page
 * is loaded whenever it changes; undefined asks nothing.
 */
export function usePagedRemote<I>(key: string | undefined, fetchPage: (page: number) => Promise<Page<I>>, maxItems: number): PagedList<I> {
  const [state, setState] = useState<State<I>>({ items: [], page: 1 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<UiError>();
  // The page fetcher closes over the current query; the latest one is used without reloading on every render.
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const asked = useRef(0);
  const page = useRef(1);

  const run = useCallback(
    async (first: number, all: boolean) => {
      if (key === undefined) return;
      const ticket = ++asked.current;
      setLoading(true);
      try {
        const answer = await fetcher.current(first);
        let items = answer.items;
        for (let next = first + 1; all && answer.pages !== undefined && next <= answer.pages && items.length < maxItems; next++) {
          const more = await fetcher.current(next);
          if (ticket !== asked.current) return;
          if (more.items.length === 0) break;
          items = items.concat(more.items);
        }
        if (ticket !== asked.current) return;
        page.current = first;
        setState({ items, total: answer.total, pages: all ? 1 : answer.pages, page: first });
        setError(undefined);
      } catch (e) {
        if (ticket === asked.current) setError(errorFrom(e));
      } finally {
        if (ticket === asked.current) setLoading(false);
      }
    },
    [key, maxItems],
  );

  useEffect(() => {
    void run(1, false);
  }, [run]);

  return {
    ...state,
    loading,
    error,
    load: (p) => run(p, false),
    loadAll: () => run(1, true),
    reload: () => run(page.current, false),
  };
}
