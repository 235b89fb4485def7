import { describe, expect, it } from 'vitest';
import { findOptionsFor, findVideos } from '../../../lib/media';
import { loadFixture, parseHtml } from './load-fixture';

function setPlaying(el: Element, currentSrc?: string) {
  Object.defineProperty(el, 'paused', { value: false, configurable: true });
  Object.defineProperty(el, 'currentTime', { value: 12.5, configurable: true });
  Object.defineProperty(el, 'readyState', { value: 4, configurable: true });
  if (currentSrc) Object.defineProperty(el, 'currentSrc', { value: currentSrc, configurable: true });
}

describe('findVideos', () => {
  it('finds a plain <video src>, resolved against the page', () => {
    const doc = loadFixture('simple-video.html');
    expect(findVideos(doc, 'https://photos.example/albums/2024/')).toEqual([
      { url: 'https://photos.example/albums/2024/holiday.mp4', kind: 'file', source: 'video' },
    ]);
  });

  it('puts the large video and its <source> children before a small teaser, and leaves the page audio out', () => {
    const doc = loadFixture('video-src.html');
    expect(findVideos(doc, 'https://site.example/watch/9')).toEqual([
      { url: 'https://site.example/media/clip-1080.mp4', kind: 'file', source: 'source' },
      { url: 'https://site.example/media/clip.webm', kind: 'file', source: 'source' },
      { url: 'https://site.example/media/clip.m3u8', kind: 'hls', source: 'source' },
      { url: 'https://site.example/watch/previews/teaser.webm', kind: 'file', source: 'video' },
    ]);
  });

  it('offers no podcast player or page audio unless that audio element was right-clicked', () => {
    const page = 'https://podcast.example/episodes/12';
    expect(findVideos(loadFixture('podcast.html'), page)).toEqual([{ url: 'https://podcast.example/video/ep12-recording.mp4', kind: 'file', source: 'link' }]);
    // The click reports the element's current source; only that element is offered, after the page's videos.
    const clicked = findVideos(loadFixture('podcast.html'), page, [], { clickedAudio: 'https://cdn.podcast.example/ep12.mp3' });
    expect(clicked).toEqual([
      { url: 'https://podcast.example/video/ep12-recording.mp4', kind: 'file', source: 'link' },
      { url: 'https://cdn.podcast.example/ep12.mp3', kind: 'file', source: 'source' },
      { url: 'https://cdn.podcast.example/ep12.ogg', kind: 'file', source: 'source' },
    ]);
    const jingle = findVideos(loadFixture('podcast.html'), page, [], { clickedAudio: 'https://podcast.example/sounds/jingle.m4a' });
    expect(jingle.map((v) => v.url)).toEqual(['https://podcast.example/video/ep12-recording.mp4', 'https://podcast.example/sounds/jingle.m4a']);
  });

  it('reads the click from the menu info: mediaType audio with its srcUrl, nothing for other clicks', () => {
    expect(findOptionsFor({ mediaType: 'audio', srcUrl: 'https://a.example/x.mp3' })).toEqual({ clickedAudio: 'https://a.example/x.mp3' });
    expect(findOptionsFor({ mediaType: 'video', srcUrl: 'https://a.example/x.mp4' })).toEqual({});
    expect(findOptionsFor({ pageUrl: 'https://a.example/' })).toEqual({});
  });

  it('puts the playing video first, its currentSrc ahead of its <source> children', () => {
    const doc = loadFixture('video-src.html');
    setPlaying(doc.querySelector('.teaser')!, 'https://site.example/watch/previews/teaser.webm');
    expect(findVideos(doc, 'https://site.example/watch/9')[0]?.url).toBe('https://site.example/watch/previews/teaser.webm');

    const again = loadFixture('video-src.html');
    setPlaying(again.querySelector('#main')!, 'https://site.example/media/clip.webm');
    expect(findVideos(again, 'https://site.example/watch/9').slice(0, 2)).toEqual([
      { url: 'https://site.example/media/clip.webm', kind: 'file', source: 'video' },
      { url: 'https://site.example/media/clip-1080.mp4', kind: 'file', source: 'source' },
    ]);
  });

  it('skips an MSE player’s blob: src and falls back to og:video, player pages last', () => {
    const doc = loadFixture('mse-player.html');
    expect(findVideos(doc, 'https://tube.example/watch/42')).toEqual([
      { url: 'http://tube.example/dl/42/film.mp4', kind: 'file', source: 'og:video' },
      { url: 'https://tube.example/dl/42/film.mp4', kind: 'file', source: 'og:video' },
      { url: 'https://tube.example/player/42', kind: 'embed', source: 'og:video' },
    ]);
  });

  it('reads JSON-LD VideoObjects in @graph, arrays and nested properties, ignoring broken blocks', () => {
    const doc = loadFixture('json-ld.html');
    expect(findVideos(doc, 'https://news.example/2024/storm')).toEqual([
      { url: 'https://news.example/video/storm.mp4', kind: 'file', source: 'json-ld' },
      { url: 'https://cdn.news.example/hls/flood/master.m3u8', kind: 'hls', source: 'json-ld' },
      { url: 'https://cdn.news.example/dash/flood.mpd', kind: 'dash', source: 'json-ld' },
      { url: 'https://cdn.news.example/fire.webm', kind: 'file', source: 'json-ld' },
      { url: 'https://news.example/embed/storm', kind: 'embed', source: 'json-ld' },
    ]);
  });

  it('collects links to video files in page order, honouring <base>, deduplicated, unsafe schemes dropped', () => {
    const doc = loadFixture('links.html');
    const found = findVideos(doc, 'https://www.example.net/downloads');
    expect(found).toEqual([
      { url: 'https://cdn.example.net/files/episode-1.mp4', kind: 'file', source: 'link' },
      { url: 'https://cdn.example.net/archive/episode-2.mkv?token=abc&exp=99', kind: 'file', source: 'link' },
      { url: 'https://live.example.org/stream/index.m3u8', kind: 'hls', source: 'link' },
      { url: 'https://cdn.example.net/dash/show.mpd', kind: 'dash', source: 'link' },
      { url: 'https://cdn.example.net/files/trailer.MOV', kind: 'file', source: 'link' },
      { url: 'https://cdn.example.net/files/old/clip.avi', kind: 'file', source: 'link' },
      { url: 'https://www.youtube.com/embed/dQw4w9WgXcQ', kind: 'embed', source: 'iframe' },
    ]);
    for (const { url } of found) expect(url).toMatch(/^https?:\/\//);
  });

  it('returns nothing for a page without video', () => {
    const doc = loadFixture('none.html');
    expect(findVideos(doc, 'https://blog.example/post', ['https://blog.example/cover.jpg', 'https://blog.example/app.js'])).toEqual([]);
  });

  it('reads twitter:player:stream (protocol-relative) before the twitter:player page', () => {
    const doc = loadFixture('twitter-card.html');
    expect(findVideos(doc, 'https://clips.example/77')).toEqual([
      { url: 'https://media.clips.example/77/clip.mp4?sig=xyz', kind: 'file', source: 'twitter:player:stream' },
      { url: 'https://clips.example/player/77', kind: 'embed', source: 'twitter:player' },
    ]);
  });

  it('finds HLS and DASH manifests among loaded resources, not their segments', () => {
    const doc = loadFixture('hls-player.html');
    const resources = [
      'https://live.example/js/hls.min.js',
      'https://edge.live.example/ch1/master.m3u8?token=t1',
      'https://edge.live.example/ch1/720p/index.m3u8?token=t1',
      'https://edge.live.example/ch1/720p/seg-001.ts',
      'https://edge.live.example/ch1/720p/seg-002.m4s',
      'https://edge.live.example/ch1/manifest.mpd',
      'https://edge.live.example/ch1/master.m3u8?token=t1',
      'blob:https://live.example/0b9d1c',
      'https://live.example/ad/preroll.mp4',
    ];
    expect(findVideos(doc, 'https://live.example/channel/1', resources)).toEqual([
      { url: 'https://edge.live.example/ch1/master.m3u8?token=t1', kind: 'hls', source: 'resource' },
      { url: 'https://edge.live.example/ch1/720p/index.m3u8?token=t1', kind: 'hls', source: 'resource' },
      { url: 'https://edge.live.example/ch1/manifest.mpd', kind: 'dash', source: 'resource' },
      { url: 'https://live.example/ad/preroll.mp4', kind: 'file', source: 'resource' },
    ]);
  });

  it('ranks what the page shows above links, and links above loaded resources', () => {
    const doc = parseHtml(
      `<a href="/dl/film.mp4">download</a>
       <meta property="og:video" content="/og/film.mp4">
       <video src="/player/film.mp4"></video>`,
    );
    const found = findVideos(doc, 'https://mixed.example/', ['https://mixed.example/dl/film.mp4', 'https://cdn.mixed.example/x.webm']);
    expect(found.map((item) => `${item.source} ${item.url}`)).toEqual([
      'video https://mixed.example/player/film.mp4',
      'og:video https://mixed.example/og/film.mp4',
      'link https://mixed.example/dl/film.mp4',
      'resource https://cdn.mixed.example/x.webm',
    ]);
  });

  it('never lets javascript:, data:, blob: or file: through, whatever the source', () => {
    const doc = parseHtml(
      `<meta property="og:video" content="javascript:alert(1)">
       <meta name="twitter:player:stream" content="data:video/mp4;base64,AAAA">
       <video src="file:///tmp/x.mp4"><source src="blob:https://a.example/1"></video>
       <script type="application/ld+json">{"@type":"VideoObject","contentUrl":"javascript:void(0)//.mp4"}</script>
       <a href=" JavaScript:go('a.mp4')">x</a>`,
    );
    expect(findVideos(doc, 'https://evil.example/', ['data:video/mp4;base64,AAAA', 'file:///x.m3u8'])).toEqual([]);
  });

  it('survives a page URL it cannot resolve against, keeping absolute URLs', () => {
    const doc = parseHtml('<video src="relative.mp4"></video><a href="https://ok.example/a.mp4">a</a>');
    expect(findVideos(doc, 'about:blank')).toEqual([{ url: 'https://ok.example/a.mp4', kind: 'file', source: 'link' }]);
  });
});

describe('findVideos on the pages of issue 24', () => {
  it('finds the three lazy videos (data-src, data-lazy-src, data-hls) and the lazy player frame, not the lazy image or script', () => {
    const found = findVideos(loadFixture('lazy-videos.html'), 'https://clips.example/week/');
    expect(found).toEqual([
      { url: 'https://clips.example/media/week/clip-1.mp4', kind: 'file', source: 'video' },
      { url: 'https://cdn.clips.example/week/clip-2.webm', kind: 'file', source: 'source' },
      { url: 'https://cdn.clips.example/week/clip-3/master.m3u8?sig=q1', kind: 'hls', source: 'video' },
      { url: 'https://player.vimeo.com/video/76979871', kind: 'embed', source: 'iframe' },
    ]);
  });

  it('offers no .mp3 or .m4a on a page without video, whether linked, in twitter:player:stream or loaded', () => {
    const page = 'https://show.example/ep80';
    expect(findVideos(loadFixture('audio-page.html'), page, ['https://media.show.example/ep80.mp3'])).toEqual([]);
    // A right-click on audio is the user asking for it: then the page's audio stream counts (links to audio files stay out).
    const clicked = findVideos(loadFixture('audio-page.html'), page, [], { clickedAudio: 'https://media.show.example/ep80.mp3' });
    expect(clicked).toEqual([{ url: 'https://media.show.example/ep80.mp3', kind: 'file', source: 'twitter:player:stream' }]);
  });

  it('reads HLS <source> types and the manifests a player config in an inline script names', () => {
    const found = findVideos(loadFixture('player-config.html'), 'https://news.example/markets/close');
    expect(found).toEqual([
      { url: 'https://news.example/stream/playlist?id=99', kind: 'hls', source: 'source' },
      { url: 'https://cdn.news.example/live/99.m3u8', kind: 'hls', source: 'source' },
      { url: 'https://cdn.news.example/vod/99/master.m3u8?token=a1&exp=7', kind: 'hls', source: 'script' },
      { url: 'https://news.example/vod/99/backup.m3u8', kind: 'hls', source: 'script' },
      { url: 'https://cdn.news.example/vod/99/manifest.mpd', kind: 'dash', source: 'script' },
    ]);
  });

  it('gives a blob: player its playlist from the loaded resources', () => {
    const found = findVideos(loadFixture('mse-player.html'), 'https://tube.example/watch/42', ['https://hls.tube.example/42/master.m3u8']);
    expect(found.filter((v) => v.source === 'resource')).toEqual([{ url: 'https://hls.tube.example/42/master.m3u8', kind: 'hls', source: 'resource' }]);
    expect(found.some((v) => v.url.startsWith('blob:'))).toBe(false);
  });

  it('scans a huge inline script in bounded time and only its first part', () => {
    const filler = 'x'.repeat(2 * 1024 * 1024);
    const doc = parseHtml(`<script>var a = "${'/a'.repeat(50_000)}.m3u8"; ${filler} var late = "https://cdn.example/late.m3u8";</script>`);
    const started = performance.now();
    expect(findVideos(doc, 'https://page.example/')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops after a bounded number of finds in scripts', () => {
    const many = Array.from({ length: 100 }, (_, i) => `"https://cdn.example/${i}.m3u8"`).join(',');
    const found = findVideos(parseHtml(`<script>var list = [${many}];</script>`), 'https://page.example/');
    expect(found).toHaveLength(20);
    expect(found[0]).toEqual({ url: 'https://cdn.example/0.m3u8', kind: 'hls', source: 'script' });
  });
});
