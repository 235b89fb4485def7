// Every endpoint the Streamtape client calls, by the capability it serves:
// what the family implements, and the paths the capability probe and the
// tests read.
export const streamtapeEndpoints = {
  accountInfo: 'account/info',
  upload: 'file/ul',
  remoteUpload: 'remotedl/add',
  remoteUploadStatus: 'remotedl/status',
  listFolder: 'file/listfolder',
  createFolder: 'file/createfolder',
  editFolder: 'file/renamefolder',
  editFile: 'file/rename',
  moveFiles: 'file/move',
  deleteFiles: 'file/delete',
  encodings: 'file/runningconverts',
} as const;

export type StreamtapeCapability = keyof typeof streamtapeEndpoints;

/** Endpoints that change nothing on the account, asked by the capability probe (file/ul only makes an upload URL). */
export const streamtapeReadOnly: readonly StreamtapeCapability[] = ['accountInfo', 'upload', 'remoteUploadStatus', 'listFolder', 'encodings'];
