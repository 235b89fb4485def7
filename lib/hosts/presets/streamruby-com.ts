import { xfsPreset } from '../xfs/define';

// Doc: "Streamruby API", stored at https://streampoi.com/api.html, every URL
// on streamruby.com/api. The XFS template: account info and stats, upload
// server and the upload form (title, description, snapshot up to 300 KB,
// fld_id, cat_id, tags, file_public, file_adult). Link templates are our choice.
export const streamrubyCom = xfsPreset(
  {
    id: 'streamruby.com',
    label: 'StreamRuby',
    apiBase: 'https://streamruby.com/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    snapshotMaxBytes: 300_000,
    adultFlag: true,
  },
  { only: ['accountInfo', 'accountStats', 'upload'] },
);
