import { describe, expect, it } from 'vitest';
import { downloadPattern } from '../../../lib/accounts/host-access';

// A relay's source site as host access: a match pattern names no port (Firefox
// refuses one that does), so a source on any port asks for its whole host.

describe('downloadPattern', () => {
  it('names the scheme and host of the source, without its port or path', () => {
    expect(downloadPattern('https://cdn.example:8443/film/720/index.m3u8?token=1')).toBe('https://cdn.example/*');
    expect(downloadPattern('http://127.0.0.1:35587/hls/ts-30-56400/media.m3u8')).toBe('http://127.0.0.1/*');
    expect(downloadPattern('http://[::1]:8080/clip.mp4')).toBe('http://[::1]/*');
    expect(downloadPattern('https://videos.example/clip.mp4')).toBe('https://videos.example/*');
  });

  it('throws on an address that cannot be read', () => {
    expect(() => downloadPattern('not a url')).toThrow();
  });
});
