import { browser } from 'wxt/browser';
import { HostError } from '../../errors';
import { getPreset } from '../../hosts';
import type { HostClient } from '../../hosts/types';
import type { Job } from '../../queue/job';
import type { QueueRunner } from '../../queue/runner';
import type { uploadRequests, UploadHostInfo } from '../../protocol/uploads';
import { formatSize } from '../../links/units';
import { checkedUrl, probeSource } from '../../upload/background/probe';
import type { UploadBridge } from '../../upload/background/bridge';
import { accountsItem } from '../../storage';
import type { HandlersFor } from '../router';
import { getAccount } from '../accounts';

export interface UploadHandlerDeps {
  runner: Pick<QueueRunner, 'enqueueFile' | 'enqueueRelay' | 'retry'>;
  bridge: Pick<UploadBridge, 'mode' | 'prepare'>;
  getJob(id: string): Promise<Job | undefined>;
  clientFor(accountId: string): Promise<HostClient>;
  fetch?: typeof fetch;
}

async function uploadClient(deps: UploadHandlerDeps, accountId: string): Promise<HostClient> {
  const account = await getAccount(accountId);
  if (!account.enabled) throw new HostError('invalid_input', `The account "${account.label}" is turned off. Turn it on in Options first.`);
  const client = await deps.clientFor(accountId);
  if (!client.capabilities.has('upload')) throw new HostError('unsupported', `${client.preset.label} takes no file uploads through its API.`);
  return client;
}

function checkSnapshot(client: HostClient, file: string, snapshot: { name: string; size: number; type: string }): void {
  const max = client.preset.snapshotMaxBytes;
  const label = client.preset.label;
  if (!client.preset.customSnapshot) throw new HostError('invalid_input', `${label} takes no custom snapshot; remove it from "${file}".`);
  if (snapshot.type && !snapshot.type.startsWith('image/')) {
    throw new HostError('invalid_input', `The snapshot for "${file}" must be an image (JPEG or PNG), not ${snapshot.type}.`);
  }
  if (max !== undefined && snapshot.size > max) {
    throw new HostError(
      'invalid_input',
      `The snapshot "${snapshot.name}" is ${formatSize(snapshot.size)}; ${label} accepts at most ${formatSize(max)}. Choose a smaller image.`,
    );
  }
}

export function createUploadHandlers(deps: UploadHandlerDeps): HandlersFor<typeof uploadRequests> {
  return {
    'uploads.prepare': async () => {
      await deps.bridge.prepare();
      return { mode: deps.bridge.mode };
    },
    'uploads.hosts': async () => {
      const out: Record<string, UploadHostInfo> = {};
      for (const account of await accountsItem.get()) {
        const preset = getPreset(account.hostId);
        if (!preset) continue;
        const overrides = account.capabilityOverrides ?? {};
        const has = (name: 'upload' | 'remoteUpload' | 'listFolder') => overrides[name] ?? preset.capabilities.has(name);
        out[account.id] = {
          label: preset.label,
          canUpload: has('upload'),
          canRemote: has('remoteUpload'),
          adultFlag: preset.adultFlag,
          snapshots: preset.customSnapshot,
          folders: has('listFolder'),
          ...(preset.snapshotMaxBytes !== undefined ? { snapshotMaxBytes: preset.snapshotMaxBytes } : {}),
        };
      }
      return out;
    },
    'uploads.add': async ({ accountId, files }) => {
      const client = await uploadClient(deps, accountId);
      // Check every file before queueing any, so a refused batch leaves nothing half-sent.
      for (const file of files) {
        if (file.size === 0) throw new HostError('invalid_input', `"${file.name}" is empty; hosts refuse empty files.`);
        if (file.snapshot) checkSnapshot(client, file.name, file.snapshot);
      }
      const jobs: Job[] = [];
      for (const file of files) {
        const { id, options, snapshot: _snapshot, ...meta } = file;
        jobs.push(await deps.runner.enqueueFile(accountId, meta, options, { id }));
      }
      return { jobs };
    },
    'uploads.reattach': async ({ id, name, size }) => {
      const job = await deps.getJob(id);
      if (!job || job.kind !== 'file') throw new HostError('not_found', 'That upload is no longer in the queue.');
      if (job.state !== 'interrupted' && job.state !== 'failed') throw new HostError('conflict', 'This upload is not waiting for its file.');
      if (job.file && (job.file.name !== name || job.file.size !== size)) {
        throw new HostError(
          'invalid_input',
          `That is not the same file: this upload needs "${job.file.name}" (${formatSize(job.file.size)}), you chose "${name}" (${formatSize(size)}).`,
        );
      }
      return deps.runner.retry(id);
    },
    'relay.probe': async ({ url }) => {
      let origin: string;
      try {
        origin = `${new URL(url.trim()).origin}/*`;
      } catch {
        throw new HostError('invalid_input', 'Enter the full link to the video, starting with http:// or https://.');
      }
      if (!(await browser.permissions.contains({ origins: [origin] }).catch(() => false))) {
        throw new HostError('permission', `VidRelay may not download from ${new URL(url.trim()).host} yet. Press "Check size" and allow access when asked.`);
      }
      return probeSource(url, deps.fetch);
    },
    'relay.add': async ({ accountId, url, name, size, options }) => {
      // The relay downloads with the user's cookies (SECURITY.md): only an http(s) link the user entered in the relay form.
      const source = checkedUrl(url).href;
      await uploadClient(deps, accountId);
      return deps.runner.enqueueRelay(accountId, source, options, { title: name, bytesTotal: size });
    },
  };
}
