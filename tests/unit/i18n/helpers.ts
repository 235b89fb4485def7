import { render } from 'preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Chrome's getMessage over one locale file, $1… filled in. */
export function useLocale(messages: Record<string, { message: string }>) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[name]?.message ?? '').replace(/\$(\d)/g, (whole, n: string) => list[Number(n) - 1] ?? whole);
  }) as typeof fakeBrowser.i18n.getMessage);
}

export function html(node: preact.ComponentChild): HTMLElement {
  const el = document.createElement('div');
  render(node, el);
  return el;
}
