// @vitest-environment node
// Replies built to hurt: each case is timed and bounded. A regular expression
// slower than linear, or a read without a cap, would hold the background's
// only thread (every account's queue, the popup, the menus) for seconds.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { createHostClient } from '../../../lib/hosts';
import { quoteHost, statusFailure } from '../../../lib/hosts/failures';
import { stripTags } from '../../../lib/hosts/host-text';
import { replyCapBytes } from '../../../lib/hosts/http/read-capped';
import { parseXfsUploadReply } from '../../../lib/hosts/xfs/parse-upload';

const ctx = { label: 'evil.example', secrets: ['secret-key-123456'], credentials: 'key' };

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('host text is read in linear time', () => {
  it('quotes an error text of 100,000 "<" at once', () => {
    const { value, ms } = timed(() => statusFailure(500, ctx, '<'.repeat(100_000)));
    expect(value.code).toBe('server');
    expect(ms).toBeLessThan(200);
  });

  it('takes the same time for 200,000 "<" as for 20,000 (within noise): no quadratic growth', () => {
    const small = timed(() => stripTags('<a'.repeat(10_000))).ms;
    const large = timed(() => stripTags('<a'.repeat(100_000))).ms;
    expect(large).toBeLessThan(Math.max(50, small * 40));
  });

  it('strips tags, keeps text, and stops at an unclosed tag', () => {
    expect(stripTags('a<b>c</b>d<e')).toBe('a c d');
    expect(quoteHost('<p>Wrong <b>key</b></p>', ctx)).toBe(' Host said: "Wrong key".');
  });

  it('never quotes part of a secret cut at the cap', () => {
    const text = `${'x '.repeat(2040)}${ctx.secrets[0]}${' tail'.repeat(2000)}`;
    expect(quoteHost(text, ctx)).not.toContain('secret-key');
    expect(quoteHost(`${'<i>'.repeat(1360)}secret-key-123456`, ctx)).not.toMatch(/secr|key-1/);
  });

  it('reads a non-JSON upload reply of repeated unclosed <textarea tags at once', () => {
    const reply = '<textarea name=a '.repeat(3_500);
    const { value, ms } = timed(() => {
      try {
        return parseXfsUploadReply(reply, ctx);
      } catch (error) {
        return error;
      }
    });
    expect(value).toBeInstanceOf(AppError);
    expect((value as AppError).code).toBe('invalid_response');
    expect(ms).toBeLessThan(200);
  });

  it('reads a textarea named __proto__ as any other field, not the prototype', () => {
    const html = '<textarea name="__proto__">x</textarea><textarea name="fn">abc123</textarea><textarea name="st">OK</textarea>';
    expect(parseXfsUploadReply(html, ctx)).toEqual([{ fileCode: 'abc123', ok: true }]);
  });

  it('still reads the fn/st textareas of an old upload server', () => {
    const html = '<form><textarea name="fn">abc123</textarea><textarea name=st>OK</textarea></form>';
    expect(parseXfsUploadReply(html, ctx)).toEqual([{ fileCode: 'abc123', ok: true }]);
  });
});

describe('a reply without end', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('is given up past the cap with invalid_response, the bytes pulled counted', async () => {
    let written = 0;
    let stopped = false;
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!stopped && written < 400 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (stopped = true));
      res.write('{"status":200,"result":"');
      pump();
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const client = createHostClient({ id: 'a', hostId: 'xfs', apiBase: `http://127.0.0.1:${port}/api`, key: 'secret-key-123456' }, { retries: 0 });
    const error = await client.accountInfo().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_response');
    expect((error as AppError).message).not.toContain('secret-key');
    await new Promise((settle) => setTimeout(settle, 100));
    // What the server managed to write is the cap plus what sat in socket buffers, not the 400 MB it offered.
    expect(written).toBeLessThan(replyCapBytes + 8 * 1024 * 1024);
  });

  it('refuses a declared length over the cap before reading', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(replyCapBytes + 1) });
      res.write('{');
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const client = createHostClient({ id: 'a', hostId: 'xfs', apiBase: `http://127.0.0.1:${port}/api`, key: 'k-123456' }, { retries: 0 });
    await expect(client.accountInfo()).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
