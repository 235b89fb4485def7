import { browser } from 'wxt/browser';
import type { PublicAccount } from '../../accounts';
import { t } from '../../i18n';

// Menus are rebuilt from settings with stable ids, awaited in a plain loop, so
// a rebuild on install, startup and every account change never duplicates.

const ROOT_MENU = 'send-to-host';
export const MIRROR_MENU = 'mirror:all';
export const NO_ACCOUNTS_MENU = 'no-accounts';
const menuContexts = ['video', 'audio', 'link', 'page', 'frame', 'selection'] as const;

export function accountMenuId(accountId: string): string {
  return `account:${accountId}`;
}

export function accountIdFromMenu(menuItemId: string | number): string | undefined {
  const id = String(menuItemId);
  return id.startsWith('account:') ? id.slice('account:'.length) : undefined;
}

function create(props: Parameters<typeof browser.contextMenus.create>[0]): Promise<void> {
  return new Promise((resolve) => {
    browser.contextMenus.create(props, () => {
      // Reading lastError keeps Chrome from logging a duplicate-id race as unchecked.
      void browser.runtime.lastError;
      resolve();
    });
  });
}

let rebuilding: Promise<void> = Promise.resolve();

export function rebuildMenus(accounts: PublicAccount[]): Promise<void> {
  rebuilding = rebuilding
    .then(async () => {
      await browser.contextMenus.removeAll();
      const enabled = accounts.filter((a) => a.enabled);
      await create({ id: ROOT_MENU, title: t('menuSendToHost'), contexts: [...menuContexts] });
      if (enabled.length === 0) {
        await create({ id: NO_ACCOUNTS_MENU, parentId: ROOT_MENU, title: t('menuAddAccount'), contexts: [...menuContexts] });
        return;
      }
      for (const account of enabled) {
        await create({ id: accountMenuId(account.id), parentId: ROOT_MENU, title: account.label, contexts: [...menuContexts] });
      }
      if (enabled.length > 1) {
        await create({ id: MIRROR_MENU, parentId: ROOT_MENU, title: t('menuMirrorAll'), contexts: [...menuContexts] });
      }
    })
    .catch((error) => console.warn('VidRelay: menu rebuild failed', String(error)));
  return rebuilding;
}
