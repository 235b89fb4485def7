import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorFrom, send, type MessageType, type RequestOf, type ResponseMap } from '../../lib/messaging';
import type { ErrorCode } from '../../lib/errors';
import { readLastShown, useKeptCopy, type LastShown } from './lastShown';

export type UiError = { code: ErrorCode; message: string };

/**
 * Load a value from the background, with reload and an error the UI can switch on.
 * `skip`: ask nothing (the host lacks the feature); data stays undefined.
 * `kept`: until the first answer, data is what the page showed last time (lastShown.ts) and `stale` is true.
 */
export function useRemote<T extends MessageType>(type: T, payload: RequestOf<T>, intervalMs?: number, skip = false, kept?: LastShown<ResponseMap[T]>) {
  const key = `${type}:${JSON.stringify(payload)}`;
  // Each answer is kept with the request it answers: after the payload changes, the old answer is not shown as the new one's.
  const [answer, setAnswer] = useState<{ key: string; value: ResponseMap[T]; stale?: true } | undefined>(() => {
    const copy = kept ? readLastShown(kept) : undefined;
    return copy === undefined ? undefined : { key, value: copy, stale: true };
  });
  const [error, setError] = useState<UiError | undefined>(undefined);
  // The payload is compared through its JSON form (key); the latest object is the one sent.
  const latest = useRef(payload);
  latest.current = payload;
  const reload = useCallback(async () => {
    if (skip) return;
    try {
      setAnswer({ key, value: await send(type, latest.current) });
      setError(undefined);
    } catch (e) {
      setError(errorFrom(e));
      // A copy from the last open is not shown beside the error as if it were current.
      setAnswer((now) => (now?.stale ? undefined : now));
    }
  }, [type, key, skip]);
  useEffect(() => {
    void reload();
    if (!intervalMs || skip) return;
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs, skip]);
  const data = answer?.key === key ? answer.value : undefined;
  const stale = answer?.stale === true;
  useKeptCopy(kept, stale ? undefined : data);
  return { data, stale, error, reload };
}
