import { useCallback, useRef, useState, type DependencyList } from 'react';
import { messageOf } from '../services/transport';
import type { Page } from '../shared/contracts/common';
import { useLoader } from './use-loader';

/**
 * A list that loads its first page like `useLoader` (on mount, when `deps` change, on later shows) and
 * appends the next page on demand; other fields come from the first page. `loadPage` may be inline.
 */
export function usePagedLoader<T, P extends Page<T>>(loadPage: (cursor?: string) => Promise<P>, deps: DependencyList) {
  const latest = useRef(loadPage);
  latest.current = loadPage;
  const { data, error, reload, setData } = useLoader(() => latest.current(), deps);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await latest.current(data.nextCursor);
      setData({ ...data, items: [...data.items, ...next.items], nextCursor: next.nextCursor });
      setMoreError(null);
    } catch (caught) {
      setMoreError(messageOf(caught));
    } finally {
      setLoadingMore(false);
    }
  }, [data, loadingMore, setData]);

  return { data, hasMore: Boolean(data?.nextCursor), loadMore, loadingMore, error: error ?? moreError, reload };
}
