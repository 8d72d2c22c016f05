import { useCallback, useState } from 'react';
import { messageOf } from '../services/transport';
import type { Page } from '../shared/contracts/common';
import { useLoader } from './use-loader';

/** A list that loads its first page on show and appends the next page on demand; other fields come from the first page. */
export function usePagedLoader<T, P extends Page<T>>(loadPage: (cursor?: string) => Promise<P>) {
  const first = useCallback(() => loadPage(), [loadPage]);
  const { data, error, reload, setData } = useLoader(first);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await loadPage(data.nextCursor);
      setData({ ...data, items: [...data.items, ...next.items], nextCursor: next.nextCursor });
      setMoreError(null);
    } catch (caught) {
      setMoreError(messageOf(caught));
    } finally {
      setLoadingMore(false);
    }
  }, [data, loadPage, loadingMore, setData]);

  return { data, hasMore: Boolean(data?.nextCursor), loadMore, loadingMore, error: error ?? moreError, reload };
}
