import { describe, expect, it } from 'vitest';
import { leftOutWords } from '../../../components/options/SettingsFileSection';
import { switchLocale } from '../i18n/helpers';
import de from '../../../public/_locales/de/messages.json';

// What the settings export tells the user it could not include.

describe('leftOutWords', () => {
  it('says nothing when everything is in the file', () => {
    expect(leftOutWords({ unreadableAccounts: 0, unreadableAccountLists: 0 })).toEqual([]);
  });

  it('counts one account, more accounts and a whole list', () => {
    expect(leftOutWords({ unreadableAccounts: 1, unreadableAccountLists: 0 })).toEqual([
      '1 account could not be read and is not in this file (see "Stored data that could not be read" above).',
    ]);
    expect(leftOutWords({ unreadableAccounts: 2, unreadableAccountLists: 1 })).toEqual([
      '2 accounts could not be read and are not in this file (see "Stored data that could not be read" above).',
      'A stored account list could not be read: none of its accounts is in this file.',
    ]);
  });

  it('speaks German', () => {
    switchLocale(de);
    expect(leftOutWords({ unreadableAccounts: 3, unreadableAccountLists: 0 })[0]).toMatch(/^3 Konten konnten nicht gelesen werden/);
  });
});
