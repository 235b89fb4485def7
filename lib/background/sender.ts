import { browser } from 'wxt/browser';

// Only the extension's own pages may talk to the background: a content
// script or a web page (externally_connectable) is refused, whatever it sends.
// The background never listens to onMessageExternal, so other extensions and
// web pages cannot even reach the router; this check covers content scripts,
// which share the extension id but run in a web page.
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  /** Firefox: 'addon_child' for extension pages, 'content_child' for content scripts. */
  envType?: string;
}

export function isTrustedSender(sender: SenderLike, extensionId = browser.runtime.id, pageBase = browser.runtime.getURL('/')): boolean {
  if (!sender || typeof sender !== 'object' || !extensionId || sender.id !== extensionId) return false;
  if (sender.envType !== undefined && sender.envType !== 'addon_child') return false;
  // pageBase is "<scheme>://<extension host>/"; a sender URL must sit under it.
  if (!/^[a-z-]+:\/\/[^/]+\/$/.test(pageBase)) return false;
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (!url.startsWith(pageBase)) return false;
  const ownOrigin = pageBase.slice(0, -1);
  if (sender.origin !== undefined && sender.origin !== ownOrigin) return false;
  return true;
}
