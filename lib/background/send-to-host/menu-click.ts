import { browser } from 'wxt/browser';
import { findVideosInTab } from '../../media/inject';
import { findOptionsFor, isUploadableUrl, urlsInText, type ContextClickInfo, type FindVideosOptions, type FoundVideo } from '../../media';
import { kindFromExtension } from '../../media/url';
import type { UploadOptions } from '../../hosts/types';
import type { Job } from '../../queue/model/job';
import type { RelayExtra } from '../../queue/runner/api';
import type { JobEntry, JobGroup } from '../../queue/model/group';
import { AppError } from '../../errors';
import { accountIdFromMenu, MIRROR_MENU, NO_ACCOUNTS_MENU } from './menus';
import { notify } from '../notices/notify';
import { isStream, refusalOf, streamTitle, type RelayStream } from './streams';

export interface MenuClickInfo extends ContextClickInfo {
  menuItemId: string | number;
  frameId?: number;
}

interface MenuQueue {
  enqueueRemote(accountId: string, url: string, options?: UploadOptions): Promise<Job>;
  enqueueMirror(accountIds: string[], url: string, options?: UploadOptions): Promise<JobGroup>;
  /** A stream the host cannot fetch itself: VidRelay joins its segments and uploads one file. */
  enqueueRelay?(accountId: string, url: string, options?: UploadOptions, extra?: RelayExtra): Promise<Job>;
}

export interface MenuDeps {
  queue: MenuQueue;
  enabledAccountIds(): Promise<string[]>;
  labelOf(accountId: string): Promise<string>;
  /** The account's upload defaults (folder, tags, ...). */
  optionsFor?(accountId: string): Promise<UploadOptions>;
  /** Throws (AppError) when the account's host cannot fetch a URL itself: nothing is queued for it. */
  checkRemote?(accountId: string): Promise<void>;
  /** The enabled accounts whose hosts fetch URLs themselves, for "All accounts (mirror)". */
  remoteAccountIds?(): Promise<string[]>;
  /** Looks into the page when the click gave no usable address (blob: players, clicks on the page). */
  findInTab?(tabId: number, frameId?: number, options?: FindVideosOptions): Promise<FoundVideo[]>;
  /**
   * Reads the HLS and DASH candidates' playlists (in the tab's frame, else from
   * the extension): a master becomes its qualities, refusals are marked.
   */
  readStreams?(found: FoundVideo[], tabId: number, frameId?: number): Promise<FoundVideo[]>;
  /**
   * A stream whose playlist was not read before (found unread, or given as a URL): read now from the
   * extension, a master's best quality taken; throws the plain reason when it cannot be relayed.
   */
  streamToRelay?(url: string): Promise<RelayStream>;
  /** How a stream reaches the account (its host fetches playlists, or VidRelay relays it); throws when neither can. */
  streamRoute?(accountId: string): Promise<'remote' | 'relay'>;
  /** Whether VidRelay may download from the URL's site (what a relayed stream needs first). */
  mayDownload?(url: string): Promise<boolean>;
  /** Lets the user choose when the page holds several videos. */
  openPicker?(choice: { candidates: FoundVideo[]; target: string; pageUrl?: string }): Promise<unknown>;
}

export const defaultFindInTab = (tabId: number, frameId?: number, options?: FindVideosOptions) => findVideosInTab(tabId, frameId, options);

export const noVideoMessage = 'No video was found on this page. Right-click the video itself, or open the page that plays it, and try again.';

export async function say(id: string, title: string, message: string): Promise<void> {
  await notify(id, title, message);
}

type Resolution = { kind: 'send'; urls: string[]; found?: FoundVideo[] } | { kind: 'pick'; candidates: FoundVideo[] } | { kind: 'none'; reason: string };

/** What a send knows beyond the URLs: the candidates as found and read (stream info), and the page. */
export interface SendContext {
  found?: readonly FoundVideo[];
  pageUrl?: string;
}

/** What the page itself holds: direct files and streams; player pages only when nothing better exists. */
async function lookInPage(info: MenuClickInfo, tabId: number, deps: MenuDeps): Promise<Resolution> {
  // A click on a media element names its frame; a click on the page may mean a player in any frame.
  const inFrame = info.srcUrl && info.frameId !== undefined;
  // Audio is offered only when the user right-clicked that audio element.
  const options = findOptionsFor(info);
  let found = await deps.findInTab!(tabId, inFrame ? info.frameId : undefined, options);
  // A player in a frame often has its real address only in the top page's metadata.
  if (inFrame && info.frameId !== 0 && found.length === 0) found = await deps.findInTab!(tabId, undefined, options);
  const sendable = found.filter((v) => v.kind !== 'embed' && isUploadableUrl(v.url).ok);
  if (sendable.length === 1) return { kind: 'send', urls: [sendable[0].url] };
  if (sendable.length > 1) return { kind: 'pick', candidates: sendable };
  const players = found.filter((v) => v.kind === 'embed' && isUploadableUrl(v.url).ok);
  // A player page is a guess a host may not fetch: never sent without the user choosing it.
  if (players.length > 0) return { kind: 'pick', candidates: players };
  return { kind: 'none', reason: noVideoMessage };
}

/**
 * Which URLs a click means: the clicked media or link when a host can fetch
 * it; a selection only when nothing else was clicked (one URL is sent, several
 * go through the picker, a page's selection is no reason to send dozens of
 * jobs); otherwise (blob: players, clicks on the page) whatever the page
 * itself reveals.
 */
async function resolveClick(info: MenuClickInfo, tabId: number | undefined, deps: MenuDeps): Promise<Resolution> {
  const clicked = [info.srcUrl, info.linkUrl].map((url) => url?.trim()).filter((url): url is string => !!url);
  const direct = clicked.find((url) => isUploadableUrl(url).ok);
  if (direct) return { kind: 'send', urls: [direct] };
  if (clicked.length === 0 && info.selectionText) {
    // urlsInText keeps only http(s) addresses, and never the inside of a blob: one.
    const sendable = urlsInText(info.selectionText).filter((url) => isUploadableUrl(url).ok);
    if (sendable.length === 1) return { kind: 'send', urls: sendable };
    if (sendable.length > 1) return { kind: 'pick', candidates: sendable.map((url) => ({ url, kind: kindFromExtension(url) ?? 'file', source: 'link' })) };
  }
  const refusal = clicked.map((url) => isUploadableUrl(url)).find((check) => !check.ok);
  if (tabId === undefined || !deps.findInTab) {
    return { kind: 'none', reason: refusal && !refusal.ok ? refusal.reason : noVideoMessage };
  }
  let inPage: Resolution;
  try {
    inPage = await lookInPage(info, tabId, deps);
  } catch (error) {
    return { kind: 'none', reason: error instanceof AppError ? error.message : noVideoMessage };
  }
  if (inPage.kind === 'none' && refusal && !refusal.ok) return { kind: 'none', reason: `${refusal.reason} ${noVideoMessage}` };
  return inPage;
}

/**
 * The playlists among the click's candidates read: a master's qualities offered
 * (refused ones kept with their reason), sent at once only when one stream is
 * all there is; nothing sendable at all is refused with the reason.
 */
async function readCandidates(resolved: Resolution, info: MenuClickInfo, tabId: number, deps: MenuDeps): Promise<Resolution> {
  if (resolved.kind === 'none' || !deps.readStreams) return resolved;
  const candidates: FoundVideo[] =
    resolved.kind === 'send' ? resolved.urls.map((url) => ({ url, kind: kindFromExtension(url) ?? 'file', source: 'link' })) : resolved.candidates;
  if (!candidates.some((c) => c.kind === 'hls' || c.kind === 'dash')) return resolved;
  // Read where the click was (the player's frame), else in the top page.
  const frameId = info.srcUrl && info.frameId !== undefined ? info.frameId : 0;
  const read = await deps.readStreams(candidates, tabId, frameId);
  const usable = read.filter((c) => !c.stream?.refused);
  const refused = read.filter((c) => c.stream?.refused);
  if (usable.length === 0) return { kind: 'none', reason: refusalOf(refused[0]) ?? noVideoMessage };
  if (usable.length === 1 && refused.length === 0 && usable[0].kind !== 'embed') return { kind: 'send', urls: [usable[0].url], found: usable };
  return { kind: 'pick', candidates: read };
}

type Route = 'remote' | 'relay';

/**
 * Whether a stream about to be relayed straight from the menu is on a site VidRelay may not
 * download from yet. The browser asks for a site only during a click in one of VidRelay's own
 * pages, so such a stream goes through the picker, whose "Send selected" asks for it, instead
 * of becoming a job that must fail.
 */
async function needsSiteFirst(target: string, found: readonly FoundVideo[], deps: MenuDeps): Promise<boolean> {
  if (!deps.mayDownload || !deps.streamRoute || !deps.openPicker) return false;
  const streams = found.filter((c) => c.kind === 'hls');
  const allowed = await Promise.all(streams.map((c) => deps.mayDownload!(c.url).catch(() => false)));
  if (allowed.every(Boolean)) return false;
  const single = accountIdFromMenu(target);
  for (const id of single ? [single] : await deps.enabledAccountIds()) {
    if ((await deps.streamRoute(id).catch(() => undefined)) === 'relay') return true;
  }
  return false;
}

/** Queue one URL for one account: a stream the host cannot fetch is relayed with its estimate and quality in the title. */
async function enqueueFor(accountId: string, url: string, route: Route, options: UploadOptions | undefined, deps: MenuDeps, context: SendContext) {
  if (route === 'relay' && deps.queue.enqueueRelay) {
    const stream = context.found?.find((c) => c.url === url)?.stream;
    if (!stream && deps.streamToRelay) {
      // Never read (the page would not hand it over): it may be a master, live or protected; read before queueing.
      const read = await deps.streamToRelay(url);
      const title = streamTitle(read.url, { master: url, ...(read.height ? { height: read.height } : {}) }, context.pageUrl);
      return deps.queue.enqueueRelay(accountId, read.url, options, { title, stream: 'hls', ...(read.bytes ? { bytesTotal: read.bytes } : {}) });
    }
    const extra: RelayExtra = { title: streamTitle(url, stream, context.pageUrl), stream: 'hls', ...(stream?.bytes ? { bytesTotal: stream.bytes } : {}) };
    return deps.queue.enqueueRelay(accountId, url, options, extra);
  }
  return deps.queue.enqueueRemote(accountId, url, options);
}

/** Queue `urls` for a menu target (`account:<id>` or `mirror:all`) and tell the user. */
export async function sendToTarget(target: string, urls: string[], deps: MenuDeps, context: SendContext = {}): Promise<JobEntry[]> {
  const single = accountIdFromMenu(target);
  const mirror = target === MIRROR_MENU;
  if (!single && !mirror) throw new AppError('invalid_input', 'Pick an account to send to.');
  const foundOf = (url: string) => context.found?.find((c) => c.url === url);
  // A stream that cannot be made into one file never becomes a job: refused before anything is queued.
  const refusal = urls.map((url) => refusalOf(foundOf(url))).find(Boolean);
  if (refusal) throw new AppError('unsupported', refusal);
  // Streams take their own route only where the background can tell it (and relay them).
  const streamOf = (url: string) => Boolean(deps.streamRoute && deps.queue.enqueueRelay) && isStream(foundOf(url), url);
  const jobs: JobEntry[] = [];
  try {
    if (mirror) {
      const plain = urls.filter((url) => !streamOf(url));
      const streams = urls.filter(streamOf);
      if (plain.length) {
        // A host without remote upload would only add a child that must fail.
        const accountIds = await (deps.remoteAccountIds ?? deps.enabledAccountIds)();
        for (const url of plain) jobs.push(await deps.queue.enqueueMirror(accountIds, url));
      }
      if (streams.length) {
        // Each account that can take the stream, its own way; one that can do neither is left out.
        const routes: [string, Route][] = [];
        for (const id of await deps.enabledAccountIds()) {
          const route = await deps.streamRoute!(id).catch(() => undefined);
          if (route) routes.push([id, route]);
        }
        if (routes.length === 0) throw new AppError('unsupported', 'None of your accounts can take this stream.');
        for (const url of streams) {
          for (const [id, route] of routes) jobs.push(await enqueueFor(id, url, route, (await deps.optionsFor?.(id)) ?? undefined, deps, context));
        }
      }
    } else {
      const accountId = single!;
      const streamRoute = urls.some(streamOf) ? await deps.streamRoute!(accountId) : undefined;
      const routeOf = (url: string): Route => (streamOf(url) ? streamRoute! : 'remote');
      if (urls.some((url) => routeOf(url) === 'remote')) await deps.checkRemote?.(accountId);
      const options = (await deps.optionsFor?.(accountId)) ?? undefined;
      for (const url of urls) jobs.push(await enqueueFor(accountId, url, routeOf(url), options, deps, context));
    }
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'The job could not be queued.';
    await say(`failed-${Date.now()}`, jobs.length ? `Sent ${jobs.length} of ${urls.length}` : 'Not sent', message);
    if (jobs.length === 0) throw error instanceof AppError ? error : new AppError('server', message);
    return jobs;
  }
  const label = mirror ? 'all accounts (mirror)' : await deps.labelOf(single!);
  await say(jobs[0].id, `Sending to ${label}`, urls.length === 1 ? urls[0] : `${urls.length} videos`);
  return jobs;
}

/** The code path the "Send to host" menu runs; e2e tests call it through the service worker. */
export async function handleMenuClick(info: MenuClickInfo, tabId: number | undefined, deps: MenuDeps): Promise<JobEntry[]> {
  const target = String(info.menuItemId);
  if (target === NO_ACCOUNTS_MENU) {
    await browser.runtime.openOptionsPage();
    return [];
  }
  if (!accountIdFromMenu(target) && target !== MIRROR_MENU) return [];
  let resolved = await resolveClick(info, tabId, deps);
  if (tabId !== undefined) resolved = await readCandidates(resolved, info, tabId, deps);
  if (resolved.kind === 'send' && resolved.found && (await needsSiteFirst(target, resolved.found, deps)))
    resolved = { kind: 'pick', candidates: resolved.found };
  if (resolved.kind === 'none') {
    await say(`refused-${Date.now()}`, 'Nothing sent', resolved.reason);
    return [];
  }
  if (resolved.kind === 'pick') {
    if (!deps.openPicker) {
      await say(`refused-${Date.now()}`, 'Nothing sent', 'This page holds several videos; open the video you want and try again.');
      return [];
    }
    try {
      await deps.openPicker({ candidates: resolved.candidates, target, pageUrl: info.pageUrl });
    } catch (error) {
      await say(`refused-${Date.now()}`, 'Nothing sent', `The list of videos could not be opened: ${String(error)}`);
    }
    return [];
  }
  try {
    return await sendToTarget(target, resolved.urls, deps, { found: resolved.found, pageUrl: info.pageUrl });
  } catch {
    return []; // sendToTarget has told the user why
  }
}
