import { BigButton } from './big-button';

export interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ hasMore, loading, onLoadMore }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <BigButton id='load-more' secondary disabled={loading} onClick={onLoadMore}>
      {loading ? '正在加载…' : '加载更多'}
    </BigButton>
  );
}
