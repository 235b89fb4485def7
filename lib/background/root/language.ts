import { browser } from 'wxt/browser';
import { chooseLanguage } from '../../i18n';
import type { SettingsStore } from '../../storage/items';

// The background speaks the language chosen in Options (context-menu titles,
// notifications, the badge's tooltip): read at every worker start and again
// whenever the stored settings change (Options, an import).

/** Loads the chosen language now and on every change; `changed` runs after each change (not after the first load). Resolves once the first is in. */
export function followLanguage(settings: Pick<SettingsStore, 'get'>, changed: () => void): Promise<void> {
  let current: string | undefined;
  const apply = async (): Promise<boolean> => {
    const { language } = await settings.get();
    if (language === current) return false;
    current = language;
    await chooseLanguage(language);
    return true;
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes)) return;
    void apply()
      .then((differs) => differs && changed())
      .catch(() => undefined);
  });
  return apply().then(
    () => undefined,
    () => undefined,
  );
}
