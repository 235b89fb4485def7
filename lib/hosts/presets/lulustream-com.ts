import { xfsPreset } from '../xfs/define';

// Doc: https://luluvdo.com/api.html (API on lulustream.com). The XFS
// template: account info and stats, upload server and the upload form
// (snapshot up to 300 KB). Link templates are our choice.
export const lulustreamCom = xfsPreset(
  {
    id: 'lulustream.com',
    label: 'LuluStream',
    apiBase: 'https://lulustream.com/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    snapshotMaxBytes: 300_000,
    adultFlag: true,
  },
  { only: ['accountInfo', 'accountStats', 'upload'] },
);
