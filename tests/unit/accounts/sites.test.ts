import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../lib/errors';
import { accessPatternsOf, assertUploadSite, keySitesOf, siteOf } from '../../../lib/accounts/sites';

const media = { label: 'Media', hostId: 'media.cm' as const, allowHttp: false };
const custom = (apiBase: string, extra: object = {}) => ({ label: 'Custom', hostId: 'xfs' as const, apiBase, allowHttp: false, ...extra });

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('not refused');
}

describe('sites by the public suffix list', () => {
  it('names a registrable domain, never a public suffix', () => {
    expect(siteOf('api.example.co.uk')).toBe('example.co.uk');
    expect(siteOf('x.github.io')).toBe('x.github.io');
    expect(siteOf('api.x.herokuapp.com')).toBe('x.herokuapp.com');
    expect(siteOf('01.media.cm')).toBe('media.cm');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('localhost')).toBe('localhost');
  });

  it('asks for the site and its subdomains over https, never a public suffix', () => {
    expect(accessPatternsOf(custom('https://api.example.co.uk/api'))).toEqual(['https://example.co.uk/*', 'https://*.example.co.uk/*']);
    expect(accessPatternsOf(custom('https://x.github.io/api'))).toEqual(['https://x.github.io/*', 'https://*.x.github.io/*']);
    expect(accessPatternsOf(custom('http://host.example/api', { allowHttp: true }))).toEqual(['*://host.example/*', '*://*.host.example/*']);
    expect(accessPatternsOf(custom('http://127.0.0.1:8080/api'))).toEqual(['http://127.0.0.1/*']);
  });

  it('lets a key go to the API site, the preset upload domains and the sites the user allowed', () => {
    expect(keySitesOf({ hostId: 'doodstream.com', allowHttp: false })).toEqual(['doodapi.com', 'dood.video', 'cloudatacdn.com']);
    expect(() => assertUploadSite(media, 'https://s01.media.cm/upload/01')).not.toThrow();
    expect(() => assertUploadSite({ ...media, allowedUploadSites: ['cdn.example'] }, 'https://u2.cdn.example/up')).not.toThrow();
  });

  it('refuses another site with a permission error naming it', () => {
    const error = refusal(() => assertUploadSite(media, 'https://up.other-cdn.example/upload'));
    expect(error).toMatchObject({ code: 'permission', site: 'other-cdn.example' });
    expect(error.message).toMatch(/Allow other-cdn\.example for Media/);
  });

  it('refuses plain http unless the account allows it, and loopback http unless the API is loopback', () => {
    expect(refusal(() => assertUploadSite(media, 'http://s01.media.cm/upload')).code).toBe('invalid_response');
    expect(() => assertUploadSite({ ...media, allowHttp: true }, 'http://s01.media.cm/upload')).not.toThrow();
    expect(refusal(() => assertUploadSite(media, 'http://127.0.0.1:9/upload')).code).toBe('invalid_response');
    expect(() => assertUploadSite(custom('http://127.0.0.1:9000/api'), 'http://127.0.0.1:9001/upload')).not.toThrow();
    // localhost is another site than 127.0.0.1: the key does not go there unless allowed.
    expect(refusal(() => assertUploadSite(custom('http://127.0.0.1:9000/api'), 'http://localhost:9001/upload'))).toMatchObject({
      code: 'permission',
      site: 'localhost',
    });
  });
});
