import { browser } from 'wxt/browser';
import { AppError } from '../../errors';
import type { Job } from '../../queue/model/job';
import type { uploadRequests } from '../../protocol/uploads';
import type { UploadHostInfo } from '../../accounts/upload-fit';
import { formatSize } from '../../format/units';
import { checkedUrl, probeSource } from '../../upload/background/probe';
import type { HandlersFor } from '../context/handlers';
import type { BackgroundContext } from '../context/context';
import { assertFilesFit, assertUploadFits, hostInfoOf } from '../accounts/host-fit';
import { extensionTextFetcher } from '../../media/fetch-text';
import { isStream, streamToRelay } from '../send-to-host/streams';
import { downloadPattern } from '../../accounts/host-access';

export type UploadHandlerDeps = Pick<BackgroundContext, 'accounts' | 'runner' | 'uploads' | 'jobs'>;

export function createUploadHandlers(deps: UploadHandlerDeps): HandlersFor<typeof uploadRequests> {
  const { accounts, runner } = deps;
  const bridge = deps.uploads.bridge;
  return {
    'uploads.prepare': async () => {
      await bridge.prepare();
      return { mode: bridge.mode };
    },
    'uploads.hosts': async () => {
      const out: Record<string, UploadHostInfo> = {};
      for (const account of await accounts.all()) {
        const info = hostInfoOf(account);
        if (info) out[account.id] = info;
      }
      return out;
    },
    'uploads.add': async ({ accountId, files }) => {
      // Check every file before queueing any, so a refused batch leaves nothing half-sent.
      assertFilesFit(await accounts.get(accountId), files);
      const jobs: Job[] = [];
      for (const file of files) {
        const { id, options, snapshot: _snapshot, ...meta } = file;
        jobs.push(await runner.enqueueFile(accountId, meta, options, { id }));
      }
      return { jobs };
    },
    'uploads.mirror': async ({ files }) => {
      // Every file against every account it goes to, before anything is queued.
      const byAccount = new Map<string, typeof files>();
      for (const file of files) {
        if (new Set(file.targets.map((t) => t.accountId)).size !== file.targets.length) {
          throw new AppError('invalid_input', `"${file.name}" names an account twice; each account gets one copy.`);
        }
        for (const target of file.targets) byAccount.set(target.accountId, [...(byAccount.get(target.accountId) ?? []), file]);
      }
      for (const [accountId, list] of byAccount) assertFilesFit(await accounts.get(accountId), list);
      // Queued side by side, so the store writes a whole batch at once; the answer keeps the files' order.
      const mirrors = await Promise.all(files.map(({ targets, snapshot: _snapshot, ...meta }) => runner.enqueueFileMirror(meta, targets)));
      return { mirrors };
    },
    'uploads.reattach': async ({ id, name, size }) => {
      const job = await deps.jobs.store.get(id);
      if (job?.kind !== 'file') throw new AppError('not_found', 'That upload is no longer in the queue.');
      if (job.state !== 'interrupted' && job.state !== 'failed') throw new AppError('conflict', 'This upload is not waiting for its file.');
      if (job.file && (job.file.name !== name || job.file.size !== size)) {
        throw new AppError(
          'invalid_input',
          `That is not the same file: this upload needs "${job.file.name}" (${formatSize(job.file.size)}), you chose "${name}" (${formatSize(size)}).`,
        );
      }
      return runner.retry(id);
    },
    'relay.probe': async ({ url }) => {
      let origin: string;
      try {
        origin = downloadPattern(url.trim());
      } catch {
        throw new AppError('invalid_input', 'Enter the full link to the video, starting with http:// or https://.');
      }
      if (!(await browser.permissions.contains({ origins: [origin] }).catch(() => false))) {
        throw new AppError('permission', `VidRelay may not download from ${new URL(url.trim()).host} yet. Press "Check size" and allow access when asked.`);
      }
      if (isStream(undefined, url)) {
        // A playlist is no file to measure: it is read, and its best quality's estimate shown.
        const stream = await streamToRelay(url.trim(), extensionTextFetcher());
        return { url: stream.url, name: stream.title, ...(stream.bytes ? { size: stream.bytes } : {}), type: 'application/vnd.apple.mpegurl' };
      }
      return probeSource(url);
    },
    'relay.add': async ({ accountId, url, name, size, options }) => {
      // The relay downloads with the user's cookies (SECURITY.md): only an http(s) link the user entered (relay form, popup).
      const source = checkedUrl(url).href;
      const account = await accounts.get(accountId);
      assertUploadFits(account);
      // Without options (the popup's relay) the account's defaults apply, as for a remote upload.
      const chosen = options ?? { ...account.defaults };
      if (isStream(undefined, source)) {
        // Read again here (a master's URL may come straight from the popup): refused streams never become jobs.
        const stream = await streamToRelay(source, extensionTextFetcher());
        const bytesTotal = size ?? stream.bytes;
        return runner.enqueueRelay(accountId, stream.url, chosen, { title: name || stream.title, stream: 'hls', ...(bytesTotal ? { bytesTotal } : {}) });
      }
      return runner.enqueueRelay(accountId, source, chosen, { title: name, bytesTotal: size });
    },
  };
}
