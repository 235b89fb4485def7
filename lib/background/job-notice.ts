import type { Job } from '../queue/job';
import { mirrorLinks } from '../queue/mirror';
import { t } from '../i18n';

export interface Notice {
  title: string;
  message: string;
}

/** What to tell the user when a job ends; a mirror lists every account's link. */
export function jobNotice(job: Job, jobs: readonly Job[]): Notice | undefined {
  if (job.kind === 'mirror' && (job.state === 'ready' || job.state === 'failed')) {
    const links = mirrorLinks(job, jobs).map((l) => l.links.watch);
    const total = String(job.childIds?.length ?? links.length);
    return {
      title: t(job.state === 'ready' ? 'notifyMirrorReady' : 'notifyMirrorPartial'),
      message: t('notifyMirrorBody', [String(links.length), total, links.join('\n')]),
    };
  }
  if (job.state === 'ready') {
    return { title: t('notifyReady'), message: t('notifyReadyBody', [job.title ?? job.url ?? t('notifyYourVideo'), job.links?.watch ?? '']) };
  }
  if (job.state === 'failed') return { title: t('notifyFailed'), message: job.error?.message ?? t('notifyFailedBody') };
  return undefined;
}
