import type { Job } from '../../lib/queue/model/job';
import { groupDone, type JobGroup } from '../../lib/queue/model/group';
import { useEffect, useState } from 'preact/hooks';
import { formatLinks, linkFormats, type LinkFormat } from '../../lib/links/formats';
import { send } from '../../lib/messaging';
import { CopyButton } from './CopyButton';
import { jobLinkItem } from '../format/linkItems';
import { t, type MessageKey } from '../../lib/i18n';

// One mirror (a video sent to several accounts) as one list: each account's
// state while it runs, and once every account is done, all links together.

interface Props {
  group: JobGroup;
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
export function mirrorLinkText(group: JobGroup, choice: LinkChoice = { format: 'plain' }, labelOf: (id: string) => string = (id) => id): string {
  const items = group.members.flatMap((member) => {
    const item = member.state === 'ready' ? jobLinkItem(member, labelOf(member.accountId)) : undefined;
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

export function MirrorLinks({ group, accounts = [] }: Props) {
  const choice = useLinkChoice(group.accountId);
  const children = group.members;
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');
  const done = groupDone(group);
  const ready = children.filter((child) => child.state === 'ready').length;
  const all = mirrorLinkText(group, choice, labelOf);

  return (
    <div class="small" data-mirror-id={group.id} data-done={done ? 'true' : 'false'}>
      <div class="row">
        <span class="grow muted">
          {done ? t('mirrorAllDone', [String(children.length), String(ready)]) : t('mirrorProgress', [String(ready), String(children.length)])}
        </span>
        {done && all ? <CopyButton text={all} label={t('mirrorCopyAll')} /> : null}
      </div>
      <ul class="list" aria-label={t('mirrorList')}>
        {children.map((child) => (
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
        ))}
      </ul>
    </div>
  );
}
