import { describe, expect, it } from 'vitest';
import { route, type Handlers } from '../../../lib/background/root/router';
import { backgroundSenders, senderKinds, uploaderDocumentSenders, type SenderEnv, type SenderKind, type SenderLike } from '../../../lib/protocol/senders';
import { commandHandlers, routeCommand } from '../../../lib/upload/document/uploader-document';

// The request/sender table, run against every kind of sender: each request
// is answered for the contexts its row names and refused (before any
// handler) for every other context and for every forged sender.

const id = 'test-extension-id';
const base = `chrome-extension://${id}/`;
const chromeEnv: SenderEnv = { extensionId: id, base, uploaderPath: '/offscreen.html', backgroundPaths: ['/background.js'] };
const firefoxEnv: SenderEnv = {
  extensionId: id,
  base,
  uploaderPath: '/_generated_background_page.html',
  backgroundPaths: ['/_generated_background_page.html'],
};
const origin = base.slice(0, -1);

/** The extension's own contexts, as the browser describes them. */
const own: Record<string, { sender: SenderLike; kinds: SenderKind[] }> = {
  popup: { sender: { id, url: `${base}popup.html`, origin }, kinds: ['page'] },
  options: { sender: { id, url: `${base}options.html`, origin, tab: { id: 4 } }, kinds: ['page'] },
  manager: { sender: { id, url: `${base}manager.html#upload`, origin, tab: { id: 5 } }, kinds: ['page'] },
  picker: { sender: { id, url: `${base}picker.html?id=x`, origin, tab: { id: 6 } }, kinds: ['page'] },
  welcome: { sender: { id, url: `${base}welcome.html#demo`, origin, tab: { id: 7 } }, kinds: ['page'] },
  offscreen: { sender: { id, url: `${base}offscreen.html`, origin, documentId: 'doc' }, kinds: ['uploader'] },
  background: { sender: { id, url: `${base}background.js`, origin }, kinds: ['background'] },
};

/** Senders that are not the extension, or pose as part of it. */
const forgedSenders: [string, SenderLike][] = [
  ['a web page (externally connectable)', { url: 'https://evil.example/', origin: 'https://evil.example' }],
  ['a content script (Chrome)', { id, url: 'https://evil.example/page', origin: 'https://evil.example', tab: { id: 3 } }],
  ['a content script (Firefox envType) naming an extension url', { id, url: `${base}offscreen.html`, envType: 'content_child' }],
  ['a content script (Firefox envType) posing as the background', { id, url: `${base}background.js`, envType: 'content_child' }],
  ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/background.js' }],
  ['another extension using our id in its path', { id: 'other-extension', url: `chrome-extension://other-extension/${id}/offscreen.html` }],
  ['a spoofed origin', { id, url: `${base}background.js`, origin: 'https://evil.example' }],
  ['a lookalike extension host', { id, url: `chrome-extension://${id}.evil/offscreen.html` }],
  ['a missing url', { id }],
  ['a non-string url', { id, url: 42 as unknown as string }],
  ['no sender at all', undefined as unknown as SenderLike],
];

const calls: string[] = [];
const background = new Proxy({} as Handlers, {
  get: (_t, name: string) => async () => {
    calls.push(name);
    return { handled: name };
  },
});

const message = (type: string) => ({ vidrelay: 1, type, payload: {} });
const allowed = (rule: readonly SenderKind[], kinds: SenderKind[]) => rule.some((kind) => kinds.includes(kind));

describe('sender kinds', () => {
  it('tells the extension contexts apart by path, and knows no kind for a forged sender', () => {
    for (const [name, { sender, kinds }] of Object.entries(own)) expect([...senderKinds(sender, chromeEnv)], name).toEqual(kinds);
    for (const [name, sender] of forgedSenders) expect(senderKinds(sender, chromeEnv).size, name).toBe(0);
  });

  it('in Firefox the manager tab is only a page; the background (its generated page) runs the uploader itself', () => {
    expect([...senderKinds(own.manager!.sender, firefoxEnv)]).toEqual(['page']);
    expect([...senderKinds(own.offscreen!.sender, firefoxEnv)]).toEqual([]);
    expect([...senderKinds({ id, url: `${base}_generated_background_page.html` }, firefoxEnv)].sort()).toEqual(['background', 'uploader']);
    expect([...senderKinds({ id, url: `${base}background.js` }, firefoxEnv)]).toEqual([]);
  });

  it('a tab at the background path is not the background', () => {
    expect(senderKinds({ id, url: `${base}background.js`, tab: { id: 9 } }, chromeEnv).has('background')).toBe(false);
  });
});

describe.each(Object.entries(backgroundSenders))('background request %s', (type, rule) => {
  it.each(Object.entries(own))('from %s: answered only if the table allows it', async (name, { sender, kinds }) => {
    calls.length = 0;
    const reply = await route(background, message(type), sender, chromeEnv);
    if (allowed(rule, kinds)) {
      // The sender passed: either the handler ran, or the (empty) payload failed its schema.
      expect(reply?.ok ? calls : reply?.error.code, name).toEqual(reply?.ok ? [type] : 'invalid_input');
    } else {
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'auth' } });
      expect(calls).toEqual([]);
    }
  });

  it.each(forgedSenders)('from %s: refused with auth before any handler', async (_name, sender) => {
    calls.length = 0;
    await expect(route(background, message(type), sender, chromeEnv)).resolves.toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(calls).toEqual([]);
  });
});

describe.each(Object.keys(uploaderDocumentSenders))('uploader document command %s', (type) => {
  const done: string[] = [];
  const handlers = commandHandlers({
    start: () => {
      done.push('start');
      return { accepted: true };
    },
    alive: () => {
      done.push('alive');
      return { running: ['j1'], held: [] };
    },
    cancel: () => {
      done.push('cancel');
    },
  });
  const payloads: Record<string, unknown> = {
    'uploader.start': { job: { id: 'j1', kind: 'relay', url: 'https://src.example/v.mp4' } },
    'uploader.alive': { jobIds: ['j1'] },
    'uploader.cancel': { jobId: 'j1' },
  };
  const command = { vidrelay: 1, type, payload: payloads[type] };
  const rule = uploaderDocumentSenders[type as keyof typeof uploaderDocumentSenders];

  it.each(Object.entries(own))('from %s: run only if the table allows it', (name, { sender, kinds }) => {
    done.length = 0;
    const reply = routeCommand(handlers, command, sender, senderKinds(sender, chromeEnv));
    if (allowed(rule, kinds)) {
      expect(done, name).toEqual([type.slice('uploader.'.length)]);
      if (reply) expect(reply.ok).toBe(true);
    } else {
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'auth' } });
      expect(done).toEqual([]);
    }
  });

  it.each(forgedSenders)('from %s: refused, nothing started or cancelled', (_name, sender) => {
    done.length = 0;
    expect(routeCommand(handlers, command, sender, senderKinds(sender, chromeEnv))).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(done).toEqual([]);
  });

  it('a payload that fails its check runs nothing', () => {
    done.length = 0;
    const bad = { vidrelay: 1, type, payload: { job: { id: 'j1', kind: 'relay', url: 'file:///etc/passwd' }, jobIds: [1], jobId: '' } };
    expect(routeCommand(handlers, bad, own.background!.sender, senderKinds(own.background!.sender, chromeEnv))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(done).toEqual([]);
  });
});

describe('each context answers only its own requests', () => {
  it('the uploader document stays silent for background requests, whoever sends them', () => {
    const handlers = commandHandlers({ start: () => ({ accepted: true }), alive: () => undefined, cancel: () => undefined });
    for (const type of Object.keys(backgroundSenders)) {
      for (const { sender } of Object.values(own)) expect(routeCommand(handlers, message(type), sender, senderKinds(sender, chromeEnv))).toBeUndefined();
    }
  });

  it('the background stays silent for uploader commands (the uploader document refuses forged ones)', () => {
    for (const type of Object.keys(uploaderDocumentSenders)) {
      for (const { sender } of Object.values(own)) expect(route(background, message(type), sender, chromeEnv)).toBeUndefined();
      for (const [, sender] of forgedSenders) expect(route(background, message(type), sender, chromeEnv)).toBeUndefined();
    }
  });

  it('the table names every context that answers requests, and UI pages answer none', async () => {
    const { pageSenders } = await import('../../../lib/protocol/senders');
    expect(Object.keys(pageSenders)).toEqual([]);
    for (const rule of [...Object.values(backgroundSenders), ...Object.values(uploaderDocumentSenders)]) expect(rule.length).toBeGreaterThan(0);
  });
});
