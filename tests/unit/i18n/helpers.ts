import { render } from 'preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageOver } from './get-message';

/** The browser's getMessage over one locale file, English (the default locale) for a key it lacks. */
export function switchLocale(messages: Record<string, { message: string }>) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageOver(messages));
}

export function html(node: preact.ComponentChild): HTMLElement {
  const el = document.createElement('div');
  render(node, el);
  return el;
}
