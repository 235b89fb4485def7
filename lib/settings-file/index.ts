// Settings export/import: runs in the background only, where the keys are.
export { exportSettings, type ExportResult } from './export';
export { importSettings, type ImportResult } from './import';
