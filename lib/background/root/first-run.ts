import { browser } from 'wxt/browser';

// A fresh install opens the welcome page once; updates and browser restarts do
// not. Nor does an install that finds accounts already stored: the page is for
// someone who has none yet, and an unpacked build loaded from the command line
// is installed anew at every browser start, its data kept.

export async function openWelcomeOnInstall(details: { reason: string }, hasAccounts: () => Promise<boolean>): Promise<void> {
  if (details.reason !== 'install') return;
  if (await hasAccounts().catch(() => false)) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
