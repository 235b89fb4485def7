import { xfsPreset } from '../xfs/define';

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
    lacks: ['remoteUpload', 'deleteFiles', 'dmcaFiles', 'encodings', 'directLinks'],
    paths: { editFile: 'file/rename', moveFiles: 'file/set_folder', deletedFiles: 'files/deleted', editFolder: 'folder/rename' },
    params: { listTitle: 'name', editTitle: 'name', moveFolder: 'fld_id' },
    editFields: ['title'],
    folderEditFields: ['name'],
  },
);
