import { render } from 'preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../../public/_locales/en/messages.json';

/** The browser's getMessage over one locale file, English (the default locale) for a key it lacks, $1… filled in. */
export function useLocale(messages: Record<string, { message: string }>) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const english = en as Record<string, { message: string }>;
    return (messages[name]?.message ?? english[name]?.message ?? '').replace(/\$(\d)/g, (whole, n: string) => list[Number(n) - 1] ?? whole);
  }) as typeof fakeBrowser.i18n.getMessage);
}

export function html(node: preact.ComponentChild): HTMLElement {
  const el = document.createElement('div');
  render(node, el);
  return el;
}
