import { useCallback, useRef, useState } from 'preact/hooks';
import { errorFrom } from '../../lib/messaging';
import type { UiError } from './useRemote';

// Every UI write goes through here: one place that turns a thrown error into
// the `{code, message}` the UI switches on, and knows whether a write is still
// running. Reads go through useRemote.

export interface ActionOptions {
  /** Called with the error of a failed write (for a toast); it is kept in `error` either way. */
  onError?(error: UiError): void;
  /** Awaited after every write, failed or not (typically: reload what the write changed); its own failure counts as the write's. */
  after?(): unknown;
}

export interface Action {
  /**
   * Runs one write. Never rejects: resolves true when it succeeded, false when
   * it threw (the error is then in `error`), so callers may chain what must
   * follow either way.
   */
  run(write: () => Promise<unknown>): Promise<boolean>;
  /** True while any write started here is running. */
  pending: boolean;
  /** The last write's error; cleared when the next write starts. */
  error: UiError | undefined;
  /** Forget the error shown. */
  reset(): void;
}

export function useAction(options: ActionOptions = {}): Action {
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<UiError | undefined>(undefined);
  // The latest callbacks, so a write started before a re-render reports to the current view.
  const latest = useRef(options);
  latest.current = options;

  const run = useCallback(async (write: () => Promise<unknown>) => {
    setError(undefined);
    setRunning((n) => n + 1);
    let ok = true;
    const fail = (e: unknown) => {
      ok = false;
      const failure = errorFrom(e);
      setError(failure);
      latest.current.onError?.(failure);
    };
    try {
      await write();
    } catch (e) {
      fail(e);
    }
    try {
      await latest.current.after?.();
    } catch (e) {
      if (ok) fail(e);
    } finally {
      setRunning((n) => n - 1);
    }
    return ok;
  }, []);

  const reset = useCallback(() => setError(undefined), []);
  return { run, pending: running > 0, error, reset };
}
