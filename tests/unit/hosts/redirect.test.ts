// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHostClient } from '../../../lib/hosts';
import { uploadUrl } from '../../../lib/hosts/client-kit';

// A redirect from the API to another origin is not followed with the key;
// one on the same origin is. Two real servers on loopback ports.

const KEY = 'redirect-test-key-55aa';
const info = JSON.stringify({ status: 200, msg: 'OK', result: { login: 'someone', email: 'a@b.c', balance: '0', storage_used: '0', premium_expire: '' } });
const hits: { server: 'api' | 'elsewhere'; url: string }[] = [];
let api: Server;
let elsewhere: Server;
const port = (s: Server) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    hits.push({ server: 'elsewhere', url: req.url ?? '' });
    res.setHeader('content-type', 'application/json');
    res.end(info);
  });
  api = createServer((req, res) => {
    hits.push({ server: 'api', url: req.url ?? '' });
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/away/')) {
      res.writeHead(302, { location: `http://127.0.0.1:${port(elsewhere)}${url.pathname}${url.search}` }).end();
    } else if (url.pathname.startsWith('/moved/')) {
      res.writeHead(301, { location: `/api/${url.pathname.slice('/moved/'.length)}${url.search}` }).end();
    } else {
      res.setHeader('content-type', 'application/json');
      res.end(info);
    }
  });
  await Promise.all([api, elsewhere].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});
afterAll(async () => {
  await Promise.all([api, elsewhere].map((s) => new Promise((r) => s.close(r))));
});

const client = (path: string, fetcher?: typeof fetch) =>
  createHostClient(
    { id: 'a', hostId: 'xfs', apiBase: `http://127.0.0.1:${port(api)}/${path}`, key: KEY },
    { retries: 0, ...(fetcher ? { fetch: fetcher } : {}) },
  );

describe('redirects', () => {
  it('does not follow a redirect to another origin: the key never reaches it', async () => {
    hits.length = 0;
    await expect(client('away').accountInfo()).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringMatching(/does not follow it with your key/),
    });
    expect(hits.filter((h) => h.server === 'elsewhere')).toEqual([]);
  });

  it('follows a redirect on the same origin', async () => {
    hits.length = 0;
    await expect(client('moved').accountInfo()).resolves.toMatchObject({ login: 'someone' });
    expect(hits.map((h) => h.server)).toEqual(['api', 'api']);
  });

  it("refuses a browser's opaque redirect, whose target it cannot see", async () => {
    // What a browser's fetch with redirect 'manual' gives: no status, no Location.
    const opaque = (async () =>
      ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null, text: async () => '' }) as unknown as Response) as typeof fetch;
    await expect(client('api', opaque).accountInfo()).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('upload servers', () => {
  const ctx = { label: 'host', secrets: [], credentials: 'key' };
  it('moves a plain-http upload server to https unless the account allows http; loopback stays', () => {
    expect(uploadUrl('http://s1.host.example/upload/01', false, ctx)).toBe('https://s1.host.example/upload/01');
    expect(uploadUrl('http://s1.host.example/upload/01', true, ctx)).toBe('http://s1.host.example/upload/01');
    expect(uploadUrl('http://127.0.0.1:8080/upload', false, ctx)).toBe('http://127.0.0.1:8080/upload');
    expect(() => uploadUrl('ftp://s1.host.example/', false, ctx)).toThrow(/not http/);
  });
});
