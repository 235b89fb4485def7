import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rebuildMenus, accountIdFromMenu, MIRROR_MENU } from '../../../lib/background/send-to-host/menus';
import type { PublicAccount } from '../../../lib/accounts';

// fakeBrowser has no contextMenus; this stand-in keeps Chrome's rule that an id may exist once.
let menus: Map<string, { title: string; parentId?: string }>;
let duplicates: string[];

beforeEach(() => {
  menus = new Map();
  duplicates = [];
  Object.assign(fakeBrowser, {
    contextMenus: {
      removeAll: async () => menus.clear(),
      create: (props: { id: string; title: string; parentId?: string }, done: () => void) => {
        if (menus.has(props.id)) duplicates.push(props.id);
        menus.set(props.id, { title: props.title, parentId: props.parentId });
        setTimeout(done, 0);
      },
    },
  });
});

const account = (id: string, enabled = true) => ({ id, label: `Account ${id}`, enabled }) as PublicAccount;

describe('rebuildMenus', () => {
  it('creates one child per enabled account plus the mirror entry', async () => {
    await rebuildMenus([account('a'), account('b'), account('c', false)]);
    expect([...menus.keys()]).toEqual(['send-to-host', 'account:a', 'account:b', MIRROR_MENU]);
  });

  it('never duplicates when rebuilds overlap', async () => {
    await Promise.all([rebuildMenus([account('a')]), rebuildMenus([account('a')]), rebuildMenus([account('a'), account('b')])]);
    expect(duplicates).toEqual([]);
    expect([...menus.keys()]).toEqual(['send-to-host', 'account:a', 'account:b', MIRROR_MENU]);
  });

  it('points to Options when there is no account', async () => {
    await rebuildMenus([]);
    expect(menus.get('no-accounts')?.title).toMatch(/Options/);
  });

  it('follows account changes: renamed, disabled and removed accounts, same ids each time', async () => {
    await rebuildMenus([account('a'), account('b'), account('c')]);
    await rebuildMenus([{ ...account('a'), label: 'Renamed' }, account('b', false), account('c')]);
    expect([...menus.keys()]).toEqual(['send-to-host', 'account:a', 'account:c', MIRROR_MENU]);
    expect(menus.get('account:a')).toEqual({ title: 'Renamed', parentId: 'send-to-host' });
    expect(menus.get(MIRROR_MENU)?.title).toBe('All accounts (mirror)');
    await rebuildMenus([account('c')]);
    expect([...menus.keys()]).toEqual(['send-to-host', 'account:c']);
    expect(duplicates).toEqual([]);
  });

  it('keeps working after a failed rebuild', async () => {
    const removeAll = fakeBrowser.contextMenus.removeAll;
    fakeBrowser.contextMenus.removeAll = async () => {
      throw new Error('menus unavailable');
    };
    await rebuildMenus([account('a')]);
    fakeBrowser.contextMenus.removeAll = removeAll;
    await rebuildMenus([account('b')]);
    expect([...menus.keys()]).toEqual(['send-to-host', 'account:b']);
  });

  it('reads the account id back from a stable menu id', () => {
    expect(accountIdFromMenu('account:acc_1')).toBe('acc_1');
    expect(accountIdFromMenu(MIRROR_MENU)).toBeUndefined();
  });
});
