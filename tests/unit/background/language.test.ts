import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followLanguage } from '../../../lib/background/root/language';
import { rebuildMenus } from '../../../lib/background/send-to-host/menus';
import { settingsItem } from '../../../lib/storage/items';
import { chooseLanguage, t } from '../../../lib/i18n';

// The background in the language chosen in Options: read at the worker's
// start, the context menu given again in the new language when it changes.

const dir = join(__dirname, '../../../public/_locales');
const table = (folder: string) => JSON.parse(readFileSync(join(dir, folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
let menus: Map<string, string>;

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => new Response(readFileSync(join(dir, /_locales\/([^/]+)\//.exec(url)![1], 'messages.json'), 'utf8'))),
  );
  menus = new Map();
  Object.assign(fakeBrowser, {
    contextMenus: {
      removeAll: async () => menus.clear(),
      create: (props: { id: string; title: string }, done: () => void) => {
        menus.set(props.id, props.title);
        setTimeout(done, 0);
      },
    },
  });
});

afterEach(async () => {
  await chooseLanguage('browser');
  vi.unstubAllGlobals();
});

describe('followLanguage', () => {
  it('starts in the stored language and re-titles the menu when the choice changes', async () => {
    await settingsItem.update((s) => ({ ...s, language: 'vi' }));
    let rebuilt = Promise.resolve();
    const changed = vi.fn(() => {
      rebuilt = rebuildMenus([]);
    });
    await followLanguage(settingsItem, changed);
    expect(t('menuSendToHost')).toBe(table('vi').menuSendToHost.message);
    expect(changed).not.toHaveBeenCalled();

    await settingsItem.update((s) => ({ ...s, language: 'de' }));
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    await rebuilt;
    expect(menus.get('send-to-host')).toBe(table('de').menuSendToHost.message);
    expect(menus.get('no-accounts')).toBe(table('de').menuAddAccount.message);

    // Another setting changes: same language, no new titles.
    await settingsItem.update((s) => ({ ...s, linkFormat: 'bbcode' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(changed).toHaveBeenCalledTimes(1);

    await settingsItem.update((s) => ({ ...s, language: 'browser' }));
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
    expect(t('menuSendToHost')).toBe(table('en').menuSendToHost.message);
  });
});
