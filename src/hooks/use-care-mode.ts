import { useCallback, useSyncExternalStore } from 'react';
import { isCareMode, onCareModeChange, saveCareMode } from '../services/care-mode';

/** Care mode, the same on every mounted page: switching it anywhere re-renders every page root at once. */
export function useCareMode(): { care: boolean; setCare: (on: boolean) => void } {
  const care = useSyncExternalStore(onCareModeChange, isCareMode, isCareMode);
  const setCare = useCallback((on: boolean) => saveCareMode(on), []);
  return { care, setCare };
}
