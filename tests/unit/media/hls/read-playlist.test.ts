import { describe, expect, it } from 'vitest';
import { estimateBytes, playlistLimits, readPlaylist, segmentIv } from '../../../../lib/media/hls';

const base = 'https://cdn.example/v/master.m3u8';

function media(lines: string[], end = true): string {
  return ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-TARGETDURATION:4', ...lines, ...(end ? ['#EXT-X-ENDLIST'] : [])].join('\n');
}

describe('readPlaylist: master playlists', () => {
  it('lists video variants best first, with resolution and bandwidth, relative URLs made absolute', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"',
      '360/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=5000000,AVERAGE-BANDWIDTH=4500000,RESOLUTION=1920x1080',
      'https://other.example/1080/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=64000,CODECS="mp4a.40.2"',
      'audio-only.m3u8',
    ].join('\n');
    const reading = readPlaylist(text, base);
    expect(reading.kind).toBe('master');
    if (reading.kind !== 'master') return;
    expect(reading.variants).toEqual([
      { url: 'https://other.example/1080/index.m3u8', bandwidth: 4_500_000, width: 1920, height: 1080 },
      { url: 'https://cdn.example/v/360/index.m3u8', bandwidth: 800_000, width: 640, height: 360, codecs: 'avc1.4d401e,mp4a.40.2' },
    ]);
  });

  it('marks a variant whose audio is a separate rendition', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="English",DEFAULT=YES,URI="audio/en.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=2000000,RESOLUTION=1280x720,AUDIO="aud"',
      '720/index.m3u8',
    ].join('\n');
    const reading = readPlaylist(text, base);
    expect(reading.kind === 'master' && reading.variants[0]?.refused).toBe('separate_audio');
  });

  it('refuses every variant under a SAMPLE-AES session key as DRM', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-SESSION-KEY:METHOD=SAMPLE-AES,URI="skd://key",KEYFORMAT="com.apple.streamingkeydelivery"',
      '#EXT-X-STREAM-INF:BANDWIDTH=2000000,RESOLUTION=1280x720',
      '720/index.m3u8',
    ].join('\n');
    const reading = readPlaylist(text, base);
    expect(reading.kind === 'master' && reading.variants[0]?.refused).toBe('drm');
  });
});

describe('readPlaylist: media playlists', () => {
  it('reads MPEG-TS segments with their durations and sequence numbers', () => {
    const reading = readPlaylist(media(['#EXT-X-MEDIA-SEQUENCE:7', '#EXTINF:4.0,', 'seg7.ts', '#EXTINF:3.5,', 'seg8.ts']), base);
    expect(reading).toEqual({
      kind: 'media',
      container: 'ts',
      segments: [
        { url: 'https://cdn.example/v/seg7.ts', duration: 4, sequence: 7 },
        { url: 'https://cdn.example/v/seg8.ts', duration: 3.5, sequence: 8 },
      ],
      duration: 7.5,
    });
  });

  it('reads fMP4 with its init segment and byte ranges', () => {
    const reading = readPlaylist(
      media([
        '#EXT-X-MAP:URI="init.mp4",BYTERANGE="800@0"',
        '#EXTINF:4,',
        '#EXT-X-BYTERANGE:1000@800',
        'all.m4s',
        '#EXTINF:4,',
        '#EXT-X-BYTERANGE:500',
        'all.m4s',
      ]),
      base,
    );
    expect(reading.kind).toBe('media');
    if (reading.kind !== 'media') return;
    expect(reading.container).toBe('fmp4');
    expect(reading.init).toEqual({ url: 'https://cdn.example/v/init.mp4', range: { offset: 0, length: 800 } });
    expect(reading.segments.map((s) => s.range)).toEqual([
      { offset: 800, length: 1000 },
      { offset: 1800, length: 500 },
    ]);
  });

  it('keeps a plain AES-128 key with its IV, and derives the IV from the sequence where none is given', () => {
    const reading = readPlaylist(
      media([
        '#EXT-X-MEDIA-SEQUENCE:258',
        '#EXT-X-KEY:METHOD=AES-128,URI="key.bin",IV=0x000102030405060708090a0b0c0d0e0f',
        '#EXTINF:4,',
        'a.ts',
        '#EXT-X-KEY:METHOD=AES-128,URI="key.bin"',
        '#EXTINF:4,',
        'b.ts',
      ]),
      base,
    );
    if (reading.kind !== 'media') throw new Error(`read as ${reading.kind}`);
    const [a, b] = reading.segments;
    expect(a?.key).toEqual({ url: 'https://cdn.example/v/key.bin', ivHex: '000102030405060708090a0b0c0d0e0f' });
    expect(Array.from(segmentIv(a!))).toEqual([...Array(16).keys()]);
    expect(b?.key).toEqual({ url: 'https://cdn.example/v/key.bin' });
    expect(Array.from(segmentIv(b!)).slice(14)).toEqual([1, 3]);
  });

  it.each([
    ['a live playlist (no ENDLIST)', media(['#EXTINF:4,', 'a.ts'], false), 'live'],
    ['SAMPLE-AES', media(['#EXT-X-KEY:METHOD=SAMPLE-AES,URI="skd://k"', '#EXTINF:4,', 'a.ts']), 'drm'],
    ['AES-128 under a key format', media(['#EXT-X-KEY:METHOD=AES-128,URI="k",KEYFORMAT="com.widevine"', '#EXTINF:4,', 'a.ts']), 'key_format'],
    ['no segments', media([]), 'no_segments'],
    ['an HTML page', '<!doctype html><p>not found</p>', 'not_playlist'],
    [
      'fragments under two init segments',
      media(['#EXT-X-MAP:URI="a.mp4"', '#EXTINF:4,', '1.m4s', '#EXT-X-MAP:URI="b.mp4"', '#EXTINF:4,', '2.m4s']),
      'mixed_init',
    ],
  ])('refuses %s', (_name, text, reason) => {
    expect(readPlaylist(text, base)).toEqual({ kind: 'refused', reason });
  });

  it('takes a VOD playlist type as finished even without ENDLIST', () => {
    expect(readPlaylist(media(['#EXT-X-PLAYLIST-TYPE:VOD', '#EXTINF:4,', 'a.ts'], false), base).kind).toBe('media');
  });

  it('refuses text over the cap without parsing it, and odd references without throwing', () => {
    expect(readPlaylist(`#EXTM3U\n${'#'.repeat(playlistLimits.textBytes)}`, base)).toEqual({ kind: 'refused', reason: 'too_large' });
    expect(readPlaylist(media(['#EXTINF:4,', 'javascript:alert(1)']), base)).toEqual({ kind: 'refused', reason: 'not_playlist' });
  });
});

describe('estimateBytes', () => {
  it('is bandwidth × duration in bytes, undefined without either', () => {
    expect(estimateBytes(600, 8_000_000)).toBe(600_000_000);
    expect(estimateBytes(0, 8_000_000)).toBeUndefined();
    expect(estimateBytes(600, 0)).toBeUndefined();
  });
});
