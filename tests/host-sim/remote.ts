// Remote upload: the host fetches the URL itself, in the background, streaming
// to disk. Only loopback URLs are fetched: the simulator never reaches the internet.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { RemoteUploadRecord, SimAccount, SimFile } from './types';
import { lengthFor, type SimState } from './state';

const maxRedirects = 3;

function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class RemoteFetcher {
  private readonly active = new Set<ClientRequest>();
  private closed = false;

  constructor(private readonly sim: SimState) {}

  /** Fills `file` from `url`; marks it encoding on success and failed otherwise. */
  start(account: SimAccount, file: SimFile, url: string, record: RemoteUploadRecord): void {
    void this.fetchTo(url, join(this.sim.dataDir, `remote-${randomBytes(8).toString('hex')}`)).then(
      (got) => {
        file.size = got.bytes;
        file.length = lengthFor(got.bytes);
        file.path = got.path;
        file.encodeStartedAt = Date.now();
        account.storageUsed += got.bytes;
        account.storageLeft = Math.max(0, account.storageLeft - got.bytes);
        record.ok = true;
      },
      (err: Error) => {
        file.status = 'failed';
        record.ok = false;
        record.error = err.message;
      },
    );
  }

  closeAll(): void {
    this.closed = true;
    for (const req of this.active) req.destroy();
    this.active.clear();
  }

  private async fetchTo(rawUrl: string, path: string): Promise<{ bytes: number; path: string }> {
    let url = parseUrl(rawUrl);
    for (let hop = 0; ; hop++) {
      const res = await this.get(url);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location && hop < maxRedirects) {
        res.resume();
        url = parseUrl(new URL(res.headers.location, url).href);
        continue;
      }
      if (status !== 200) {
        res.resume();
        throw new Error(`source answered HTTP ${status}`);
      }
      const out = createWriteStream(path, { highWaterMark: 1024 * 1024 });
      try {
        await pipeline(res, out);
      } catch (err) {
        await unlink(path).catch(() => undefined);
        throw new Error(`transfer failed: ${(err as Error).message}`);
      }
      return { bytes: out.bytesWritten, path };
    }
  }

  private get(url: URL): Promise<IncomingMessage> {
    if (this.closed) return Promise.reject(new Error('simulator closed'));
    return new Promise((resolve, reject) => {
      const req = http.get(url, (res) => {
        res.once('close', () => this.active.delete(req));
        resolve(res);
      });
      this.active.add(req);
      req.once('error', (err) => {
        this.active.delete(req);
        reject(new Error(`cannot fetch the URL: ${err.message}`));
      });
    });
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('not a valid URL');
  }
  if (url.protocol !== 'http:') throw new Error('only http:// URLs can be fetched by the simulator');
  if (!isLoopbackUrl(url)) throw new Error('only loopback URLs (127.0.0.1, localhost) can be fetched by the simulator');
  return url;
}
