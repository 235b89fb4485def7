import { describe, expect, it } from 'vitest';
import { route, type Handlers } from '../../../lib/background/root/router';
import { noticeEnvelope, noticeOf } from '../../../lib/protocol/notices';
import type { SenderEnv, SenderLike } from '../../../lib/protocol/senders';
import { commandHandlers, routeCommand } from '../../../lib/upload/document/uploader-document';

// Notices go from the background to the pages. A page takes one only from
// the background; the routers that answer requests never take one for theirs.

const id = 'test-extension-id';
const base = `chrome-extension://${id}/`;
const origin = base.slice(0, -1);
const chromeEnv: SenderEnv = { extensionId: id, base, uploaderPath: '/offscreen.html', backgroundPaths: ['/background.js'] };
const firefoxEnv: SenderEnv = {
  extensionId: id,
  base,
  uploaderPath: '/_generated_background_page.html',
  backgroundPaths: ['/_generated_background_page.html'],
};

const notice = noticeEnvelope('accounts.changed', {});

describe('page notices', () => {
  it('are taken from the background only', () => {
    expect(noticeOf(notice, { id, url: `${base}background.js`, origin }, chromeEnv)).toBe('accounts.changed');
    expect(noticeOf(notice, { id, url: `${base}_generated_background_page.html`, origin, envType: 'addon_child' }, firefoxEnv)).toBe('accounts.changed');
    const others: SenderLike[] = [
      { id, url: `${base}options.html`, origin, tab: { id: 4 } },
      { id, url: `${base}offscreen.html`, origin, documentId: 'doc' },
      { id, url: 'https://evil.example/page', origin: 'https://evil.example', tab: { id: 3 } },
      { id, url: `${base}background.js`, envType: 'content_child' },
      { id: 'other-extension', url: 'chrome-extension://other-extension/background.js' },
    ];
    for (const sender of others) expect(noticeOf(notice, sender, chromeEnv)).toBeUndefined();
  });

  it('are nothing but known notices', () => {
    const background = { id, url: `${base}background.js`, origin };
    for (const message of [
      { vidrelayNotice: 1, type: 'jobs.remove', payload: {} },
      { vidrelayNotice: 1, type: 'constructor', payload: {} },
      { vidrelayNotice: 2, type: 'accounts.changed', payload: {} },
      { vidrelay: 1, type: 'accounts.changed', payload: {} },
      'accounts.changed',
      null,
    ]) {
      expect(noticeOf(message, background, chromeEnv)).toBeUndefined();
    }
  });

  it('reach neither the background router nor the uploader document as requests', () => {
    const page = { id, url: `${base}welcome.html`, origin, tab: { id: 7 } };
    const background = { id, url: `${base}background.js`, origin };
    expect(route({} as Handlers, notice, page, chromeEnv)).toBeUndefined();
    const handlers = commandHandlers({ start: () => ({ accepted: true }), alive: () => undefined, cancel: () => undefined });
    expect(routeCommand(handlers, notice, background)).toBeUndefined();
  });
});
