// A list read a page at a time with the server's cursor: the first page loads with the page (and
// again when deps change or on reload, starting over); `more()` appends the next one. Stale
// answers (after deps changed) are dropped.
import { useEffect, useRef, useState } from 'react';
import type { Page } from '../api/client';
import { useLoad } from './use-load';

export interface Paged<T> {
  items: T[];
  /** The first page's total (X-Total-Count, e.g. "10000+"), when asked for. */
  total: string | null;
  loading: boolean;
  error: Error | undefined;
  reload: () => void;
  /** Whether there is a next page. */
  hasMore: boolean;
  more: () => Promise<void>;
  loadingMore: boolean;
  moreError: unknown;
}

/** `load(cursor)`: the first page without a cursor, the next ones with the previous page's. */
export function usePaged<T>(load: (cursor?: string) => Promise<Page<T>>, deps: readonly unknown[]): Paged<T> {
  const first = useLoad(() => load(), deps);
  const [rest, setRest] = useState<{ items: T[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const generation = useRef(0);
  useEffect(() => {
    generation.current++;
    setRest(null);
    setMoreError(undefined);
  }, [first.data]);

  const next = rest ? rest.next : first.data?.nextCursor ?? null;
  const more = async () => {
    if (!next || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await load(next);
      if (mine === generation.current) setRest((r) => ({ items: [...(r?.items ?? []), ...page.items], next: page.nextCursor }));
    } catch (e) {
      if (mine === generation.current) setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  return {
    items: [...(first.data?.items ?? []), ...(rest?.items ?? [])],
    total: first.data?.total ?? null,
    loading: first.loading, error: first.error, reload: first.reload,
    hasMore: next !== null, more, loadingMore, moreError,
  };
}
