import { xfsPreset } from '../xfs/define';

// Doc: https://vinovo.si/api (key "under settings on the dashboard",
// https://vinovo.si/dash/settings; 10 requests a second). XFS envelope on
// api.vinovo.si/api: account/info and account/stats, abuse/list (reported
// files with the time they are disabled, read as the DMCA list) and
// inactive/list (files deleted for inactivity, read as the deleted-files
// list). Its upload needs a new URL per file, but the stored copies stop
// before its path, so upload stays off. Link templates are our choice.
export const vinovoSi = xfsPreset(
  {
    id: 'vinovo.si',
    label: 'Vinovo',
    apiBase: 'https://api.vinovo.si/api',
    links: { watch: '{site}/d/{code}', embed: '{site}/e/{code}' },
    adultFlag: false,
    customSnapshot: false,
    keyHelp: 'Dashboard → Settings',
    keyPage: 'https://vinovo.si/dash/settings',
  },
  {
    only: ['accountInfo', 'accountStats', 'dmcaFiles', 'deletedFiles'],
    paths: { dmcaFiles: 'abuse/list', deletedFiles: 'inactive/list' },
  },
);
