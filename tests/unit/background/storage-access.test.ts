import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictStorageToTrustedContexts } from '../../../lib/background/stored/access-level';

describe('restrictStorageToTrustedContexts', () => {
  it('asks for TRUSTED_CONTEXTS where the browser supports it', async () => {
    const calls: unknown[] = [];
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: async (options: unknown) => void calls.push(options) });
    await expect(restrictStorageToTrustedContexts()).resolves.toBe(true);
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
  });

  it('does nothing where it is missing (Firefox)', async () => {
    delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
    await expect(restrictStorageToTrustedContexts()).resolves.toBe(false);
  });
});
