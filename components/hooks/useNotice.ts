import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { noticeOf, type PageNoticeType } from '../../lib/protocol/notices';
import type { SenderLike } from '../../lib/protocol/senders';

// Follow a notice from the background (lib/protocol/notices.ts): `onNotice`
// runs each time it comes. The page asks nothing meanwhile, so an open page
// never wakes the background by itself.

export function useNotice(type: PageNoticeType, onNotice: () => void): void {
  const latest = useRef(onNotice);
  latest.current = onNotice;
  useEffect(() => {
    const listener = (message: unknown, sender: SenderLike) => {
      if (noticeOf(message, sender) === type) latest.current();
      // No answer: the sender wants none, and another context may answer requests.
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [type]);
}
