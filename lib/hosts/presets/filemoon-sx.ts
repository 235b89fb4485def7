import { xfsPreset } from '../xfs/define';

// Doc: the "FileMoon API" page, https://file-zz40pd56-embed.com/api (its
// upload server is filemoonapi.com, so the API base is assumed there,
// user-overridable). Standard XFS account, stats, upload (reply
// {files:[...]}) and upload/url. Link templates are our choice.
export const filemoonSx = xfsPreset(
  {
    id: 'filemoon.sx',
    label: 'FileMoon',
    apiBase: 'https://filemoonapi.com/api',
    links: { watch: 'https://filemoon.sx/d/{code}', embed: 'https://filemoon.sx/e/{code}' },
    adultFlag: false,
    customSnapshot: false,
  },
  { only: ['accountInfo', 'accountStats', 'upload', 'remoteUpload'] },
);
