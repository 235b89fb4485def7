import { describe, expect, it } from 'vitest';
import { asDate } from '../../../lib/hosts/coerce';
import { JsonSyntaxError, parseLenientJson } from '../../../lib/hosts/http';
import { createHostClient } from '../../../lib/hosts';

describe('parseLenientJson', () => {
  it.each([
    ['missing comma between members', '{"a":"1"\n "b":2}', { a: '1', b: 2 }],
    ['trailing comma', '{"a":[1,2,],}', { a: [1, 2] }],
    ['unclosed string at a line end', '{"a":"2015-10-24 21:00:00\n}', { a: '2015-10-24 21:00:00' }],
    ['one missing closing brace', '{"a":{"b":"true"}', { a: { b: 'true' } }],
    ['stray object where a key belongs', '{"msg":"OK",{"msg":"OK","status":200}}', { msg: 'OK', status: 200 }],
  ])('accepts a %s', (_name, text, expected) => {
    expect(parseLenientJson(text)).toEqual(expected);
  });

  it.each([
    ['a cut mid-member', '{"msg":"OK",'],
    ['a cut mid-string', '{"msg":"O'],
    ['two missing closers', '{"result":[{"a":1}'],
    ['an HTML page', '<html><body>502</body></html>'],
    ['trailing text', '{"a":1} extra'],
    ['deep nesting on the lenient path', `${'['.repeat(5000)},${']'.repeat(5000)}`],
    ['empty text', ''],
  ])('rejects %s', (_name, text) => {
    expect(() => parseLenientJson(text)).toThrow(JsonSyntaxError);
  });
});

describe('asDate', () => {
  it('gives ISO for valid dates and the raw text otherwise', () => {
    expect(asDate('2022-01-23 14:53:53')).toBe('2022-01-23T14:53:53.000Z');
    expect(asDate('2023-04-15T03:15:21.000000Z')).toBe('2023-04-15T03:15:21.000Z');
    expect(asDate('2021-08-102 20:51:52')).toBe('2021-08-102 20:51:52');
    expect(asDate('2021-02-30 10:00:00')).toBe('2021-03-02T10:00:00.000Z');
    expect(asDate('2021-13-01 10:00:00')).toBe('2021-13-01 10:00:00');
    expect(asDate(null)).toBeUndefined();
  });
});

describe('client surface', () => {
  it('never exposes the key on the client', () => {
    const client = createHostClient({ id: 'a', hostId: 'media.cm', key: 'TopSecretKey42' });
    expect(JSON.stringify(client.account)).not.toContain('TopSecretKey42');
    expect(client.account).toMatchObject({ id: 'a', hostId: 'media.cm' });
  });
});

describe('lenient JSON and __proto__', () => {
  it('keeps "__proto__" as an own member, as JSON.parse does, and never sets the prototype', () => {
    const parsed = parseLenientJson('{"__proto__": {"polluted": true}, "a": 1,}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect((parsed as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(parsed.a).toBe(1);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
