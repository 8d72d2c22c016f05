import { useCallback, useState } from 'react';
import { messageOf } from '../services/transport';

/**
 * A button's work: busy while it runs, its Chinese error message if it fails. A page with two kinds of
 * work whose errors or busy states must not mix uses two of these.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** True when the work succeeded, so a form can keep what was typed when it did not. */
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
