import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorFrom, send, type MessageType, type RequestOf, type ResponseMap } from '../lib/messaging';
import type { ErrorCode } from '../lib/errors';

export type UiError = { code: ErrorCode; message: string };

/** Load a value from the background, with reload and an error the UI can switch on. */
/** `enabled` false: nothing is asked (say, until an id is known). */
export function useRemote<T extends MessageType>(type: T, payload: RequestOf<T>, intervalMs?: number, enabled = true) {
  const [data, setData] = useState<ResponseMap[T] | undefined>(undefined);
  const [error, setError] = useState<UiError | undefined>(undefined);
  const key = JSON.stringify(payload);
  const reload = useCallback(async () => {
    if (!enabled) return;
    try {
      setData(await send(type, payload));
      setError(undefined);
    } catch (e) {
      setError(errorFrom(e));
    }
    // payload is compared through its JSON form
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type, key, enabled]);
  useEffect(() => {
    void reload();
    if (!intervalMs) return;
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs]);
  return { data, error, reload };
}
