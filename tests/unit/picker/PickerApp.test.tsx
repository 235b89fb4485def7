import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PickerApp } from '../../../components/picker/PickerApp';
import { describeCandidate } from '../../../components/picker/describe';
import { createPickerHandlers } from '../../../lib/background/handlers/picker';
import { savePickerEntry, storedPickerEntries } from '../../../lib/background/stored/picker-entries';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import type { FoundVideo } from '../../../lib/media';
import type { Job } from '../../../lib/queue/model/job';

// The picker page against the real handlers and router, as the page would reach them.

const candidates: FoundVideo[] = [
  { url: 'https://cdn.example/media/episode-1.mp4', kind: 'file', source: 'link' },
  { url: 'https://cdn.example/media/episode%202.mp4?size=9', kind: 'file', source: 'link' },
  { url: 'https://player.example/e/77', kind: 'embed', source: 'iframe' },
];
const page = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/picker.html?id=x', origin: 'chrome-extension://test-extension-id' };

let sends: { target: string; urls: string[] }[];
let closed: number;
let root: HTMLElement;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

beforeEach(() => {
  sends = [];
  closed = 0;
  const handlers = createPickerHandlers({
    menu: {
      accounts: async () => [
        { id: 'a', label: 'Media' },
        { id: 'b', label: 'Vip' },
      ],
      send: async (target, urls) => {
        sends.push({ target, urls });
        return urls.map((url) => ({ id: url, url }) as Job);
      },
    },
    pickerEntries: storedPickerEntries,
  }) as Handlers;
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => dispatch(handlers, message, page)) as never;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

async function open(id: string) {
  await act(() => render(<PickerApp id={id} onClose={() => closed++} closeDelayMs={0} />, root));
  await settle();
}

const checkbox = (name: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent === name)!;
  return root.querySelector<HTMLInputElement>(`#${label.getAttribute('for')}`)!;
};
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('PickerApp', () => {
  it('lists every candidate, the best one ticked, with the menu’s account chosen', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:b', pageUrl: 'https://site.example/list' });
    await open(entry.id);
    expect([...root.querySelectorAll('label[for^="candidate-"]')].map((l) => l.textContent)).toEqual(['episode-1.mp4', 'episode 2.mp4', '77']);
    expect(checkbox('episode-1.mp4').checked).toBe(true);
    expect(checkbox('episode 2.mp4').checked).toBe(false);
    expect(root.querySelector<HTMLSelectElement>('#picker-target')!.value).toBe('account:b');
    expect(root.textContent).toContain('Found on https://site.example/list');
    expect(root.textContent).toContain('A player page, not the video file');
    expect(root.textContent).toContain('1 of 3 selected');
  });

  it('sends what the user ticks, in page order, to the account chosen, then closes', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    await open(entry.id);
    await act(() => checkbox('episode 2.mp4').click());
    await act(() => checkbox('episode-1.mp4').click());
    await act(() => checkbox('77').click());
    const select = root.querySelector<HTMLSelectElement>('#picker-target')!;
    await act(() => {
      select.value = 'mirror:all';
      select.dispatchEvent(new Event('change'));
    });
    await act(() => button('Send selected').click());
    await settle();
    await settle();
    expect(sends).toEqual([{ target: 'mirror:all', urls: [candidates[1].url, candidates[2].url] }]);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Sent 2 videos to All accounts (mirror).');
    expect(closed).toBe(1);
  });

  it('asks for a choice when nothing is ticked, and sends nothing', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    await open(entry.id);
    await act(() => checkbox('episode-1.mp4').click());
    await act(() => button('Send selected').click());
    await settle();
    expect(sends).toEqual([]);
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/Tick at least one video/);
  });

  it('explains an expired list and offers to close', async () => {
    await open('no-such-id');
    expect(root.querySelector('[role="alert"]')!.getAttribute('data-code')).toBe('not_found');
    expect(root.textContent).toMatch(/expired/);
    await act(() => button('Close').click());
    expect(closed).toBe(1);
  });

  it('Cancel drops the list and closes', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    await open(entry.id);
    await act(() => button('Cancel').click());
    await settle();
    expect(closed).toBe(1);
    await expect(fakeBrowser.storage.session.get(null)).resolves.toEqual({});
  });
});

const master = 'https://cdn.example/film/master.m3u8';
const variants: FoundVideo[] = [
  {
    url: 'https://cdn.example/film/1080/index.m3u8',
    kind: 'hls',
    source: 'resource',
    stream: { master, height: 1080, bandwidth: 6_800_000, duration: 1000, bytes: 850_000_000 },
  },
  {
    url: 'https://cdn.example/film/720/index.m3u8',
    kind: 'hls',
    source: 'resource',
    stream: { master, height: 720, bandwidth: 2_400_000, duration: 1000, bytes: 300_000_000 },
  },
  { url: 'https://cdn.example/film/1080a/index.m3u8', kind: 'hls', source: 'resource', stream: { master, height: 1080, refused: 'separate_audio' } },
];

describe('PickerApp with a stream', () => {
  let asked: string[][];
  let grant: boolean;
  beforeEach(() => {
    asked = [];
    grant = true;
    fakeBrowser.permissions.request = (async ({ origins }: { origins: string[] }) => {
      asked.push(origins);
      return grant;
    }) as never;
  });

  it('asks for the stream’s site before sending (VidRelay downloads it), and sends nothing when refused', async () => {
    grant = false;
    const entry = await savePickerEntry({ candidates: [...variants, candidates[0]], target: 'account:a' });
    await open(entry.id);
    await act(() => checkbox('episode-1.mp4').click());
    await act(() => button('Send selected').click());
    await settle();
    expect(asked).toEqual([['https://cdn.example/*']]);
    expect(sends).toEqual([]);
    expect(root.querySelector('[role="alert"]')!.getAttribute('data-code')).toBe('permission');
  });

  it('asks for nothing when only files are sent', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    await open(entry.id);
    await act(() => button('Send selected').click());
    await settle();
    await settle();
    expect(asked).toEqual([]);
    expect(sends).toHaveLength(1);
  });

  it('lists the qualities with sizes, best ticked; a refused one shown disabled with its reason read with it', async () => {
    const entry = await savePickerEntry({ candidates: variants, target: 'account:a' });
    await open(entry.id);
    const labels = [...root.querySelectorAll('label[for^="candidate-"]')].map((l) => l.textContent);
    expect(labels).toEqual(['HLS stream, 1080p, about 850 MB', 'HLS stream, 720p, about 300 MB', 'HLS stream, 1080p']);
    expect(checkbox('HLS stream, 1080p, about 850 MB').checked).toBe(true);
    const refused = checkbox('HLS stream, 1080p');
    expect(refused.disabled).toBe(true);
    expect(refused.checked).toBe(false);
    const reasonId = refused.getAttribute('aria-describedby')!.split(' ')[0];
    expect(root.querySelector(`#${reasonId}`)!.textContent).toMatch(/separate track/);
    await act(() => button('Send selected').click());
    await settle();
    await settle();
    expect(sends).toEqual([{ target: 'account:a', urls: [variants[0].url] }]);
    expect(asked).toEqual([['https://cdn.example/*']]);
  });

  it('ticks nothing at first when every stream is refused', async () => {
    const entry = await savePickerEntry({ candidates: [variants[2]], target: 'account:a' });
    await open(entry.id);
    expect(root.textContent).toContain('0 of 1 selected');
  });
});

describe('describeCandidate', () => {
  it('names a stream quality by height and estimated size, in the UI language', () => {
    expect(describeCandidate(variants[0])).toEqual({
      name: 'HLS stream, 1080p, about 850 MB',
      host: 'cdn.example',
      details: 'HLS stream · loaded by the page',
    });
    expect(describeCandidate({ ...variants[0], stream: { master, bytes: 1_234_000_000 } }).name).toBe('HLS stream, about 1.2 GB');
    expect(describeCandidate({ ...variants[0], stream: { master } }).name).toBe('HLS stream');
    expect(describeCandidate(variants[2]).refusal).toMatch(/separate track/);
    // A media playlist read on its own keeps its file name.
    expect(describeCandidate({ url: 'https://cdn.example/clip/index.m3u8', kind: 'hls', source: 'script', stream: { duration: 10 } })).toEqual({
      name: 'index.m3u8',
      host: 'cdn.example',
      details: "HLS stream · named in the page's player settings",
    });
    const language = fakeBrowser.i18n.getUILanguage;
    fakeBrowser.i18n.getUILanguage = () => 'de';
    try {
      expect(describeCandidate({ ...variants[0], stream: { master, height: 2160, bytes: 2_345_000_000 } }).name).toBe('HLS stream, 2160p, about 2,3\u00a0GB');
    } finally {
      fakeBrowser.i18n.getUILanguage = language;
    }
  });

  it('names a candidate by its file, host, kind and where it was found', () => {
    expect(describeCandidate({ url: 'https://cdn.example/a/My%20Clip.webm', kind: 'file', source: 'og:video' })).toEqual({
      name: 'My Clip.webm',
      host: 'cdn.example',
      details: 'video file · page metadata (og:video)',
    });
    expect(describeCandidate({ url: 'https://cdn.example/', kind: 'hls', source: 'resource' }).name).toBe('cdn.example');
    expect(describeCandidate({ url: 'https://cdn.example/%E0%A4%A.mp4', kind: 'file', source: 'link' }).name).toBe('%E0%A4%A.mp4');
  });
});
