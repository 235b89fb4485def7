import type { Job } from '../../lib/queue/model/job';
import { groupDone, type JobGroup } from '../../lib/queue/model/group';
import { useEffect, useState } from 'preact/hooks';
import { linkFormats } from '../../lib/links/formats';
import { loadLinkSettings } from '../hooks/linkSettings';
import { copyText } from './CopyButton';
import { linkedText, memberLinked, mirrorCopy, type LinkChoice } from './mirrorCopy';
import { t, type MessageKey } from '../../lib/i18n';
import { localNumber } from '../../lib/format/local';

// One mirror (a video sent to several accounts) as one list: each account's
// link as soon as its host has named the file, else its state or its error;
// and "Copy all links" once no account can still bring one.

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

/** A member's state in a word, for the lists that show it beside the account. */
function mirrorStateWord(member: Job): string {
  return t(stateKey[member.state]);
}

/** Every linked account's link, in the chosen format (plain URLs, one a line, by default). */
export const mirrorLinkText = linkedText;

/** How far the mirror is, in a few words. */
export function mirrorSummary(group: JobGroup): string {
  const ready = group.members.filter((member) => member.state === 'ready').length;
  const total = String(group.members.length);
  return groupDone(group) ? t('mirrorAllDone', [total, localNumber(ready)]) : t('mirrorProgress', [localNumber(ready), total]);
}

export const labelsOf =
  (accounts: readonly { id: string; label: string }[]) =>
  (id: string): string =>
    accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');

/** The user's link format: the account's default, else the overall one (plain until it has loaded). */
function useLinkChoice(accountId: string): LinkChoice {
  const [choice, setChoice] = useState<LinkChoice>({ format: 'plain' });
  useEffect(() => {
    let live = true;
    loadLinkSettings()
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

/** How long the button says "Copied", and the note names the accounts left out. */
const saidMs = { copied: 1500, note: 8000 };

/** "Copy all links" in the user's format, with a note naming the accounts it had no link for; nothing while it is not offered. */
export function MirrorCopyAll({ group, labelOf, class: className }: { group: JobGroup; labelOf(id: string): string; class?: string }) {
  const choice = useLinkChoice(group.accountId);
  const copy = mirrorCopy(group, choice, labelOf);
  const [said, setSaid] = useState<{ result: 'copied' | 'failed'; note?: string }>();
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(undefined), said.note ? saidMs.note : saidMs.copied);
    return () => clearTimeout(timer);
  }, [said]);
  if (!copy) return null;
  const missing = copy.missing.join(', ');
  const onClick = async () => {
    try {
      await copyText(copy.text);
      setSaid({
        result: 'copied',
        note: copy.missing.length ? t('mirrorCopiedSome', [localNumber(copy.copied), localNumber(copy.total), missing]) : undefined,
      });
    } catch {
      setSaid({ result: 'failed' });
    }
  };
  return (
    <>
      {said?.note ? (
        <span class="small warn ellipsis" role="status" data-field="copy-note" title={said.note}>
          {said.note}
        </span>
      ) : null}
      <button
        type="button"
        class={className}
        onClick={onClick}
        aria-label={t('mirrorCopyAll')}
        title={copy.missing.length ? t('mirrorMissing', missing) : undefined}
      >
        {said?.result === 'copied' ? t('commonCopied') : said?.result === 'failed' ? t('commonCopyFailed') : t('mirrorCopyAll')}
      </button>
    </>
  );
}

export function MirrorLinks({ group, accounts = [] }: Props) {
  const labelOf = labelsOf(accounts);
  return (
    <div class="small" data-mirror-id={group.id} data-done={groupDone(group) ? 'true' : 'false'}>
      <div class="row">
        <span class="grow muted">{mirrorSummary(group)}</span>
        <MirrorCopyAll group={group} labelOf={labelOf} />
      </div>
      <ul class="list" aria-label={t('mirrorList')}>
        {group.members.map((child) => (
          <li key={child.id} class="row" data-state={child.state} style={{ padding: '2px 0', flexWrap: 'nowrap' }}>
            <strong>{labelOf(child.accountId)}</strong>
            {memberLinked(child) ? (
              <>
                <a class="grow ellipsis" href={child.links!.watch} target="_blank" rel="noreferrer" data-field="mirror-link">
                  {child.links!.watch}
                </a>
                {child.state === 'ready' ? null : <span class="muted">{mirrorStateWord(child)}</span>}
              </>
            ) : (
              <span class={`grow ellipsis ${child.error ? 'error' : 'muted'}`} title={child.error?.message}>
                {child.error?.message ?? mirrorStateWord(child)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
