import type { jobRequests } from '../../protocol/jobs';
import type { HandlersFor } from '../context/handlers';
import type { BackgroundContext } from '../context/context';
import { sendUrls } from '../send-to-host/send';
import { extensionTextFetcher } from '../../media/fetch-text';

/** Removing thousands of jobs goes in slices, so the queue's own writes are never held up for long. */
const clearSlice = 500;

export function createJobHandlers({ accounts, jobs, runner }: Pick<BackgroundContext, 'accounts' | 'jobs' | 'runner'>): HandlersFor<typeof jobRequests> {
  const { store, history, recent } = jobs;
  return {
    // Newest rows first (a mirror is one row), with every member of the mirrors among them.
    'jobs.list': ({ limit }) => recent.list(limit ?? 100),
    'jobs.page': (query) => history.query(query),
    'jobs.clear': async ({ before }) => {
      const ids = await history.finishedBefore(before);
      for (let at = 0; at < ids.length; at += clearSlice) await store.removeMany(ids.slice(at, at + clearSlice));
      return { removed: ids.length };
    },
    'jobs.problems': () => store.corrupted(),
    'jobs.retry': ({ id }) => runner.retry(id),
    'jobs.cancel': ({ id }) => runner.cancel(id),
    'jobs.remove': async ({ id }) => {
      await runner.remove(id);
      return { removed: true };
    },
    'jobs.hostAction': ({ id, action }) => runner.hostAction(id, action),
    'jobs.removeSecondCopy': ({ id }) => runner.removeSecondCopy(id),
    'remote.send': async ({ accountId, urls, options }) => {
      const account = await accounts.get(accountId);
      await accounts.ensureAccess(account);
      // Playlists pasted here are read from the extension (no page to read them in).
      return sendUrls(runner, account, urls, options, extensionTextFetcher());
    },
  };
}
