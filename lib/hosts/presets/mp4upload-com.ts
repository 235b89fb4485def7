import { xfsPreset } from './define';

// Doc: api-docs/002, the older XFS variant: file/rename (`name`) instead of
// file/edit, file/set_folder to move, plural files/deleted, folder/rename,
// `name` as the list title filter, no remote upload. Its form sample sends
// `sess_id`; we send the API `key` like every other XFS upload server.
export const mp4uploadCom = xfsPreset(
  {
    id: 'mp4upload.com',
    label: 'mp4upload.com',
    apiBase: 'https://www.mp4upload.com/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/embed-{code}.html' },
    adultFlag: false,
  },
  {
    endpoints: {
      accountInfo: 'account/info',
      accountStats: 'account/stats',
      upload: 'upload/server',
      fileInfo: 'file/info',
      editFile: 'file/rename',
      listFiles: 'file/list',
      cloneFile: 'file/clone',
      moveFiles: 'file/set_folder',
      deletedFiles: 'files/deleted',
      listFolder: 'folder/list',
      createFolder: 'folder/create',
      editFolder: 'folder/rename',
    },
    params: { listTitle: 'name', editTitle: 'name', moveFolder: 'fld_id' },
    editFields: ['title'],
    folderEditFields: ['name'],
  },
);
