import { mixdropPreset } from '../mixdrop/define';

// Doc: https://mixdrop.ag/api (older edition https://mixdrop.club/api; notes:
// docs/hosts/mixdrop.ag.md). Its own family: API e-mail + key, {success,
// result}, at most 10 requests a second. Shown: the upload POST to
// ul.mixdrop.ag/api (e-mail, key, file, folder), remoteupload (names the
// fileref at once), remotestatus and fileinfo2 (ref[], up to 50). No account
// endpoint: account info only proves the credentials. Folders, rename and
// delete are not in the document's stored copies. Links as its replies show
// them: /f/<fileref> and /e/<fileref> on the site.
export const mixdropAg = mixdropPreset(
  {
    id: 'mixdrop.ag',
    label: 'Mixdrop',
    apiBase: 'https://api.mixdrop.ag',
    links: { watch: '{site}/f/{code}', embed: '{site}/e/{code}' },
    adultFlag: false,
  },
  ['accountInfo', 'upload', 'remoteUpload', 'remoteUploadStatus', 'fileInfo'],
);
