import { xfsPreset } from '../xfs/define';

// Doc: "Developer API — Integrate UpBolt Into Your Workflow", stored at
// https://onlyfans.to/api.html, every URL on upbolt.to/api. The stored copy
// shows account info in full; account stats is cut inside its example, and
// upload, files and folders are not in it, so only account info is on.
// Link templates are our choice.
export const upboltTo = xfsPreset(
  {
    id: 'upbolt.to',
    label: 'UpBolt',
    apiBase: 'https://upbolt.to/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    adultFlag: false,
    customSnapshot: false,
  },
  { only: ['accountInfo'] },
);
