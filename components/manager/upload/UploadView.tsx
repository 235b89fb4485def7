import { AccountPicker, useAccountChoice } from '../../AccountPicker';
import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../../lib/queue/job';
import { errorFrom, send } from '../../../lib/messaging';
import { handFiles } from '../../../lib/upload/channel';
import { ErrorNote } from '../../ErrorNote';
import { useRemote, type UiError } from '../../useRemote';
import type { ManagerViewProps } from '../views';
import { FilePicker } from './FilePicker';
import { PendingFileCard } from './PendingFileCard';
import { RelayForm } from './RelayForm';
import { UploadJobRow } from './UploadJobRow';
import { defaultFields, splitVideos, toOptions, type PendingFile } from './pending';
import { usePageUploader } from './usePageUploader';

// The Upload tab: pick or drop files, set their fields, start; then watch
// every file upload and relay in the queue.

export function UploadView({ accounts, defaultAccountId }: ManagerViewProps) {
  const { usable, account, setAccountId } = useAccountChoice(accounts, defaultAccountId);
  const hosts = useRemote('uploads.hosts', {});
  const host = account ? hosts.data?.[account.id] : undefined;
  const jobs = useRemote('jobs.list', {}, 1000);
  const mode = usePageUploader();
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);

  // A new account brings its own defaults to files not yet edited by hand.
  useEffect(() => {
    setPending((list) => list.map((item) => ({ ...item, fields: { ...defaultFields(account), title: item.fields.title, description: item.fields.description } })));
  }, [account?.id]);

  const addFiles = (files: File[]) => {
    const { videos, skipped: others } = splitVideos(files);
    setSkipped(others.map((f) => f.name));
    setPending((list) => [...list, ...videos.map((file) => ({ key: crypto.randomUUID(), file, fields: defaultFields(account) }))]);
  };

  const start = async () => {
    if (!account || !pending.length) return;
    setBusy(true);
    setError(undefined);
    try {
      await send('uploads.prepare', {});
      const items = pending.map((item) => ({ ...item, jobId: crypto.randomUUID() }));
      // The uploader holds every File before its job exists, so no job ever starts without its bytes.
      await handFiles(items.map((item) => ({ jobId: item.jobId, file: item.file, snapshot: item.snapshot })));
      await send('uploads.add', {
        accountId: account.id,
        files: items.map((item) => ({
          id: item.jobId,
          name: item.file.name,
          size: item.file.size,
          type: item.file.type,
          lastModified: item.file.lastModified,
          options: toOptions(item.fields, host),
          ...(item.snapshot ? { snapshot: { name: item.snapshot.name, size: item.snapshot.size, type: item.snapshot.type } } : {}),
        })),
      });
      setPending([]);
      await jobs.reload();
    } catch (e) {
      // Nothing was queued: the list stays as it was, ready to try again.
      setError(errorFrom(e));
    } finally {
      setBusy(false);
    }
  };

  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(errorFrom(e));
    }
    await jobs.reload();
  };

  const reattach = (job: Job, file: File) =>
    act(async () => {
      if (job.file && (job.file.name !== file.name || job.file.size !== file.size)) {
        throw new Error(`That is not the same file: this upload needs "${job.file.name}".`);
      }
      await send('uploads.prepare', {});
      await handFiles([{ jobId: job.id, file }]);
      await send('uploads.reattach', { id: job.id, name: file.name, size: file.size });
    });

  const uploadJobs = (jobs.data ?? []).filter((job) => job.kind === 'file' || job.kind === 'relay');
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? 'removed account';

  if (accounts.length && !usable.length) return <p class="empty">Every account is turned off. Turn one on in Options to upload.</p>;
  if (!accounts.length) {
    return (
      <p class="empty">
        No accounts yet. <a href="/options.html">Add an account in Options</a> to upload files.
      </p>
    );
  }
  return (
    <section aria-label="Upload files">
      <div class="row" style={{ marginBottom: '8px' }}>
        <div>
          <AccountPicker id="upload-account" accounts={usable} value={account?.id ?? ''} onChange={setAccountId} />
        </div>
        {host && !host.canUpload ? <p class="error small grow">{host.label} takes no file uploads through its API; pick another account.</p> : null}
      </div>
      {mode === 'page' ? (
        <p class="warn small" role="note">
          Keep this tab open until your uploads finish: in this browser the tab itself sends the files.
        </p>
      ) : null}
      <FilePicker onFiles={addFiles} disabled={busy} />
      {skipped.length ? <p class="small warn">Skipped (not video files): {skipped.join(', ')}</p> : null}
      {pending.length ? (
        <>
          <ul class="list" aria-label="Files to upload" style={{ marginTop: '8px' }}>
            {pending.map((item) => (
              <PendingFileCard
                key={item.key}
                item={item}
                host={host}
                onChange={(next) => setPending((list) => list.map((x) => (x.key === item.key ? next : x)))}
                onRemove={() => setPending((list) => list.filter((x) => x.key !== item.key))}
              />
            ))}
          </ul>
          <div class="row">
            <span class="grow muted small">
              {pending.length} file{pending.length === 1 ? '' : 's'} to {account?.label}
            </span>
            <button type="button" onClick={() => setPending([])} disabled={busy}>
              Clear list
            </button>
            <button type="button" class="primary" onClick={start} disabled={busy || !account || host?.canUpload === false}>
              Start upload
            </button>
          </div>
        </>
      ) : null}
      <ErrorNote error={error} />
      <RelayForm account={account} host={host} onQueued={() => void jobs.reload()} />
      <section aria-label="Uploads" style={{ marginTop: '12px' }}>
        <h2>Uploads</h2>
        <ErrorNote error={jobs.error} />
        {uploadJobs.length ? (
          <ul class="list" aria-label="Upload queue">
            {uploadJobs.map((job) => (
              <UploadJobRow
                key={job.id}
                job={job}
                accountLabel={labelOf(job.accountId)}
                onCancel={(j) => act(() => send('jobs.cancel', { id: j.id }))}
                onRetry={(j) => act(() => send('jobs.retry', { id: j.id }))}
                onRemove={(j) => act(() => send('jobs.remove', { id: j.id }))}
                onReattach={reattach}
              />
            ))}
          </ul>
        ) : (
          <p class="empty">No uploads yet. Drop video files above to start.</p>
        )}
      </section>
    </section>
  );
}
