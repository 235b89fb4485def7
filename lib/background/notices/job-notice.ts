import type { JobEntry } from '../../queue/model/group';
import { t } from '../../i18n';
import { localNumber } from '../../format/local';

export interface Notice {
  title: string;
  message: string;
}

/** What to tell the user when a job or a mirror ends; a mirror lists every account's link. */
export function jobNotice(entry: JobEntry): Notice | undefined {
  if (entry.kind === 'mirror') {
    if (entry.state !== 'ready' && entry.state !== 'failed') return undefined;
    const links = entry.links.map((l) => l.links.watch);
    return {
      title: t(entry.state === 'ready' ? 'notifyMirrorReady' : 'notifyMirrorPartial'),
      message: t('notifyMirrorBody', [localNumber(links.length), localNumber(entry.members.length), links.join('\n')]),
    };
  }
  if (entry.state === 'ready') {
    const name = entry.title ?? (entry.kind === 'file' ? entry.file.name : entry.url);
    return { title: t('notifyReady'), message: t('notifyReadyBody', [name ?? t('notifyYourVideo'), entry.links?.watch ?? '']) };
  }
  if (entry.state === 'failed') {
    const said = entry.error?.code === 'unconfirmed' ? t('jobUnconfirmed') : entry.error?.message;
    return { title: t('notifyFailed'), message: said ?? t('notifyFailedBody') };
  }
  return undefined;
}
