import { formatSize } from '../format/units';

// What a host can take, checked before any request: the Upload tab shows the
// reasons beside each account and file, and the background refuses the same
// things again, so nothing is queued that the host cannot accept.

/** What the Upload tab needs to know about an account's host. */
export interface UploadHostInfo {
  label: string;
  canUpload: boolean;
  canRemote: boolean;
  adultFlag: boolean;
  /** Undefined: the host takes no custom snapshot (or documents no limit). */
  snapshotMaxBytes?: number;
  snapshots: boolean;
  /** Largest file the host documents it takes; undefined: none documented. */
  maxFileBytes?: number;
  /** The host lists folders, so they are picked by name. */
  folders: boolean;
}

export interface FileFacts {
  name: string;
  size: number;
  type: string;
  snapshot?: { name: string; size: number; type: string };
}

export type FitCode = 'no_upload' | 'empty' | 'not_video' | 'too_big' | 'snapshot';

export interface FitProblem {
  code: FitCode;
  /** English, for the background's errors; the UI words it from code and subs. */
  message: string;
  subs: string[];
}

/** File name endings the hosts' upload servers take as video. */
const videoExtensions = ['mp4', 'mkv', 'webm', 'mov', 'avi', 'flv', 'wmv', 'm4v', 'mpg', 'mpeg', '3gp', 'ts', 'ogv'] as const;

export function isVideoFile(file: { name: string; type: string }): boolean {
  if (file.type.startsWith('video/')) return true;
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  return ext !== undefined && (videoExtensions as readonly string[]).includes(ext);
}

/** Why the account (as a whole) takes no file uploads, or undefined. */
export function accountProblem(host: UploadHostInfo): FitProblem | undefined {
  if (!host.canUpload) return { code: 'no_upload', message: `${host.label} takes no file uploads through its API.`, subs: [host.label] };
  return undefined;
}

/** Every reason this file cannot go to this host; empty when it can. */
export function fileProblems(host: UploadHostInfo, file: FileFacts): FitProblem[] {
  const out: FitProblem[] = [];
  const whole = accountProblem(host);
  if (whole) return [whole];
  if (file.size === 0) out.push({ code: 'empty', message: `"${file.name}" is empty; hosts refuse empty files.`, subs: [file.name] });
  if (!isVideoFile(file))
    out.push({
      code: 'not_video',
      message: `"${file.name}" is not a video file ${host.label} takes (${videoExtensions.join(', ')}).`,
      subs: [file.name, host.label, videoExtensions.join(', ')],
    });
  if (host.maxFileBytes !== undefined && file.size > host.maxFileBytes) {
    const subs = [file.name, formatSize(file.size), host.label, formatSize(host.maxFileBytes)];
    out.push({ code: 'too_big', message: `"${subs[0]}" is ${subs[1]}; ${subs[2]} takes at most ${subs[3]} per file.`, subs });
  }
  const shot = file.snapshot;
  if (shot) {
    if (!host.snapshots)
      out.push({ code: 'snapshot', message: `${host.label} takes no custom snapshot; remove it from "${file.name}".`, subs: [host.label, file.name] });
    else if (shot.type && !shot.type.startsWith('image/')) {
      out.push({
        code: 'snapshot',
        message: `The snapshot for "${file.name}" must be an image (JPEG or PNG), not ${shot.type}.`,
        subs: [host.label, file.name],
      });
    } else if (host.snapshotMaxBytes !== undefined && shot.size > host.snapshotMaxBytes) {
      out.push({
        code: 'snapshot',
        message: `The snapshot "${shot.name}" is ${formatSize(shot.size)}; ${host.label} accepts at most ${formatSize(host.snapshotMaxBytes)}. Choose a smaller image.`,
        subs: [host.label, file.name],
      });
    }
  }
  return out;
}
