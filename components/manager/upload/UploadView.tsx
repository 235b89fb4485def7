import { JobAnnouncer } from '../../shared/JobAnnouncer';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UploadJob } from '../../../lib/queue/model/job';
import { entriesOf, type JobGroup } from '../../../lib/queue/model/group';
import { send } from '../../../lib/messaging';
import { handOver } from '../../../lib/upload/page/hand-over';
import { ErrorNote } from '../../shared/ErrorNote';
import { useRemote } from '../../hooks/useRemote';
import { useAction } from '../../hooks/useAction';
import { useJobs } from '../../hooks/useJobs';
import type { ManagerViewProps } from '../view-props';
import { FilePicker } from './FilePicker';
import { PendingList } from './PendingList';
import { RelayForm } from './RelayForm';
import { UploadJobRow } from './UploadJobRow';
import { MirrorUploadRow } from './MirrorUploadRow';
import { UploadTargets } from './UploadTargets';
import { defaultFields, rebaseDefaults, splitVideos, toOptions, type PendingFile } from './pending';
import { accountProblem, fileProblems } from '../../../lib/accounts/upload-fit';
import { fitText } from '../../format/fitWords';
import { usePageUploader } from './usePageUploader';
import { t } from '../../../lib/i18n';
import './upload.css';
import { localNumber } from '../../../lib/format/local';
import { shownUploadPage } from '../../hooks/lastShown';
import { removeJob } from '../../hooks/removeJobs';
import type { HistoryPage } from '../../../lib/queue/history';

// The Upload tab: pick or drop files, set their fields, start; then watch
// every file upload and relay in the queue.

/** Rows drawn in the tab's first frame: a few screens' worth. */
const firstRows = 30;
/** Those rows as the tab last showed them, drawn at once on its next open (lastShown.ts). */
const shownUploads = shownUploadPage<HistoryPage>(firstRows);

export function UploadView({ accounts, defaultAccountId }: ManagerViewProps) {
  const usable = accounts.filter((a) => a.enabled);
  // The default account first, ticked; the first ticked account is the primary (folder list, defaults).
  const ordered = [...usable].sort((a, b) => Number(b.id === defaultAccountId) - Number(a.id === defaultAccountId));
  const hosts = useRemote('uploads.hosts', {});
  // An account whose host takes no files is never a target (its checkbox says why).
  const takesFiles = (id: string) => {
    const info = hosts.data?.[id];
    return !info || !accountProblem(info);
  };
  const [picked, setTargets] = useState<string[] | undefined>();
  const targets = (
    picked ??
    ordered
      .filter((a) => takesFiles(a.id))
      .slice(0, 1)
      .map((a) => a.id)
  ).filter(takesFiles);
  const targetAccounts = ordered.filter((a) => targets.includes(a.id));
  const account = targetAccounts[0];
  const host = account ? hosts.data?.[account.id] : undefined;
  // The newest file uploads and relays, followed through the background's job feed.
  const jobs = useJobs('jobs.page', { kinds: ['file', 'relay', 'mirror'], limit: 200 }, shownUploads);
  const write = useAction({ after: jobs.reload });
  usePageUploader();
  const [pending, setPending] = useState<PendingFile[]>([]);
  // The first screenfuls of the list are drawn with the tab, the rest (up to 200 rows) a frame after them.
  const [drawn, setDrawn] = useState(firstRows);
  const listed = (jobs.data?.jobs.length ?? 0) > 0 && accounts.length > 0;
  useEffect(() => {
    if (!listed || drawn > firstRows) return;
    const frame = requestAnimationFrame(() => setDrawn(Number.POSITIVE_INFINITY));
    return () => cancelAnimationFrame(frame);
  }, [listed, drawn]);
  const [skipped, setSkipped] = useState<string[]>([]);

  // A new primary account brings its own defaults, but only to fields still at the old account's
  // defaults: what the user set by hand or through the batch bar stays. Only another account counts,
  // not a new object for the same one.
  const primaryId = account?.id;
  const latestAccount = useRef(account);
  latestAccount.current = account;
  const shownDefaults = useRef({ accountId: primaryId, fields: defaultFields(account) });
  useEffect(() => {
    if (shownDefaults.current.accountId === primaryId) return;
    const before = shownDefaults.current.fields;
    const next = defaultFields(latestAccount.current);
    shownDefaults.current = { accountId: primaryId, fields: next };
    setPending((list) => list.map((item) => ({ ...item, fields: rebaseDefaults(item.fields, before, next) })));
  }, [primaryId]);

  const addFiles = (files: File[]) => {
    const { videos, skipped: others } = splitVideos(files);
    setSkipped(others.map((f) => f.name));
    setPending((list) => [...list, ...videos.map((file) => ({ key: crypto.randomUUID(), file, fields: defaultFields(account) }))]);
  };

  const factsOf = (item: PendingFile) => ({
    name: item.file.name,
    size: item.file.size,
    type: item.file.type,
    ...(item.snapshot ? { snapshot: { name: item.snapshot.name, size: item.snapshot.size, type: item.snapshot.type } } : {}),
  });
  const problemsFor = (accountId: string, item: PendingFile) => {
    const info = hosts.data?.[accountId];
    return info ? fileProblems(info, factsOf(item)) : [];
  };
  const problemsOf = (item: PendingFile) =>
    targetAccounts.flatMap((a) => problemsFor(a.id, item).map((p) => (targetAccounts.length > 1 ? `${a.label}: ${fitText(p)}` : fitText(p))));
  const blocked = pending.some((item) => problemsOf(item).length > 0);

  // On a failure nothing was queued: the list stays as it was, ready to try again.
  const start = async () => {
    if (!account || !pending.length) return;
    await write.run(async () => {
      // Other accounts than the primary keep their own default folder and category: ids differ between hosts.
      const fieldsFor = (item: PendingFile, index: number) =>
        index === 0
          ? item.fields
          : { ...item.fields, folderId: defaultFields(targetAccounts[index]).folderId, categoryId: defaultFields(targetAccounts[index]).categoryId };
      if (targetAccounts.length > 1) {
        // A mirror: one child job per account and file. The uploader holds the same File under every child's id
        // and each upload reads it from disk itself, so nothing is copied.
        const files = pending.map((item) => ({
          item,
          targets: targetAccounts.map((target, index) => ({
            accountId: target.id,
            id: crypto.randomUUID(),
            options: toOptions(fieldsFor(item, index), hosts.data?.[target.id]),
          })),
        }));
        await handOver(
          files.flatMap(({ item, targets }) => targets.map((target) => ({ jobId: target.id, file: item.file, snapshot: item.snapshot }))),
          () => send('uploads.mirror', { files: files.map(({ item, targets }) => ({ lastModified: item.file.lastModified, ...factsOf(item), targets })) }),
        );
      }
      for (const [index, target] of (targetAccounts.length > 1 ? [] : targetAccounts).entries()) {
        const items = pending.map((item) => ({ ...item, jobId: crypto.randomUUID() }));
        await handOver(
          items.map((item) => ({ jobId: item.jobId, file: item.file, snapshot: item.snapshot })),
          () =>
            send('uploads.add', {
              accountId: target.id,
              files: items.map((item) => ({
                id: item.jobId,
                lastModified: item.file.lastModified,
                ...factsOf(item),
                options: toOptions(fieldsFor(item, index), hosts.data?.[target.id]),
              })),
            }),
        );
      }
      setPending([]);
    });
  };

  const reattach = (job: UploadJob, file: File) =>
    write.run(async () => {
      if (job.kind === 'file' && (job.file.name !== file.name || job.file.size !== file.size)) {
        throw new Error(t('upNotSameFile', job.file.name));
      }
      await handOver([{ jobId: job.id, file }], () => send('uploads.reattach', { id: job.id, name: file.name, size: file.size }));
    });

  const all = jobs.data?.jobs ?? [];
  // Uploads and relays, and file mirrors (their members, which the page carries too, show inside them).
  const uploadJobs = entriesOf(all).filter(
    (entry): entry is UploadJob | JobGroup => entry.kind === 'file' || entry.kind === 'relay' || (entry.kind === 'mirror' && !!entry.file),
  );
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');

  if (accounts.length && !usable.length) return <p class="empty">{t('upAllOff')}</p>;
  if (!accounts.length) {
    return (
      <p class="empty">
        {t('upNoAccounts')} <a href="/options.html">{t('upAddAccountLink')}</a> {t('upNoAccountsAfter')}
      </p>
    );
  }
  return (
    <section aria-label={t('upSection')}>
      <div class="row" style={{ marginBottom: '8px' }}>
        <div class="grow">
          <UploadTargets
            accounts={ordered}
            hosts={hosts.data}
            value={targets}
            refusedCount={(id) => pending.filter((item) => problemsFor(id, item).length > 0).length}
            onChange={setTargets}
          />
        </div>
      </div>
      <FilePicker onFiles={addFiles} disabled={write.pending} compact={pending.length > 0} />
      {skipped.length ? <p class="small warn">{t('upSkipped', skipped.join(', '))}</p> : null}
      {pending.length ? (
        <>
          <PendingList pending={pending} host={host} accountId={account?.id} problemsOf={problemsOf} onChange={setPending} />
          <div class="row">
            <span class="grow muted small">
              {targetAccounts.length === 0
                ? t('upNoTarget')
                : blocked
                  ? t('upFixRefused')
                  : pending.length === 1
                    ? t('upPendingOne', targetAccounts.map((a) => a.label).join(', '))
                    : t('upPendingMany', [localNumber(pending.length), targetAccounts.map((a) => a.label).join(', ')])}
            </span>
            <button type="button" onClick={() => setPending([])} disabled={write.pending}>
              {t('upClearList')}
            </button>
            <button type="button" class="primary" onClick={start} disabled={write.pending || !account || blocked}>
              {t('upStart')}
            </button>
          </div>
        </>
      ) : null}
      <ErrorNote error={write.error} />
      <RelayForm account={account} host={host} onQueued={() => void jobs.reload()} />
      <section aria-label={t('upUploads')} aria-busy={jobs.stale} style={{ marginTop: '12px' }}>
        <h2>{t('upUploads')}</h2>
        <JobAnnouncer jobs={jobs.stale ? undefined : jobs.data?.jobs} />
        <ErrorNote error={jobs.error ?? jobs.storageError} />
        {uploadJobs.length ? (
          <ul class="list upload-queue" aria-label={t('upQueue')}>
            {uploadJobs.slice(0, drawn).map((job) => {
              const actions = {
                onCancel: (j: { id: string }) => write.run(() => send('jobs.cancel', { id: j.id })),
                onRetry: (j: { id: string }) => write.run(() => send('jobs.retry', { id: j.id })),
                onRemove: (j: { id: string }) => write.run(() => removeJob(j.id)),
                onReattach: reattach,
              };
              return job.kind === 'mirror' ? (
                <MirrorUploadRow key={job.id} group={job} accounts={accounts} {...actions} />
              ) : (
                <UploadJobRow
                  key={job.id}
                  job={job}
                  accountLabel={labelOf(job.accountId)}
                  allowHttp={accounts.find((a) => a.id === job.accountId)?.allowHttp}
                  {...actions}
                />
              );
            })}
          </ul>
        ) : (
          <p class="empty">{t('upNoUploads')}</p>
        )}
      </section>
    </section>
  );
}
