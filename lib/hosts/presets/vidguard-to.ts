import { vidguardPreset } from '../vidguard/define';

// Doc: https://vidguard.to/api (newer edition: https://vgembed.com/api). API
// on api.vidguard.to/v1, key as a query parameter, {msg, result, status}
// with capitalised field names. The stored copies show user/info, the
// complaints list (read as the DMCA list: each open complaint's affected
// videos) and the upload: upload/server, then a multipart POST of key,
// folder and file to the URL it gives, answered with HashID and URL
// (//vidguard.to/v/{HashID}). Videos, folders and remote upload are only
// menu names there, so they stay off. The embed template is our choice.
export const vidguardTo = vidguardPreset(
  {
    id: 'vidguard.to',
    label: 'VidGuard',
    apiBase: 'https://api.vidguard.to/v1',
    links: { watch: '{site}/v/{code}', embed: '{site}/e/{code}' },
    adultFlag: false,
    keyHelp: 'Account setting',
  },
  ['accountInfo', 'dmcaFiles', 'upload'],
);
