import { xfsPreset } from '../xfs/define';

// Doc: https://videovard.sx/docs (also https://videovard.to/docs). XFS
// envelope and field names on its own paths under api.videovard.sx/v2/api:
// account/get and stats/get (examples with trailing commas). Its
// remote/list gives only queue counters (no entry per URL, no slot total)
// and "Add URL To Queue" is cut off, so remote upload stays off, as do the
// upload, file and folder sections the stored copies lack. Link templates
// are our choice.
export const videovardSx = xfsPreset(
  {
    id: 'videovard.sx',
    label: 'VideoVard',
    apiBase: 'https://api.videovard.sx/v2/api',
    links: { watch: '{site}/v/{code}', embed: '{site}/e/{code}' },
    adultFlag: false,
    customSnapshot: false,
  },
  { only: ['accountInfo', 'accountStats'], paths: { accountInfo: 'account/get', accountStats: 'stats/get' } },
);
