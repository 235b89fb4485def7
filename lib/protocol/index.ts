import { accountRequests, type AccountResponses } from './accounts';
import { jobRequests, type JobResponses } from './jobs';
import { fileRequests, type FileResponses } from './files';
import { settingsFileRequests, type SettingsFileResponses } from './settings-file';
import { pickerRequests, type PickerResponses } from './picker';
import { uploadRequests, type UploadResponses } from './uploads';
import { uploaderReportRequests, type UploaderReportResponses } from './uploader-reports';
import { storageRequests, type StorageResponses } from './unreadable';

// Every request the background accepts, joined from each feature's map; who
// may send each is in senders.ts. Only the background imports these schemas;
// UI pages use the types alone, which keeps zod out of their bundles. Requests
// into the uploader document are in uploader.ts.

export const requestSchemas = {
  ...accountRequests,
  ...jobRequests,
  ...fileRequests,
  ...settingsFileRequests,
  ...pickerRequests,
  ...uploadRequests,
  ...uploaderReportRequests,
  ...storageRequests,
} as const;

export interface ResponseMap
  extends AccountResponses,
    JobResponses,
    FileResponses,
    SettingsFileResponses,
    PickerResponses,
    UploadResponses,
    UploaderReportResponses,
    StorageResponses {}
