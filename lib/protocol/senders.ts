import { browser } from 'wxt/browser';
import type { requestSchemas } from './index';
import type { SenderKind, SenderLike } from './route';
import type { UploaderCommandType } from './uploader';

// Who may send what: every request into every extension context, with the
// contexts allowed to send it. The browser fills in a message's sender (id,
// url, origin), so a content script or a web page cannot pose as an
// extension page; the url's path then tells the extension's own contexts
// apart. Extension UI pages share one origin (a script in one could open any
// other), so they form one kind.
//
// SECURITY.md explains the table; tests/unit/protocol/senders.test.ts runs it
// against forged senders of each kind.

export type { SenderKind, SenderLike };

const page = ['page'] as const;
const uploader = ['uploader'] as const;
const background = ['background'] as const;

/** Requests the background answers. */
export const backgroundSenders = {
  'accounts.list': page,
  'accounts.save': page,
  'accounts.remove': page,
  'accounts.test': page,
  'accounts.setEnabled': page,
  'accounts.allowSite': page,
  'accounts.accessPatterns': page,
  'settings.get': page,
  'settings.save': page,
  'settings.language': page,
  'jobs.list': page,
  'jobs.page': page,
  'jobs.clear': page,
  'jobs.problems': page,
  'jobs.retry': page,
  'jobs.cancel': page,
  'jobs.remove': page,
  'jobs.hostAction': page,
  'jobs.removeSecondCopy': page,
  'remote.send': page,
  'account.capabilities': page,
  'files.list': page,
  'files.info': page,
  'files.edit': page,
  'files.move': page,
  'files.clone': page,
  'files.delete': page,
  'files.directLinks': page,
  'files.mirrors': page,
  'folders.list': page,
  'folders.create': page,
  'folders.edit': page,
  'account.stats': page,
  'account.encodings': page,
  'account.deleted': page,
  'account.dmca': page,
  'settings.links': page,
  'links.setDefault': page,
  'health.check': page,
  'health.status': page,
  'health.seen': page,
  'settings.export': page,
  'settings.import': page,
  'storage.unreadable': page,
  'storage.exportUnreadable': page,
  'storage.removeUnreadable': page,
  'picker.get': page,
  'picker.send': page,
  'picker.dismiss': page,
  'uploads.prepare': page,
  'uploads.hosts': page,
  'uploads.add': page,
  'uploads.mirror': page,
  'uploads.reattach': page,
  'relay.probe': page,
  'relay.add': page,
  'uploaderReport.target': uploader,
  'uploaderReport.progress': uploader,
  'uploaderReport.done': uploader,
  'uploaderReport.error': uploader,
  'uploaderReport.needed': uploader,
  'uploaderReport.idle': uploader,
  'uploaderReport.origins': uploader,
} as const satisfies Record<keyof typeof requestSchemas, readonly SenderKind[]>;

/** Requests the uploader document answers. */
export const uploaderDocumentSenders = {
  'uploader.start': background,
  'uploader.alive': background,
  'uploader.cancel': background,
} as const satisfies Record<UploaderCommandType, readonly SenderKind[]>;

/**
 * UI pages answer no runtime message (the notices they hear from the
 * background want no answer: lib/protocol/notices.ts has their table). Into
 * the uploader document, besides the commands above, only the same-origin
 * File channel (fileChannelName) leads: a BroadcastChannel only the
 * extension's own pages can open.
 */
export const pageSenders = {} as const;

export interface SenderEnv {
  extensionId: string;
  /** "<scheme>://<extension host>/" */
  base: string;
  /** Path of the document that runs the uploader. */
  uploaderPath: string;
  /** Paths the background runs at. */
  backgroundPaths: readonly string[];
}

type ManifestPart = { permissions?: string[]; background?: { service_worker?: string; page?: string; scripts?: string[] } };

/**
 * Chrome's offscreen document gets only the messaging part of runtime (no
 * getManifest); it is the one context without it, and Chrome's build runs
 * its background as background.js.
 */
const offscreenView: ManifestPart = { permissions: ['offscreen'], background: { service_worker: 'background.js' } };

/** Where this build runs the uploader and the background, read from the manifest. */
function currentSenderEnv(): SenderEnv {
  const runtime = browser.runtime as typeof browser.runtime & { getManifest?: () => unknown };
  const manifest = (typeof runtime.getManifest === 'function' ? runtime.getManifest() : offscreenView) as ManifestPart;
  const bg = manifest.background ?? {};
  const backgroundPaths = [
    ...(bg.service_worker ? [`/${bg.service_worker.replace(/^\//, '')}`] : []),
    ...(bg.page ? [`/${bg.page.replace(/^\//, '')}`] : []),
    // Firefox runs background scripts in a page it generates.
    ...(bg.scripts?.length ? ['/_generated_background_page.html'] : []),
  ];
  return {
    extensionId: runtime.id,
    base: typeof runtime.getURL === 'function' ? runtime.getURL('/') : `${globalThis.location?.origin}/`,
    uploaderPath: manifest.permissions?.includes('offscreen') ? '/offscreen.html' : (backgroundPaths[0] ?? '/_generated_background_page.html'),
    backgroundPaths,
  };
}

/** A sender from the extension itself: its id, its own URL space, not a content script. */
function isTrustedSender(sender: SenderLike, extensionId = browser.runtime.id, pageBase = currentSenderEnv().base): boolean {
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

const uiPages = new Set(['/popup.html', '/options.html', '/manager.html', '/picker.html', '/welcome.html']);

/** What the sender is, as far as the browser-given fields tell; empty for anything not ours. */
export function senderKinds(sender: SenderLike, env: SenderEnv = currentSenderEnv()): Set<SenderKind> {
  const kinds = new Set<SenderKind>();
  if (!isTrustedSender(sender, env.extensionId, env.base)) return kinds;
  let path: string;
  try {
    path = new URL(sender.url!).pathname;
  } catch {
    return kinds;
  }
  if (env.backgroundPaths.includes(path) && !sender.tab) kinds.add('background');
  if (path === env.uploaderPath) kinds.add('uploader');
  if (uiPages.has(path)) kinds.add('page');
  return kinds;
}
