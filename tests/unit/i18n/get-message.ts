import type { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string }>;

/** The browser's getMessage over one locale's messages: English (the extension's default locale) for a key they lack, $1… filled in. */
export function getMessageOver(messages: Messages = {}): typeof fakeBrowser.i18n.getMessage {
  const english = en as Messages;
  return ((name: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[name]?.message ?? english[name]?.message ?? '').replace(/\$(\d)/g, (whole, n: string) => list[Number(n) - 1] ?? whole);
  }) as typeof fakeBrowser.i18n.getMessage;
}
