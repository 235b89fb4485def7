import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleShortcut, shortcutAccount, type ShortcutDeps } from '../../../lib/background/send-to-host/shortcut';
import type { MenuClickInfo } from '../../../lib/background/send-to-host/menu-click';

function deps(fields: { preferred?: string; enabled?: string[]; tab?: { id?: number; url?: string } }) {
  const clicks: { info: MenuClickInfo; tabId: number }[] = [];
  const d: ShortcutDeps = {
    activeTab: async () => fields.tab,
    defaultAccountId: async () => fields.preferred,
    enabledAccountIds: async () => fields.enabled ?? [],
    click: async (info, tabId) => {
      clicks.push({ info, tabId });
      return [];
    },
  };
  return { d, clicks };
}

describe('send-video shortcut', () => {
  it('sends the active tab to the default account as a click on the page', async () => {
    const { d, clicks } = deps({ preferred: 'b', enabled: ['a', 'b'], tab: { id: 4, url: 'https://site.example/watch' } });
    await handleShortcut(d);
    expect(clicks).toEqual([{ info: { menuItemId: 'account:b', pageUrl: 'https://site.example/watch' }, tabId: 4 }]);
  });

  it('falls back to the first enabled account when the default is gone or disabled', async () => {
    await expect(shortcutAccount(deps({ preferred: 'x', enabled: ['a', 'b'] }).d)).resolves.toBe('a');
    await expect(shortcutAccount(deps({ enabled: ['c'] }).d)).resolves.toBe('c');
  });

  it('tells the user when there is no account or no page', async () => {
    const messages: string[] = [];
    const create = fakeBrowser.notifications.create;
    fakeBrowser.notifications.create = (async (_id: string, options: { message: string }) => {
      messages.push(options.message);
      return 'noted';
    }) as never;

    const none = deps({ enabled: [], tab: { id: 1 } });
    await handleShortcut(none.d);
    const noTab = deps({ enabled: ['a'], tab: undefined });
    await handleShortcut(noTab.d);
    expect(none.clicks).toEqual([]);
    expect(noTab.clicks).toEqual([]);
    expect(messages[0]).toMatch(/Add an account/);
    expect(messages[1]).toMatch(/no open page/);
    fakeBrowser.notifications.create = create;
  });
});
