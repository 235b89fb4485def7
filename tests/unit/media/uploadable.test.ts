import { describe, expect, it } from 'vitest';
import { isUploadableUrl } from '../../../lib/media';

function reasonFor(url: string): string {
  const check = isUploadableUrl(url);
  if (check.ok) throw new Error(`${url} was accepted`);
  return check.reason;
}

describe('isUploadableUrl', () => {
  it('accepts http and https addresses, including loopback ones the local host can reach', () => {
    for (const url of ['https://cdn.example/v.mp4', 'http://example.org/watch?v=1', ' https://a.example/x ', 'http://127.0.0.1:8080/clip.mp4']) {
      expect(isUploadableUrl(url)).toEqual({ ok: true });
    }
  });

  it('refuses each browser-only scheme with a reason that names the problem', () => {
    expect(reasonFor('blob:https://tube.example/6f1c2a9e')).toMatch(/blob:.*Send to host/);
    expect(reasonFor('data:video/mp4;base64,AAAA')).toMatch(/embedded in the page/);
    expect(reasonFor('file:///home/me/clip.mp4')).toMatch(/file on your computer.*manager/);
    expect(reasonFor('javascript:play()')).toMatch(/runs a script/);
    expect(reasonFor('about:blank')).toMatch(/inside the browser/);
    expect(reasonFor('chrome://extensions')).toMatch(/inside the browser/);
    expect(reasonFor('chrome-extension://abc/manager.html')).toMatch(/inside the browser/);
  });

  it('refuses other schemes, text that is not a URL, and empty input', () => {
    expect(reasonFor('ftp://files.example/clip.mp4')).toMatch(/Only http:\/\/ and https:\/\/.*ftp:/);
    expect(reasonFor('magnet:?xt=urn:btih:abc')).toMatch(/Only http:\/\/ and https:\/\//);
    expect(reasonFor('clip.mp4')).toMatch(/"clip\.mp4" is not a web address/);
    expect(reasonFor('   ')).toMatch(/no address/);
  });
});
