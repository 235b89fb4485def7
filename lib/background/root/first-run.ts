import { browser } from 'wxt/browser';

// A fresh install opens the welcome page once; updates and browser restarts do not.

export async function openWelcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
