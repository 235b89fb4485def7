import { AppError } from '../../errors';
import type { JobEntry } from '../../queue/model/group';
import type { pickerRequests, PickerTarget } from '../../protocol/picker';
import type { HandlersFor } from '../context/handlers';
import { accountMenuId, MIRROR_MENU } from '../send-to-host/menus';
import type { BackgroundContext, MenuService } from '../context/context';

/** What the picker page needs of the menu: its accounts and its send path. */
export type PickerApi = Pick<MenuService, 'accounts' | 'send'>;
export interface PickerHandlerDeps extends Pick<BackgroundContext, 'pickerEntries'> {
  menu: PickerApi;
}

const expired = () => new AppError('not_found', 'This list of videos has expired or was already used. Right-click the page and choose "Send to host" again.');

async function targetsOf(api: PickerApi): Promise<PickerTarget[]> {
  const accounts = await api.accounts();
  const targets = accounts.map((a) => ({ id: accountMenuId(a.id), label: a.label }));
  return accounts.length > 1 ? [...targets, { id: MIRROR_MENU, label: 'All accounts (mirror)' }] : targets;
}

export function createPickerHandlers({ menu: api, pickerEntries: entries }: PickerHandlerDeps): HandlersFor<typeof pickerRequests> {
  // Ids being sent right now: the stored entry alone cannot stop two quick clicks both finding it.
  const taking = new Set<string>();
  return {
    'picker.get': async ({ id }) => {
      const entry = await entries.load(id);
      if (!entry) throw expired();
      const targets = await targetsOf(api);
      const target = targets.some((t) => t.id === entry.target) ? entry.target : (targets[0]?.id ?? '');
      return { id: entry.id, pageUrl: entry.pageUrl, candidates: entry.candidates, targets, target };
    },
    'picker.send': async ({ id, urls, target }) => {
      if (taking.has(id)) throw expired();
      taking.add(id);
      try {
        return await sendChosen(id, urls, target);
      } finally {
        taking.delete(id);
      }
    },
    'picker.dismiss': async ({ id }) => ({ removed: await entries.remove(id) }),
  };

  async function sendChosen(id: string, urls: string[], target: string): Promise<{ jobs: JobEntry[]; targetLabel: string }> {
    const entry = await entries.load(id);
    if (!entry) throw expired();
    // The page may only send what was found for it: the id is a grant for those URLs alone.
    const offered = new Set(entry.candidates.map((c) => c.url));
    const unknown = urls.find((url) => !offered.has(url));
    if (unknown) throw new AppError('invalid_input', 'That video was not in the list found on the page.');
    const targets = await targetsOf(api);
    const chosen = targets.find((t) => t.id === target);
    if (!chosen) throw new AppError('invalid_input', 'That account is no longer available. Pick another one.');
    // Taken before sending so a double click cannot send twice; put back if nothing was queued.
    if (!(await entries.remove(id))) throw expired();
    try {
      // The stream info read for the page goes along: a stream is relayed with its estimate, a refused one never queued.
      const jobs = await api.send(target, [...new Set(urls)], { found: entry.candidates, pageUrl: entry.pageUrl });
      return { jobs, targetLabel: chosen.label };
    } catch (error) {
      await entries.restore(entry);
      throw error;
    }
  }
}
