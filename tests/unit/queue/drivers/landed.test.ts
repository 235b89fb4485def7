import { describe, expect, it } from 'vitest';
import { findLanded, sameTitle, titleHint } from '../../../../lib/queue/drivers/landed';
import { fakeHost, job } from '../fakes';

describe('titleHint', () => {
  it('prefers the asked title, else the decoded file name of the URL', () => {
    expect(titleHint({ options: { title: 'Mine' }, url: 'https://x.test/a.mp4' })).toBe('Mine');
    expect(titleHint({ options: {}, url: 'https://x.test/dir/My%20Clip.mp4?x=1' })).toBe('My Clip.mp4');
    expect(titleHint({ options: {}, url: 'https://x.test/' })).toBeUndefined();
    expect(titleHint({ options: {}, url: 'https://x.test/watch?v=3' })).toBeUndefined();
  });
});

describe('sameTitle', () => {
  it.each([
    ['My_Holiday.mp4', 'My Holiday', true],
    ['my-holiday', 'MY HOLIDAY.mkv', true],
    ['A very long video title', 'A very long vid', true],
    ['clip', 'clip2', false],
    ['Holiday', 'Work', false],
    ['...', '...', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(sameTitle(a, b)).toBe(expected);
  });
});

describe('findLanded', () => {
  const now = 10 * 60_000;
  const sent = job({ id: 'j', url: 'https://x.test/My_Holiday.mp4', sentAt: now - 90_000 });

  it('finds a listed file by title, skipping files other jobs own', async () => {
    const host = fakeHost('h');
    host.files.set('mine', { fileCode: 'mine', title: 'My Holiday', status: 'encoding' });
    expect(await findLanded(host.client, sent, new Set(), now)).toEqual({ found: 'mine' });
    expect(host.listFiles).toHaveBeenCalledWith({ created: 7, perPage: 100 });
    expect(await findLanded(host.client, sent, new Set(['mine']), now)).toEqual({ found: false });
  });

  it('looks in the encoding queue when the list does not have it yet', async () => {
    const host = fakeHost('h', ['listFiles', 'encodings']);
    host.encodings.mockResolvedValueOnce([{ fileCode: 'q1', title: 'My Holiday', progress: 5, status: 'ENCODING' }]);
    expect(await findLanded(host.client, sent, new Set(), now)).toEqual({ found: 'q1' });
  });

  it('cannot tell when the link has no name and the host has new files', async () => {
    const host = fakeHost('h');
    const nameless = { ...sent, url: 'https://x.test/watch?v=1' };
    expect(await findLanded(host.client, nameless, new Set(), now)).toEqual({ found: false });
    host.files.set('new', { fileCode: 'new', title: 'whatever', status: 'ready' });
    expect(await findLanded(host.client, nameless, new Set(), now)).toEqual({ unknown: expect.any(String) });
  });
});
