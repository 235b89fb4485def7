import { xfsPreset } from '../xfs/define';

// Doc: https://streamwish.com/api.html (API on api.streamwish.com). The XFS
// template: account info and stats, upload server and the upload form with
// title, description, folder, category, tags, public and adult flags and a
// snapshot of up to 500 KB. Link templates are our choice.
export const streamwishCom = xfsPreset(
  {
    id: 'streamwish.com',
    label: 'StreamWish',
    apiBase: 'https://api.streamwish.com/api',
    links: { watch: '{site}/{code}', embed: '{site}/e/{code}' },
    snapshotMaxBytes: 500_000,
    adultFlag: true,
  },
  { only: ['accountInfo', 'accountStats', 'upload'] },
);
