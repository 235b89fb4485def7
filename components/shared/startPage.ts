import { browser } from 'wxt/browser';
import { BROWSER_LANGUAGE, chooseLanguage, uiDirection, uiLanguage } from '../../lib/i18n';
import { send } from '../../lib/messaging';

// Every page starts here: in the language chosen in Options, with <html lang
// dir> set from it (Arabic right to left). The choice is stored with the
// settings (the background's); a copy in this origin's localStorage says before
// the first render whether there is one, so a page that follows the browser
// renders at once, with no wait, and only a chosen language is read first.
// After the render the page checks the copy against the stored choice and
// reloads when it differs, or when the choice changes later.

const HINT = 'vidrelay.language';

function hint(): string {
  try {
    return localStorage.getItem(HINT) || BROWSER_LANGUAGE;
  } catch {
    return BROWSER_LANGUAGE;
  }
}

function markDocument(title?: () => string): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
  // The tab's and the window's title, which screen readers say first, in the page's language too.
  if (title) document.title = title();
}

function keepInStep(shown: string): void {
  const check = async () => {
    const { language } = await send('settings.get', {});
    if (language === shown) return;
    try {
      localStorage.setItem(HINT, language);
    } catch {
      return;
    }
    // Reloads only once the copy says what is stored, so a page never reloads in a loop.
    if (hint() === language) location.reload();
  };
  const checkQuietly = () => void check().catch(() => undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) checkQuietly();
  });
  // After the first paint: a popup's start does not wait for the background.
  setTimeout(checkQuietly, 200);
}

/** Renders the page (show) in the chosen language, titled `title()` in it, and keeps it in step with the choice. */
export function startPage(show: () => void, title?: () => string): void {
  const shown = hint();
  const begin = () => {
    markDocument(title);
    show();
    keepInStep(shown);
  };
  if (shown === BROWSER_LANGUAGE) begin();
  else void chooseLanguage(shown).then(begin);
}
