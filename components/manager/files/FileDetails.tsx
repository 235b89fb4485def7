import { useState } from 'preact/hooks';
import type { Capability, DirectLinks, Folder, MirrorGroup } from '../../../lib/hosts/types';
import type { AccountCapabilities, ListedFile } from '../../../lib/protocol/files';
import type { HealthStatus } from '../../../lib/links/health';
import { send } from '../../../lib/messaging';
import { CopyButton } from '../../shared/CopyButton';
import { formatBytes, formatDuration } from '../../format/values';
import { useAction } from '../../hooks/useAction';
import { unavailable } from './capabilities';
import { EditForm } from './EditForm';
import { FolderSelect } from './FolderSelect';
import { t } from '../../../lib/i18n';
import { formatDate } from '../../format/dates';

// One file's facts, links and actions. An action the host lacks stays visible
// but disabled, with the reason next to it.

type Panel = 'none' | 'edit' | 'clone' | 'delete' | 'direct' | 'mirrors';

interface Props {
  accountId: string;
  caps: AccountCapabilities;
  file: ListedFile;
  folders: Folder[];
  health?: HealthStatus;
  onChanged(): Promise<void>;
  onClose(): void;
  notify(text: string, kind?: 'ok' | 'error'): void;
}

export function FileDetails({ accountId, caps, file, folders, health, onChanged, onClose, notify }: Props) {
  const [panel, setPanel] = useState<Panel>('none');
  const [cloneTitle, setCloneTitle] = useState(t('filesCopyTitle', file.title ?? file.fileCode));
  const [moveTo, setMoveTo] = useState('');
  const [direct, setDirect] = useState<DirectLinks>();
  const [mirrors, setMirrors] = useState<MirrorGroup[]>();
  const name = file.title ?? file.fileCode;

  const write = useAction({ onError: (error) => notify(error.message, 'error') });
  const run = async (what: () => Promise<unknown>, done: string) => {
    await write.run(async () => {
      await what();
      notify(done);
      setPanel('none');
      await onChanged();
    });
  };

  const action = (label: string, capability: Capability, next: Panel, onOpen?: () => Promise<void>) => {
    const reason = unavailable(caps, capability);
    return (
      <button
        type="button"
        disabled={!!reason}
        title={reason}
        aria-pressed={panel === next}
        onClick={async () => {
          setPanel(panel === next ? 'none' : next);
          if (panel !== next && onOpen) await write.run(onOpen);
        }}
      >
        {label}
      </button>
    );
  };

  const reasons = (['editFile', 'moveFiles', 'cloneFile', 'deleteFiles', 'directLinks', 'mirrors'] as Capability[])
    .map((c) => unavailable(caps, c))
    .filter(Boolean);
  const moveReason = unavailable(caps, 'moveFiles');

  return (
    <section class="panel details" aria-label={t('filesDetailsLabel', name)} aria-busy={write.pending}>
      <div class="row">
        <h2 class="grow ellipsis" title={name}>
          {name}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('filesCloseDetails')}>
          {t('filesClose')}
        </button>
      </div>
      <dl class="facts small">
        <dt>{t('filesCode')}</dt>
        <dd>{file.fileCode}</dd>
        <dt>{t('filesStatus')}</dt>
        <dd>
          {file.status}
          {health && health !== 'ok' ? ` · ${t('filesLinkCheck', health)}` : ''}
        </dd>
        <dt>{t('filesLength')}</dt>
        <dd>{formatDuration(file.length)}</dd>
        <dt>{t('filesSize')}</dt>
        <dd>{formatBytes(file.size)}</dd>
        <dt>{t('filesViews')}</dt>
        <dd>{file.views ?? '—'}</dd>
        <dt>{t('filesUploaded')}</dt>
        <dd>{formatDate(file.uploaded, true)}</dd>
      </dl>
      <div class="row small" style={{ margin: '8px 0' }}>
        <a href={file.links.watch} target="_blank" rel="noreferrer" class="grow ellipsis">
          {file.links.watch}
        </a>
        <CopyButton text={file.links.watch} label={t('filesCopyWatch')} />
        <CopyButton text={file.links.embed} label={t('filesCopyEmbed')} />
        {file.links.download ? <CopyButton text={file.links.download} label={t('filesCopyDownload')} /> : null}
      </div>
      <fieldset class="row bare" aria-label={t('filesActions')}>
        {action(t('filesActEdit'), 'editFile', 'edit')}
        {action(t('filesActClone'), 'cloneFile', 'clone')}
        {action(t('filesActDelete'), 'deleteFiles', 'delete')}
        {action(t('filesActDirect'), 'directLinks', 'direct', async () =>
          setDirect(await send('files.directLinks', { accountId, code: file.fileCode, hls: true })),
        )}
        {action(t('filesActMirrors'), 'mirrors', 'mirrors', async () => setMirrors(await send('files.mirrors', { accountId, code: file.fileCode })))}
      </fieldset>
      <div class="row" style={{ marginTop: '8px' }}>
        <FolderSelect id="details-move" label={t('filesMoveThisTo')} folders={folders} value={moveTo} disabled={!!moveReason} onChange={setMoveTo} />
        <button
          type="button"
          disabled={!!moveReason || !moveTo}
          title={moveReason}
          onClick={() => run(() => send('files.move', { accountId, codes: [file.fileCode], folderId: moveTo }), t('filesMovedName', name))}
        >
          {t('filesActMove')}
        </button>
      </div>
      {reasons.length ? (
        <ul class="small muted" aria-label={t('filesUnavailable')}>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}

      {panel === 'edit' ? (
        <EditForm
          caps={caps}
          files={[file]}
          onCancel={() => setPanel('none')}
          onSave={(changes) => run(() => send('files.edit', { accountId, codes: [file.fileCode], changes }), t('filesSavedName', changes.title ?? name))}
        />
      ) : null}
      {panel === 'clone' ? (
        <form
          class="panel"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => send('files.clone', { accountId, code: file.fileCode, title: cloneTitle }), t('filesClonedAs', cloneTitle));
          }}
        >
          <label for="clone-title">{t('filesCloneTitle')}</label>
          <input id="clone-title" type="text" value={cloneTitle} onInput={(e) => setCloneTitle((e.target as HTMLInputElement).value)} />
          <button type="submit" class="primary" style={{ marginTop: '8px' }}>
            {t('filesCloneFile')}
          </button>
        </form>
      ) : null}
      {panel === 'delete' ? (
        <div class="panel" role="alertdialog" aria-label={t('filesConfirmDelete')}>
          <p>{t('filesDeleteAskName', [name, caps.hostLabel])}</p>
          <button
            type="button"
            class="primary"
            onClick={() => run(() => send('files.delete', { accountId, codes: [file.fileCode] }), t('filesDeletedName', name)).then(onClose)}
          >
            {t('filesYesDelete')}
          </button>{' '}
          <button type="button" onClick={() => setPanel('none')}>
            {t('filesKeepIt')}
          </button>
        </div>
      ) : null}
      {panel === 'direct' ? <DirectList direct={direct} /> : null}
      {panel === 'mirrors' ? <MirrorList mirrors={mirrors} /> : null}
    </section>
  );
}

function DirectList({ direct }: { direct: DirectLinks | undefined }) {
  if (!direct) return <p class="muted">{t('filesLoadingDirect')}</p>;
  if (direct.versions.length === 0 && !direct.hls) return <p class="empty">{t('filesNoDirect')}</p>;
  return (
    <ul class="list small" aria-label={t('filesActDirect')}>
      {direct.versions.map((v) => (
        <li key={v.quality} class="row">
          <span class="badge">{v.quality}</span>
          <span class="grow ellipsis">{v.url}</span>
          <span class="muted">{formatBytes(v.size)}</span>
          <CopyButton text={v.url} label={t('filesCopyQuality', v.quality)} />
        </li>
      ))}
      {direct.hls ? (
        <li class="row">
          <span class="badge">HLS</span>
          <span class="grow ellipsis">{direct.hls}</span>
          <CopyButton text={direct.hls} label={t('filesCopyHls')} />
        </li>
      ) : null}
    </ul>
  );
}

function MirrorList({ mirrors }: { mirrors: MirrorGroup[] | undefined }) {
  if (!mirrors) return <p class="muted">{t('filesLoadingMirrors')}</p>;
  if (mirrors.length === 0) return <p class="empty">{t('filesNoMirrors')}</p>;
  return (
    <ul class="list small" aria-label={t('filesActMirrors')}>
      {mirrors.flatMap((group) =>
        // A mirror is told apart by where it lives: its group, its host (driver) and its address.
        group.mirrors.map((m) => (
          <li key={`${group.title}\n${m.driver}\n${m.link ?? m.iframe ?? ''}`} class="row">
            <span class="badge">{m.driver}</span>
            <span class="grow ellipsis">{m.link ?? m.iframe ?? ''}</span>
            <CopyButton text={m.link ?? m.iframe} label={t('filesCopyMirror', m.driver)} />
          </li>
        )),
      )}
    </ul>
  );
}
