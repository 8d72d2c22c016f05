import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { messageOf } from '../services/transport';

/**
 * Loads data when the component mounts, again when a value in `deps` changes (another tab, another id),
 * and again each time the page shows later on. `load` may be an inline function: only `deps` decide when
 * it runs again (it is kept in a ref, so it always sees the latest props and state).
 *
 * Only a show after the page was hidden loads again: the first show, which WeChat reports around the
 * mount (before or after it, depending on timing), is the mount's load. Only the newest load's answer is kept.
 */
export function useLoader<T>(load: () => Promise<T>, deps: DependencyList) {
  const latest = useRef(load);
  latest.current = load;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const running = useRef(false);
  const hidden = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    running.current = true;
    setLoading(true);
    try {
      const value = await latest.current();
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (caught) {
      if (mine === generation.current) setError(messageOf(caught));
    } finally {
      if (mine === generation.current) {
        running.current = false;
        setLoading(false);
      }
    }
  }, []);

  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    if (!running.current) void reload();
  });

  useEffect(() => {
    void reload();
    // The caller's `deps`, not `load`'s identity, decide when to load again.
  }, deps);

  return { data, error, loading, reload, setData };
}
