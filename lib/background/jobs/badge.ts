import { browser } from 'wxt/browser';
import type { Job } from '../../queue/model/job';
import { localNumber, localSize } from '../../format/local';
import { t, tn } from '../../i18n';

// The toolbar badge has one owner. Running uploads win (their count, and the
// overall progress in the tooltip) because they change by the second; once
// they are done the link-health count comes back. The browser keeps the
// badge while the service worker stops and starts again, so a new worker
// draws it only when something changes: the link-health count (which means
// reading every stored health result) is read the first time it is needed.

export interface UploadSummary {
  running: number;
  bytesSent: number;
  bytesTotal: number;
}

export interface BadgeView {
  text: string;
  color?: string;
  title: string;
}

const uploadKinds = new Set<Job['kind']>(['file', 'relay']);
const runningStates = new Set<Job['state']>(['sending', 'uploading']);

/** File uploads and relays on their way to a host right now, with their bytes. */
export function uploadSummary(jobs: readonly Job[]): UploadSummary {
  let running = 0;
  let bytesSent = 0;
  let bytesTotal = 0;
  for (const job of jobs) {
    if (job.kind === 'remote' || !runningStates.has(job.state)) continue;
    running++;
    const total = job.bytesTotal ?? (job.kind === 'file' ? job.file.size : 0);
    bytesTotal += total;
    bytesSent += Math.min(job.bytesSent ?? 0, total);
  }
  return { running, bytesSent, bytesTotal };
}

/**
 * Running uploads, kept from job changes as they are written (a store may
 * report only the jobs that changed): the badge needs no scan of all jobs.
 */
export function uploadTracker() {
  const running = new Map<string, Job>();
  return {
    apply(changed: readonly Job[], removed: readonly string[] = []): UploadSummary {
      for (const job of changed) {
        if (uploadKinds.has(job.kind) && runningStates.has(job.state)) running.set(job.id, job);
        else running.delete(job.id);
      }
      for (const id of removed) running.delete(id);
      return uploadSummary([...running.values()]);
    },
  };
}

export function badgeView(uploads: UploadSummary, problems: number): BadgeView {
  if (uploads.running > 0) {
    const percent = uploads.bytesTotal > 0 ? Math.floor((uploads.bytesSent / uploads.bytesTotal) * 100) : 0;
    return {
      text: String(Math.min(uploads.running, 99)),
      color: '#2563eb',
      title: tn('badgeUploads', uploads.running, [localNumber(percent), localSize(uploads.bytesSent), localSize(uploads.bytesTotal)]),
    };
  }
  if (problems > 0) return { text: String(Math.min(problems, 999)), color: '#cf222e', title: tn('badgeProblems', problems) };
  return { text: '', title: t('extName') };
}

export interface Badge {
  setProblems(count: number): Promise<void>;
  setUploads(summary: UploadSummary): Promise<void>;
  /**
   * A new worker's first look at the uploads: the badge still shows what the
   * last worker drew, so it is drawn again only when uploads are running.
   */
  resume(summary: UploadSummary): Promise<void>;
}

/** The part of `browser.action` the badge uses. */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * `problemCount` reads the stored count of link problems not yet looked at,
 * when the badge first has to show it (none: 0).
 */
export function createBadge(action: BadgeAction = browser.action, problemCount?: () => Promise<number>): Badge {
  let problems: number | undefined;
  let uploads: UploadSummary = { running: 0, bytesSent: 0, bytesTotal: 0 };
  let shown: BadgeView | undefined;
  const knownProblems = async (): Promise<number> => {
    if (problems !== undefined) return problems;
    const count = problemCount ? await problemCount().catch(() => 0) : 0;
    // A count set meanwhile is newer than the one read.
    problems ??= count;
    return problems;
  };
  async function render(): Promise<void> {
    const view = badgeView(uploads, uploads.running > 0 ? (problems ?? 0) : await knownProblems());
    const before = shown;
    if (before && before.text === view.text && before.title === view.title && before.color === view.color) return;
    shown = view;
    // Only what changed: while an upload runs, its progress changes the tooltip alone, several times a second.
    try {
      if (before?.text !== view.text) await action.setBadgeText({ text: view.text });
      if (view.color && before?.color !== view.color) await action.setBadgeBackgroundColor({ color: view.color });
      if (before?.title !== view.title) await action.setTitle({ title: view.title });
    } catch {
      // A missing badge must never fail an upload or a check.
    }
  }
  return {
    setProblems: async (count) => {
      problems = count;
      await render();
    },
    setUploads: async (summary) => {
      uploads = summary;
      await render();
    },
    resume: async (summary) => {
      uploads = summary;
      if (summary.running > 0) await render();
    },
  };
}
