import { xfsPreset } from '../xfs/define';

// Doc: https://uploading.vn/pages/api/ ("You can find your API key here -
// https://uploading.vn/settings"). XFS paths: account info (its example
// misses a closing quote), stats, and the upload server on the site's own
// domain, whose sample form authenticates with `sess_id`. The form shows no
// other field, so no snapshot or adult flag. Link templates are our choice.
export const uploadingVn = xfsPreset(
  {
    id: 'uploading.vn',
    label: 'Uploading.vn',
    apiBase: 'https://uploading.vn/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    adultFlag: false,
    customSnapshot: false,
    keyHelp: 'Settings',
    keyPage: 'https://uploading.vn/settings',
  },
  { only: ['accountInfo', 'accountStats', 'upload'], params: { uploadAuth: 'sess_id' } },
);
