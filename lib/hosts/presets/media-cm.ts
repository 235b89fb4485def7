import { xfsPreset } from '../xfs/define';

// Doc: api-docs/000. Clone is file/copy (takes fld_id), delete takes del_code,
// folder edit is folder/rename, file/deleted's `last` counts files. Link
// templates are our choice: media.cm's file/list links are {origin}/{code}.
export const mediaCm = xfsPreset(
  {
    id: 'media.cm',
    label: 'media.cm',
    apiBase: 'https://media.cm/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    snapshotMaxBytes: 800_000,
    adultFlag: false,
  },
  {
    lacks: ['dmcaFiles', 'directLinks'],
    paths: { cloneFile: 'file/copy', editFolder: 'folder/rename' },
    editFields: ['title', 'description', 'folderId', 'categoryId', 'tags', 'public'],
    cloneToFolder: true,
  },
);
