import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../services/transport';

/** Loads page data each time the page shows, and again when `load` changes (e.g. another tab). */
export function useLoader<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const shown = useRef(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setLoading(false);
    }
  }, [load]);

  useDidShow(() => {
    shown.current = true;
    void reload();
  });

  useEffect(() => {
    if (shown.current) void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}
