import { describe, expect, it } from 'vitest';
import { pickSource, urlsInText } from '../../../lib/media';

describe('pickSource', () => {
  const page = 'https://site.example/watch/1';

  it('prefers the clicked media, then the clicked link, then the page', () => {
    expect(pickSource({ srcUrl: 'https://cdn.example/a.mp4', linkUrl: 'https://site.example/b', pageUrl: page })).toEqual(['https://cdn.example/a.mp4']);
    expect(pickSource({ linkUrl: 'https://site.example/b.mp4', pageUrl: page })).toEqual(['https://site.example/b.mp4']);
    expect(pickSource({ srcUrl: '', pageUrl: page })).toEqual([page]);
    expect(pickSource({})).toEqual([]);
  });

  it('returns a blob: srcUrl as it is, so the caller can explain why it cannot be sent', () => {
    expect(pickSource({ srcUrl: 'blob:https://site.example/123', pageUrl: page })).toEqual(['blob:https://site.example/123']);
  });

  it('gives every URL of a selection, in order and once each', () => {
    const selectionText =
      'Mirrors: https://a.example/one.mp4, https://b.example/two.mkv; and (see https://c.example/three.mp4). ' +
      'Again https://a.example/one.mp4 Backup:https://d.example/four.mp4';
    expect(pickSource({ selectionText, linkUrl: 'https://site.example/x', pageUrl: page })).toEqual([
      'https://a.example/one.mp4',
      'https://b.example/two.mkv',
      'https://c.example/three.mp4',
      'https://d.example/four.mp4',
    ]);
  });

  it('falls back to the click target when the selection holds no URL', () => {
    expect(pickSource({ selectionText: 'just some words', linkUrl: 'https://site.example/x.mp4', pageUrl: page })).toEqual(['https://site.example/x.mp4']);
  });
});

describe('urlsInText', () => {
  it('keeps balanced parentheses and query strings, drops trailing punctuation and markup', () => {
    expect(urlsInText('https://en.example.org/wiki/Clip_(film). [url=https://x.example/v.mp4?a=1&b=2]x[/url] <a href="http://y.example/z">')).toEqual([
      'https://en.example.org/wiki/Clip_(film)',
      'https://x.example/v.mp4?a=1&b=2',
      'http://y.example/z',
    ]);
  });

  it('ignores other schemes, including the address inside a blob: URL', () => {
    expect(urlsInText('ftp://a.example/x javascript:alert(1) blob:https://b.example/1 view-source:https://c.example/')).toEqual([]);
  });
});
