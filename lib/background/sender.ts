import { browser } from 'wxt/browser';

// Only the extension's own pages may talk to the background: a content
// script or a web page (externally_connectable) is refused, whatever it sends.
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

export function isTrustedSender(sender: SenderLike, extensionId = browser.runtime.id, pageBase = browser.runtime.getURL('/')): boolean {
  if (!sender || sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  if (!url.startsWith(pageBase)) return false;
  if (sender.origin !== undefined && !pageBase.startsWith(sender.origin)) return false;
  return true;
}
