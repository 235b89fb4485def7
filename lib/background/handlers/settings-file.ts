import type { settingsFileRequests } from '../../protocol/settings-file';
import type { HandlersFor } from '../context/handlers';
import type { BackgroundContext } from '../context/context';

export function createSettingsFileHandlers({ settingsFile }: Pick<BackgroundContext, 'settingsFile'>): HandlersFor<typeof settingsFileRequests> {
  return {
    'settings.export': ({ passphrase }) => settingsFile.export(passphrase || undefined),
    'settings.import': ({ text, passphrase }) => settingsFile.import(text, passphrase || undefined),
  };
}
