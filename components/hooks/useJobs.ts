import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorFrom, send, type RequestOf, type ResponseMap } from '../../lib/messaging';
import { jobFeedPort, type JobFeedMessage } from '../../lib/protocol/job-feed';
import type { UiError } from './useRemote';
import { patchAnswer } from './jobFeedPatch';
import { readLastShown, useKeptCopy, type LastShown } from './lastShown';

// A page's view of the queue, kept current by the background's job feed (a
// runtime port) instead of asking every second or two: the page asks once,
// then again only when the background says jobs changed, unless the change
// carries only jobs it shows, which it takes in place (jobFeedPatch.ts). When the worker
// stops the port closes; the hook opens it again (which wakes a new worker)
// and asks once more, since changes may have happened in between.
// With `kept`, the page draws what it showed last time (lastShown.ts) until the
// first answer comes, and `stale` says so.

type JobQuery = 'jobs.list' | 'jobs.page';

/** Asked again at most this often while jobs keep changing (progress of several uploads). */
const refreshMs = 250;
const reconnectMs = 500;

export function useJobs<T extends JobQuery>(type: T, payload: RequestOf<T>, kept?: LastShown<ResponseMap[T]>) {
  const [data, setData] = useState<ResponseMap[T] | undefined>(() => (kept ? readLastShown(kept) : undefined));
  const [error, setError] = useState<UiError | undefined>(undefined);
  const [storageError, setStorageError] = useState<UiError | undefined>(undefined);
  // The payload is compared through its JSON form (key); the latest object is the one sent.
  const key = `${type}:${JSON.stringify(payload)}`;
  const latest = useRef(payload);
  latest.current = payload;
  const latestKey = useRef(key);
  latestKey.current = key;
  const asked = useRef(0);
  // What is shown, and whether an answer is on its way (a change is then asked for, not put in place: the answer may be older).
  const shown = useRef<{ key: string; data: ResponseMap[T] }>();
  const waiting = useRef(0);

  const answer = useCallback((ask: number, request: Promise<ResponseMap[T]>) => {
    waiting.current += 1;
    const asking = latestKey.current;
    return request
      .then(
        (next) => {
          // An older answer arriving late never replaces a newer one.
          if (ask !== asked.current) return;
          shown.current = { key: asking, data: next };
          setData(next);
          setError(undefined);
        },
        (e: unknown) => {
          if (ask !== asked.current) return;
          setError(errorFrom(e));
          // A copy from the last open is not shown beside the error as if it were current.
          if (!shown.current) setData(undefined);
        },
      )
      .finally(() => {
        waiting.current -= 1;
      });
  }, []);

  const reload = useCallback(() => answer(++asked.current, send(type, latest.current)), [type, answer]);

  // The first request goes out while the page first renders, not after its first paint (when
  // effects run): with a long history the popup's recent jobs are on screen that much sooner.
  const sentKey = useRef<string>();
  if (sentKey.current === undefined) {
    sentKey.current = key;
    void reload();
  }
  // Asked again whenever the query changes, and only then.
  useEffect(() => {
    if (sentKey.current === key) return;
    sentKey.current = key;
    void reload();
  }, [key, reload]);

  useEffect(() => {
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const refresh = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, last + refreshMs - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        void reload();
      }, wait);
    };
    const connect = () => {
      if (closed) return;
      try {
        port = browser.runtime.connect({ name: jobFeedPort });
      } catch {
        // No background to follow (a test page): what was loaded stays shown.
        return;
      }
      port.onMessage.addListener((message: unknown) => {
        const event = message as JobFeedMessage;
        if (event?.type === 'changed') {
          const now = shown.current;
          const patched =
            now && !waiting.current && timer === undefined && now.key === latestKey.current ? patchAnswer(type, latest.current, now.data, event) : undefined;
          if (!patched) refresh();
          else {
            shown.current = { key: now!.key, data: patched };
            setData(patched);
          }
        } else if (event?.type === 'storage-error') setStorageError(event.error as UiError);
      });
      port.onDisconnect.addListener(() => {
        port = undefined;
        if (closed) return;
        setTimeout(() => {
          connect();
          refresh();
        }, reconnectMs);
      });
    };
    connect();
    return () => {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      port?.disconnect();
    };
    // reload changes only with the query's type: one port for the page's life, not one per keystroke.
  }, [reload, type]);

  // Data before any answer is the copy from the last open (every answer and patch sets `shown` with the data).
  const stale = data !== undefined && shown.current === undefined;
  useKeptCopy(kept, stale ? undefined : data);

  return { data, stale, error, storageError, reload };
}
