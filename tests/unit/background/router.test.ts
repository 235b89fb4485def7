import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import { AppError } from '../../../lib/errors';

const extensionPage = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html', origin: 'chrome-extension://test-extension-id' };

function handlers(calls: string[]): Handlers {
  const record = (name: string) => async (payload: unknown) => {
    calls.push(name);
    if (name === 'jobs.retry') throw new AppError('auth', 'The host rejected the API key.');
    return payload as never;
  };
  return new Proxy({} as Handlers, { get: (_t, name: string) => record(name) });
}

const message = (type: string, payload: unknown) => ({ vidrelay: 1, type, payload });

describe('dispatch', () => {
  it('runs a valid request from an extension page', async () => {
    const calls: string[] = [];
    const reply = await dispatch(handlers(calls), message('jobs.list', { limit: 5 }), extensionPage);
    expect(reply).toEqual({ ok: true, data: { limit: 5 } });
    expect(calls).toEqual(['jobs.list']);
  });

  it.each([
    ['a content script in a web page', { id: 'test-extension-id', url: 'https://evil.example/page', tab: { id: 3 } }],
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' }],
    ['a web page (externally connectable)', { url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a sender with no url', { id: 'test-extension-id' }],
    ['a spoofed origin', { ...extensionPage, origin: 'https://evil.example' }],
    ['an origin that is only a prefix of ours', { ...extensionPage, origin: 'chrome-extension://test' }],
    ['a lookalike extension url', { ...extensionPage, url: 'chrome-extension://test-extension-id.evil/popup.html', origin: undefined }],
    ['a content script in Firefox (envType)', { ...extensionPage, envType: 'content_child' }],
    ['a sender with a non-string url', { id: 'test-extension-id', url: 42 as unknown as string }],
    ['no sender at all', undefined as unknown as object],
  ])('refuses %s', async (_name, sender) => {
    const calls: string[] = [];
    const reply = await dispatch(handlers(calls), message('accounts.list', {}), sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(calls).toEqual([]);
  });

  it('refuses a payload that fails its schema, before any handler', async () => {
    const calls: string[] = [];
    const reply = await dispatch(handlers(calls), message('remote.send', { accountId: 'a', urls: 'not-an-array' }), extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('refuses an unknown request type', async () => {
    const reply = await dispatch(handlers([]), message('keys.dump', {}), extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the inherited name "%s" as a request type', async (type) => {
    const calls: string[] = [];
    const reply = await dispatch(handlers(calls), message(type, {}), extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('does not pass a key quoted in an unexpected error on to the page', async () => {
    const failing = {
      'jobs.list': async () => {
        throw new TypeError('fetch failed for https://host.example/api/account/info?key=sekret-key-123&x=1');
      },
    } as unknown as Handlers;
    const reply = await dispatch(failing, message('jobs.list', {}), extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'server' } });
    expect(JSON.stringify(reply)).not.toContain('sekret-key-123');
  });

  it('ignores messages that are not ours', async () => {
    await expect(dispatch(handlers([]), { hello: 1 }, extensionPage)).resolves.toBeUndefined();
  });

  it('returns a AppError as { code, message }', async () => {
    const reply = await dispatch(handlers([]), message('jobs.retry', { id: 'x' }), extensionPage);
    expect(reply).toEqual({ ok: false, error: { code: 'auth', message: 'The host rejected the API key.' } });
  });
});
