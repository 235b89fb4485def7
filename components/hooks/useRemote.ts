import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorFrom, send, type MessageType, type RequestOf, type ResponseMap } from '../../lib/messaging';
import type { ErrorCode } from '../../lib/errors';

export type UiError = { code: ErrorCode; message: string };

/**
 * Load a value from the background, with reload and an error the UI can switch on.
 * `skip`: ask nothing (the host lacks the feature); data stays undefined.
 */
export function useRemote<T extends MessageType>(type: T, payload: RequestOf<T>, intervalMs?: number, skip = false) {
  const [data, setData] = useState<ResponseMap[T] | undefined>(undefined);
  const [error, setError] = useState<UiError | undefined>(undefined);
  const key = JSON.stringify(payload);
  const reload = useCallback(async () => {
    if (skip) return;
    try {
      setData(await send(type, payload));
      setError(undefined);
    } catch (e) {
      setError(errorFrom(e));
    }
    // payload is compared through its JSON form
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type, key, skip]);
  useEffect(() => {
    void reload();
    if (!intervalMs || skip) return;
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs, skip]);
  return { data, error, reload };
}
