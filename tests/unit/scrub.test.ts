import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { scrubberFor, scrubText } from '../../lib/scrub';
import { scrubbedClient } from '../../lib/background/accounts/scrubbed-client';
import type { HostClient } from '../../lib/hosts/types';

// Host text loses the account's secrets, in every form a host may quote them.

const key = 'k3y/With+Odd&Chars=1 2';
const login = 'user@example.test';

describe('scrubText', () => {
  it.each([
    ['as sent, inside a longer string', `Invalid sess_id/key${key}... try again`],
    ['URL-encoded', `GET /api?key=${encodeURIComponent(key)}&x=1`],
    ['URL-encoded with lower-case hex', `key=${encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}`],
    ['form-encoded (+ for space)', `key=${encodeURIComponent(key).replace(/%20/g, '+')}`],
    ['encoded twice', `next=${encodeURIComponent(encodeURIComponent(key))}`],
    ['JSON-escaped', JSON.stringify({ msg: `bad key ${key}` })],
    ['HTML-escaped', `<p>bad key ${key.replace(/&/g, '&amp;')}</p>`],
  ])('masks the key %s', (_name, text) => {
    const out = scrubText(text, key, login);
    expect(out).toContain('***');
    expect(out).not.toContain(key);
    expect(out).not.toContain(encodeURIComponent(key));
    expect(out.toLowerCase()).not.toContain(encodeURIComponent(key).toLowerCase());
  });

  it('masks the login too, and leaves other text alone', () => {
    expect(scrubText(`no such user ${login} (${encodeURIComponent(login)})`, key, login)).toBe('no such user *** (***)');
    expect(scrubText('nothing secret here', key, login)).toBe('nothing secret here');
  });

  it('ignores empty and too-short secrets instead of masking every letter', () => {
    expect(scrubText('a bad key', '', 'a', undefined)).toBe('a bad key');
  });
});

describe('scrubber', () => {
  const scrub = scrubberFor([key]);
  it('masks strings deep in plain objects, arrays and keys, and leaves other objects as they are', () => {
    const set = new Set([key]);
    const out = scrub.deep({ files: [{ title: `t ${key}`, n: 1 }], [key]: true, set });
    expect(JSON.stringify(out)).not.toContain(key);
    expect(out.set).toBe(set);
  });

  it('masks an error in place: class, code, status and cause stay, the key does not', () => {
    const error = new AppError('auth', `bad key ${key}`, { status: 403, cause: new Error(`GET ?key=${encodeURIComponent(key)}`) });
    const same = scrub.error(error);
    expect(same).toBe(error);
    expect(same).toBeInstanceOf(AppError);
    expect([same.code, same.status]).toEqual(['auth', 403]);
    expect(same.message).toBe('bad key ***');
    expect(String((same.cause as Error).message)).not.toContain(encodeURIComponent(key));
    expect(same.stack ?? '').not.toContain(key);
  });
});

describe('scrubbedClient', () => {
  const client = {
    preset: { label: 'x' },
    accountInfo: async () => ({ login: `name ${key}` }),
    remoteUpload: async () => {
      throw new AppError('bad_request', `Host said: "wrong key ${key}"`);
    },
    parseUploadReply: () => {
      throw new AppError('upload_rejected', `status: Invalid key ${encodeURIComponent(key)}`);
    },
    uploadTarget: async () => ({ url: 'https://up.test/', fields: { key }, fileField: 'file' }),
    links: (code: string) => ({ watch: `https://h.test/${code}?k=${key}` }),
  } as unknown as HostClient;
  const wrapped = scrubbedClient(client, [key, login]);

  it('scrubs answers, sync and async, and errors, sync and async', async () => {
    await expect(wrapped.accountInfo()).resolves.toEqual({ login: 'name ***' });
    await expect(wrapped.remoteUpload('https://v.test/a.mp4')).rejects.toMatchObject({ code: 'bad_request', message: 'Host said: "wrong key ***"' });
    expect(() => wrapped.parseUploadReply('')).toThrow('status: Invalid key ***');
    expect(JSON.stringify(wrapped.links('abc'))).not.toContain(key);
    expect(wrapped.preset.label).toBe('x');
  });

  it('keeps the key in the upload target, the one answer that must carry it', async () => {
    await expect(wrapped.uploadTarget()).resolves.toMatchObject({ fields: { key } });
  });
});
