import { xfsPreset } from '../xfs/define';

// Doc: https://doodstream.com/api-docs (API on doodapi.com). XFS envelope;
// the upload form takes the key as `api_key`, the DMCA list is dmca/list,
// upload/url answers with the account's remote-upload slots, and the
// urlupload/* endpoints track the host's remote-upload queue (list, status
// of one file_code, slots, actions: restart_errors, clear_errors, clear_all,
// delete_code). Links are on
// dood.to as the doc's example replies show (/d/ download page, /e/ embed).
// Only the endpoints whose sections the stored copy of the doc shows are
// listed; the rest can be switched on in Options → Advanced.
export const doodstreamCom = xfsPreset(
  {
    id: 'doodstream.com',
    label: 'DoodStream',
    apiBase: 'https://doodapi.com/api',
    links: { watch: 'https://dood.to/d/{code}', embed: 'https://dood.to/e/{code}' },
    adultFlag: false,
    uploadDomains: ['dood.video', 'cloudatacdn.com'],
    customSnapshot: false,
  },
  {
    only: ['accountInfo', 'accountStats', 'dmcaFiles', 'upload', 'remoteUpload', 'remoteUploadStatus', 'remoteUploadSlots', 'remoteUploadAction'],
    paths: {
      dmcaFiles: 'dmca/list',
      remoteUploadStatus: 'urlupload/status',
      remoteUploadSlots: 'urlupload/slots',
      remoteUploadAction: 'urlupload/actions',
    },
    params: { uploadAuth: 'api_key', remoteUploadList: 'urlupload/list' },
  },
);
