import type { UploadTargetWire } from '../../protocol/uploader';
import type { ReportProgress } from './progress-reporter';
import { type Task, watchEveryMs } from './task';
import { Cancelled, hostOf, UploadFailure } from './upload-failure';

// The upload POST: the file and the target's fields as one multipart form, sent
// with XHR since only XHR reports upload progress. Watched for a stalled body
// and for a host that takes too long to answer once every byte is sent.

export interface FormPostDeps {
  createXhr(): XMLHttpRequest;
  now(): number;
  /** Abort a POST that moved no byte for this long. */
  stallMs: number;
  /** How long the host may take to answer once every byte was sent. */
  replyWaitMs: number;
  report: ReportProgress;
}

/** A host's reply to the upload POST is a short JSON or HTML page; one larger than this is not read. */
export const uploadReplyCapBytes = 1024 * 1024;

/** What the host answered; a failure, a stall or a cancel rejects (UploadFailure, Cancelled). */
export function postForm(
  target: UploadTargetWire,
  upload: { file: File; name: string; snapshot?: File },
  task: Task,
  deps: FormPostDeps,
): Promise<{ status: number; body: string }> {
  const { file, name, snapshot } = upload;
  const { now, stallMs, replyWaitMs, report } = deps;
  return new Promise((resolve, reject) => {
    const xhr = deps.createXhr();
    const form = new FormData();
    for (const [field, value] of Object.entries(target.fields)) form.append(field, value);
    if (snapshot) form.append('snapshot', snapshot, snapshot.name);
    form.append(target.fileField, file, name);
    const where = hostOf(target.url);
    let lastByte = now();
    let why: 'cancel' | 'stall' | 'reply' | undefined;
    const watchdog = setInterval(() => {
      const limit = task.bodySent ? replyWaitMs : stallMs;
      if (now() - lastByte > limit) {
        why = 'stall';
        xhr.abort();
      }
    }, watchEveryMs(stallMs));
    const finish = () => clearInterval(watchdog);
    task.abort = () => {
      why = 'cancel';
      xhr.abort();
    };
    // The multipart overhead is counted in e.total; scale back to the file's own bytes.
    xhr.upload.onprogress = (e) => {
      lastByte = now();
      const total = e.lengthComputable && e.total > 0 ? e.total : file.size;
      report(Math.min(file.size, Math.round((e.loaded / total) * file.size)), file.size);
    };
    xhr.upload.onload = () => {
      task.bodySent = true;
      lastByte = now();
      report(file.size, file.size, true);
    };
    // The reply is a short page: one that keeps coming is not read to its end.
    xhr.onprogress = (e) => {
      if (e.loaded > uploadReplyCapBytes) {
        why = 'reply';
        xhr.abort();
      }
    };
    xhr.onload = () => {
      finish();
      // The form (and the key in it) must not have gone anywhere but the server the background named.
      if (xhr.responseURL && xhr.responseURL !== new URL(target.url).href) {
        reject(
          new UploadFailure(
            'invalid_response',
            `${where} sent the upload on to ${hostOf(xhr.responseURL)}. VidRelay does not send files where the host redirects them; check on ${where} whether the file arrived.`,
          ),
        );
        return;
      }
      resolve({ status: xhr.status, body: typeof xhr.responseText === 'string' ? xhr.responseText : '' });
    };
    xhr.onerror = () => {
      finish();
      reject(new UploadFailure('network', `The connection to ${where} dropped during the upload. VidRelay checks the host and tries again.`));
    };
    xhr.onabort = () => {
      finish();
      if (why === 'cancel') reject(new Cancelled());
      else if (why === 'reply')
        reject(
          new UploadFailure(
            'invalid_response',
            `${where} answered the upload with more than ${uploadReplyCapBytes / 1024 / 1024} MB; VidRelay stopped reading it. Check on ${where} whether the file arrived.`,
          ),
        );
      else
        reject(
          new UploadFailure(
            'timeout',
            task.bodySent
              ? `${where} took too long to answer after the upload. VidRelay checks the host before sending again.`
              : `The upload to ${where} stalled: no data moved for ${Math.round(stallMs / 1000)} s. VidRelay tries again later.`,
          ),
        );
    };
    xhr.open('POST', target.url);
    xhr.send(form);
  });
}
