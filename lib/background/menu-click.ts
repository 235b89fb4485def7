import { findVideosInTab } from '../media/inject';
import { isUploadableUrl, pickSource, type ContextClickInfo } from '../media';
import type { UploadOptions } from '../hosts/types';
import type { Job } from '../queue/job';
import { HostError } from '../errors';
import { accountIdFromMenu, MIRROR_MENU } from './menus';
import { notify } from './notify';

export interface MenuClickInfo extends ContextClickInfo {
  menuItemId: string | number;
  frameId?: number;
}

export interface MenuQueue {
  enqueueRemote(accountId: string, url: string, options?: UploadOptions): Promise<Job>;
  enqueueMirror(accountIds: string[], url: string, options?: UploadOptions): Promise<Job>;
}

export interface MenuDeps {
  queue: MenuQueue;
  enabledAccountIds(): Promise<string[]>;
  labelOf(accountId: string): Promise<string>;
  /** Looks into the page when the click gave no usable address (blob: players, clicks on the page). */
  findInTab?(tabId: number, frameId?: number): Promise<string[]>;
}

export const defaultFindInTab = async (tabId: number, frameId?: number) =>
  (await findVideosInTab(tabId, frameId)).filter((v) => v.kind !== 'embed').map((v) => v.url);

/** Which URLs a click means: the clicked address, or what the page holds when that cannot be sent. */
async function resolveUrls(info: MenuClickInfo, tabId: number | undefined, deps: MenuDeps): Promise<{ urls: string[]; refused?: string }> {
  const picked = pickSource(info);
  const usable = picked.filter((url) => isUploadableUrl(url).ok);
  const clickedMedia = info.srcUrl || info.linkUrl || info.selectionText;
  if (usable.length > 0 && clickedMedia) return { urls: usable };
  const refused = picked.map((url) => isUploadableUrl(url)).find((c) => !c.ok);
  if (tabId !== undefined && deps.findInTab) {
    try {
      const found = await deps.findInTab(tabId, info.frameId);
      if (found.length > 0) return { urls: [found[0]] };
    } catch {
      // the page could not be scripted; fall through to what the click gave
    }
  }
  if (usable.length > 0) return { urls: usable };
  return { urls: [], refused: refused && !refused.ok ? refused.reason : 'No video address was found on this page.' };
}

/** The code path the "Send to host" menu runs; e2e tests call it through the service worker. */
export async function handleMenuClick(info: MenuClickInfo, tabId: number | undefined, deps: MenuDeps): Promise<Job[]> {
  const single = accountIdFromMenu(info.menuItemId);
  const mirror = String(info.menuItemId) === MIRROR_MENU;
  if (!single && !mirror) return [];
  const { urls, refused } = await resolveUrls(info, tabId, deps);
  if (urls.length === 0) {
    await notify(`refused-${Date.now()}`, 'Nothing sent', refused ?? 'No video address was found.');
    return [];
  }
  const jobs: Job[] = [];
  try {
    for (const url of urls) {
      if (mirror) jobs.push(await deps.queue.enqueueMirror(await deps.enabledAccountIds(), url));
      else jobs.push(await deps.queue.enqueueRemote(single!, url));
    }
  } catch (error) {
    const message = error instanceof HostError ? error.message : 'The job could not be queued.';
    await notify(`failed-${Date.now()}`, 'Not sent', message);
    return jobs;
  }
  const target = mirror ? 'all accounts' : await deps.labelOf(single!);
  await notify(jobs[0].id, `Sending to ${target}`, urls.length === 1 ? urls[0] : `${urls.length} videos`);
  return jobs;
}
