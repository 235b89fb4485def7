import type { settingsFileRequests } from '../../protocol/settings-file';
import type { HandlersFor } from '../router';
import { exportSettings, importSettings } from '../../settings-file';

export function createSettingsFileHandlers(): HandlersFor<typeof settingsFileRequests> {
  return {
    'settings.export': ({ passphrase }) => exportSettings(passphrase || undefined),
    'settings.import': ({ text, passphrase }) => importSettings(text, passphrase || undefined),
  };
}
