import { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { isCareMode, saveCareMode } from '../services/care-mode';

/** Care mode for this page: read again whenever the page shows (it may have been switched on the profile page). */
export function useCareMode(): { care: boolean; setCare: (on: boolean) => void; pageClass: string } {
  const [care, setState] = useState(isCareMode);
  useDidShow(() => setState(isCareMode()));
  const setCare = useCallback((on: boolean) => {
    saveCareMode(on);
    setState(on);
  }, []);
  return { care, setCare, pageClass: care ? 'page care' : 'page' };
}
