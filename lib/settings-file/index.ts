// Settings export/import: runs in the background only, where the keys are.
export { exportSettings, MIN_PASSPHRASE_LENGTH, type ExportResult, type SettingsFileStores } from './export';
export { importSettings, readSettingsFile, type ImportResult } from './import';
