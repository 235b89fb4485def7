import { xfsPreset } from '../xfs/define';

// Doc: https://streamhub.to/api.html. The XFS template; its menu names the
// whole XFS set, but the stored copy shows only account info and stats, the
// upload server and the first fields of the upload form (key, file,
// file_title): those are on, the rest can be switched on in Options →
// Advanced. No snapshot or adult field is shown. Link templates are our choice.
export const streamhubTo = xfsPreset(
  {
    id: 'streamhub.to',
    label: 'StreamHub',
    apiBase: 'https://streamhub.to/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    adultFlag: false,
    customSnapshot: false,
  },
  { only: ['accountInfo', 'accountStats', 'upload'] },
);
