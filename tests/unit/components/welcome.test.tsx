import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WelcomeApp } from '../../../components/welcome/WelcomeApp';
import { noticeEnvelope } from '../../../lib/protocol/notices';

// The welcome page asks for the accounts once, then follows the account
// list by the background's notice: an open page never asks on its own.

let accounts: unknown[];
let asks: number;
let root: HTMLElement;
beforeEach(() => {
  accounts = [];
  asks = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: string }).type !== 'accounts.list' || !(message as { vidrelay?: number }).vidrelay) return undefined;
    asks++;
    return Promise.resolve({ ok: true, data: accounts });
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
const step = () => root.querySelector('[data-step="account"]')?.getAttribute('data-done');

describe('the welcome page and the account list', () => {
  it('asks once, then again only on the notice from the background', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    await act(async () => render(<WelcomeApp />, root));
    await settle();
    expect(asks).toBe(1);
    expect(step()).toBe('false');

    // Time passing alone asks nothing.
    await act(async () => void vi.advanceTimersByTime(60_000));
    await settle();
    expect(asks).toBe(1);

    // A notice from anyone but the background is not heard.
    accounts = [{ id: 'a1', hostId: 'media.cm', label: 'Mine' }];
    const notice = noticeEnvelope('accounts.changed', {});
    const base = fakeBrowser.runtime.getURL('/');
    await act(
      async () => void fakeBrowser.runtime.onMessage.trigger(notice, { id: fakeBrowser.runtime.id, url: `${base}options.html`, tab: { id: 2 } as never }),
    );
    await settle();
    expect(asks).toBe(1);

    await act(async () => void fakeBrowser.runtime.onMessage.trigger(notice, { id: fakeBrowser.runtime.id, url: `${base}background.js` }));
    await settle();
    expect(asks).toBe(2);
    expect(step()).toBe('true');
  });
});
