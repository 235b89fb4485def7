import type { JobEntry } from '../../queue/model/group';
import { accountMenuId } from './menus';
import { say, type MenuClickInfo } from './menu-click';

// The `send-video` command: the current tab's video to the default account,
// through the same path as a right-click on the page.

export interface ShortcutDeps {
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  defaultAccountId(): Promise<string | undefined>;
  enabledAccountIds(): Promise<string[]>;
  click(info: MenuClickInfo, tabId: number): Promise<JobEntry[]>;
}

/** The default account when it is usable, else the first enabled one (as the popup's form does). */
export async function shortcutAccount(deps: Pick<ShortcutDeps, 'defaultAccountId' | 'enabledAccountIds'>): Promise<string | undefined> {
  const enabled = await deps.enabledAccountIds();
  const preferred = await deps.defaultAccountId();
  return preferred && enabled.includes(preferred) ? preferred : enabled[0];
}

export async function handleShortcut(deps: ShortcutDeps): Promise<JobEntry[]> {
  const accountId = await shortcutAccount(deps);
  if (!accountId) {
    await say(`refused-${Date.now()}`, 'Nothing sent', 'Add an account in VidRelay Options first, then press the shortcut again.');
    return [];
  }
  const tab = await deps.activeTab();
  if (tab?.id === undefined) {
    await say(`refused-${Date.now()}`, 'Nothing sent', 'There is no open page to send a video from.');
    return [];
  }
  return deps.click({ menuItemId: accountMenuId(accountId), pageUrl: tab.url }, tab.id);
}
