// @vitest-environment node
import { expect, it, vi } from 'vitest';
import type { Spool } from '../../../lib/upload/document/spool';
import { createUploader } from '../../../lib/upload/document/uploader';
import { fakeSend, type Report } from './fake-reports';
import { FakeXhr } from './fake-xhr';

// The relay reads its source into one buffer over and over (a BYOB reader)
// and lends it to the spool; Node's own streams here, as they behave like
// the browser's (happy-dom's Response does not support byte readers fully).

const target = { url: 'https://up.host.test/upload/01', fields: { key: 'secret-key' }, fileField: 'file' };

it("relays: a spool that takes each chunk's buffer and lends one back still gets every byte in order", async () => {
  const source = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
  const fetcher = vi.fn(async () => new Response(source, { headers: { 'content-type': 'video/mp4', 'content-length': String(source.length) } }));
  const parts: Uint8Array[] = [];
  const lent: ArrayBuffer[] = [];
  const errors: Report[] = [];
  const lendingSpool: Spool = {
    async create() {
      return {
        async write(chunk) {
          parts.push(chunk.slice());
          // Like the worker spool: the buffer goes away (detached) and another comes back.
          structuredClone(chunk.buffer, { transfer: [chunk.buffer as ArrayBuffer] });
          const back = new ArrayBuffer(64 * 1024);
          lent.push(back);
          return back;
        },
        finish: async (type) => new File(parts as BlobPart[], 'spooled', { type }),
        discard: async () => undefined,
      };
    },
    clear: async () => undefined,
  };
  const uploader = createUploader({
    send: fakeSend((report) => {
      if (report.type === 'error') errors.push(report);
      return report.type === 'target' ? { ok: true, target } : { ok: true };
    }),
    createXhr: () => new FakeXhr() as unknown as XMLHttpRequest,
    fetch: fetcher as unknown as typeof fetch,
    spool: lendingSpool,
  });
  uploader.start({ id: 'r2', kind: 'relay', url: 'https://src.test/v/big.mp4', name: 'big.mp4', bytesTotal: source.length });
  await vi.waitFor(() => expect(FakeXhr.all.length + errors.length).toBe(1));
  expect(errors).toEqual([]);
  const sent = FakeXhr.all[0]!.body!.get('file') as File;
  expect(new Uint8Array(await sent.arrayBuffer())).toEqual(source);
  expect(lent.length).toBeGreaterThan(0);
});
