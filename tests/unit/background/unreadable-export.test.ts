import { describe, expect, it } from 'vitest';
import { isSecretName, redactSecrets, SECRET_MARKER } from '../../../lib/background/stored/unreadable-export';

// Secrets are found by name in data of no known shape: at any depth, in
// arrays, under any spelling of the names; everything else stays verbatim.

describe('isSecretName', () => {
  it.each([
    'key',
    'api_key',
    'apiKey',
    'API-KEY',
    'password',
    'token',
    'accessToken',
    'refresh_token',
    'clientSecret',
    'passphrase',
    'keys',
    'api_keys',
    'tokens',
    'login',
    'email',
  ])('%s is a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });
  it.each(['id', 'hostId', 'label', 'apiBase', 'monkey', 'keyboard', 'tokens_used'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('redactSecrets', () => {
  it('replaces secret strings at any depth and keeps every other value, order and type as it was', () => {
    const raw = {
      version: 3,
      data: {
        id: 'acc_1',
        key: 'k-1111',
        login: { user: 'me', password: 'pw-2222', remember: true },
        servers: [
          { url: 'https://a.example', api_key: 'k-3333' },
          { url: 'https://b.example', apiKey: 'k-4444', token: null },
        ],
        credentials: { token: { value: 'k-5555', expires: 1700 } },
        pin: { password: 1234 },
        empty: {},
        tags: ['key', 'token'],
        keys: { acc_2: 'k-6666' },
      },
    };
    const out = redactSecrets(raw);
    expect(out.redacted).toBe(9);
    expect(out.value).toEqual({
      version: 3,
      data: {
        id: 'acc_1',
        key: SECRET_MARKER,
        login: { user: SECRET_MARKER, password: SECRET_MARKER, remember: true },
        servers: [
          { url: 'https://a.example', api_key: SECRET_MARKER },
          { url: 'https://b.example', apiKey: SECRET_MARKER, token: null },
        ],
        credentials: { token: { value: SECRET_MARKER, expires: SECRET_MARKER } },
        pin: { password: SECRET_MARKER },
        empty: {},
        tags: ['key', 'token'],
        keys: { acc_2: SECRET_MARKER },
      },
    });
    expect(JSON.stringify(out.value)).not.toMatch(/k-\d{4}|pw-2222|1234/);
    expect(raw.data.key).toBe('k-1111');
  });

  it('keeps a whole list of entries, a "__proto__" field and values that are no objects', () => {
    const list = JSON.parse('{"version":1,"data":[{"__proto__":{"key":"k-9"},"x":1},"junk",7,null]}');
    const out = redactSecrets(list);
    expect(out.redacted).toBe(1);
    expect(JSON.stringify(out.value)).toBe(`{"version":1,"data":[{"__proto__":{"key":"${SECRET_MARKER}"},"x":1},"junk",7,null]}`);
    expect(redactSecrets('just text')).toEqual({ value: 'just text', redacted: 0 });
  });
});
