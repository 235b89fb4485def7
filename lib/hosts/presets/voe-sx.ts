import { xfsPreset } from '../xfs/define';

// Doc: https://voe.sx/api-1-reference-index. XFS envelope plus
// `success`/`message`; account/stats is an object keyed by date; the upload
// POST answers {success, message, file:{file_code, file_title}}. The doc
// names no snapshot, adult or folder field for the upload form. Link
// templates are our choice.
export const voeSx = xfsPreset(
  {
    id: 'voe.sx',
    label: 'Voe',
    apiBase: 'https://voe.sx/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    adultFlag: false,
    uploadDomains: ['voe-network.net'],
    customSnapshot: false,
  },
  { only: ['accountInfo', 'accountStats', 'upload'] },
);
