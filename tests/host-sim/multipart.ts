// Streams a multipart/form-data body straight to files on disk with busboy:
// memory stays flat whatever the upload size, so 1+ GB uploads run at disk speed.
import busboy from 'busboy';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface ReceivedPart {
  field: string;
  filename: string;
  mimeType: string;
  path: string;
  size: number;
}

export interface ReceivedForm {
  fields: Record<string, string>;
  parts: ReceivedPart[];
}

const bufferSize = 1024 * 1024;

export class FormError extends Error {}

export function receiveMultipart(req: IncomingMessage, dir: string): Promise<ReceivedForm> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, highWaterMark: bufferSize, fileHwm: bufferSize, defParamCharset: 'utf8' });
    } catch (err) {
      reject(new FormError(`not a multipart/form-data body: ${(err as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    const parts: ReceivedPart[] = [];
    const writes: Promise<void>[] = [];
    let failed = false;

    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume();
      void Promise.allSettled(writes).then(() => removeParts(parts));
      reject(err instanceof FormError ? err : new FormError(err.message));
    };

    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (field, stream, info) => {
      const part: ReceivedPart = {
        field,
        filename: info.filename ?? 'file',
        mimeType: info.mimeType,
        path: join(dir, `part-${randomBytes(8).toString('hex')}`),
        size: 0,
      };
      parts.push(part);
      const out = createWriteStream(part.path, { highWaterMark: bufferSize });
      writes.push(
        pipeline(stream, out).then(() => {
          part.size = out.bytesWritten;
        }),
      );
    });
    bb.on('error', (err) => fail(err as Error));
    bb.on('close', () => {
      Promise.all(writes).then(
        () => {
          if (!failed) resolve({ fields, parts });
        },
        (err: Error) => fail(err),
      );
    });
    req.on('aborted', () => fail(new FormError('client aborted the upload')));
    req.pipe(bb);
  });
}

export async function removeParts(parts: ReceivedPart[]): Promise<void> {
  await Promise.all(parts.map((p) => unlink(p.path).catch(() => undefined)));
}
