import type { Job } from '../lib/queue/job';
import { mirrorChildren } from '../lib/queue/mirror';
import { terminalStates } from '../lib/queue/states';
import { useEffect, useState } from 'preact/hooks';
import { formatLinks, linkFormats, type LinkFormat } from '../lib/links/formats';
import { send } from '../lib/messaging';
import { CopyButton } from './CopyButton';
import { jobLinkItem } from './links/linkItems';
import { t, type MessageKey } from '../lib/i18n';

// One mirror (a video sent to several accounts) as one list: each account's
// state while it runs, and once every account is done, all links together.

interface Props {
  parent: Job;
  /** Any list holding the parent's child jobs (others are ignored). */
  jobs: readonly Job[];
  accounts?: readonly { id: string; label: string }[];
}

const stateKey: Record<Job['state'], MessageKey> = {
  queued: 'mirrorStateQueued',
  sending: 'mirrorStateSending',
  uploading: 'mirrorStateUploading',
  encoding: 'mirrorStateEncoding',
  ready: 'mirrorStateReady',
  failed: 'mirrorStateFailed',
  interrupted: 'mirrorStateInterrupted',
};

export interface LinkChoice {
  format: LinkFormat;
  template?: string;
}

/** Every ready account's link, in the chosen format (plain URLs, one a line, by default). */
export function mirrorLinkText(parent: Job, jobs: readonly Job[], choice: LinkChoice = { format: 'plain' }, labelOf: (id: string) => string = (id) => id): string {
  const items = mirrorChildren(parent, jobs).flatMap((child) => {
    const item = child?.state === 'ready' ? jobLinkItem(child, labelOf(child.accountId)) : undefined;
    return item ? [item] : [];
  });
  if (!items.length) return '';
  try {
    return formatLinks(items, choice.format, choice.template);
  } catch {
    // A broken custom template must not cost the user the links themselves.
    return formatLinks(items, 'plain');
  }
}

/** The user's link format: the account's default, else the overall one (plain until it has loaded). */
function useLinkChoice(accountId: string): LinkChoice {
  const [choice, setChoice] = useState<LinkChoice>({ format: 'plain' });
  useEffect(() => {
    let live = true;
    send('settings.links', {})
      .then((s) => {
        const preferred = s.perAccount[accountId] || s.format;
        const known = linkFormats.find((f) => f.id === preferred);
        if (live && known) setChoice({ format: known.id, template: s.template });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [accountId]);
  return choice;
}

export function MirrorLinks({ parent, jobs, accounts = [] }: Props) {
  const choice = useLinkChoice(parent.accountId);
  if (parent.kind !== 'mirror') return null;
  const children = mirrorChildren(parent, jobs);
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');
  const done = children.length > 0 && children.every((child) => child && terminalStates.has(child.state));
  const ready = children.filter((child) => child?.state === 'ready').length;
  const all = mirrorLinkText(parent, jobs, choice, labelOf);

  return (
    <div class="small" data-mirror-id={parent.id} data-done={done ? 'true' : 'false'}>
      <div class="row">
        <span class="grow muted">
          {done ? t('mirrorAllDone', [String(children.length), String(ready)]) : t('mirrorProgress', [String(ready), String(children.length)])}
        </span>
        {done && all ? <CopyButton text={all} label={t('mirrorCopyAll')} /> : null}
      </div>
      <ul class="list" aria-label={t('mirrorList')}>
        {children.map((child, index) =>
          child ? (
            <li key={child.id} class="row" data-state={child.state} style={{ padding: '2px 0', flexWrap: 'nowrap' }}>
              <strong>{labelOf(child.accountId)}</strong>
              {child.state === 'ready' && child.links ? (
                <a class="grow ellipsis" href={child.links.watch} target="_blank" rel="noreferrer" data-field="mirror-link">
                  {child.links.watch}
                </a>
              ) : (
                <span class={`grow ellipsis ${child.error ? 'error' : 'muted'}`} title={child.error?.message}>
                  {child.error?.message ?? t(stateKey[child.state])}
                </span>
              )}
            </li>
          ) : (
            <li key={`missing-${index}`} class="muted">
              {t('mirrorMissing')}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
