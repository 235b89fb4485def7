import { xfsPreset } from '../xfs/define';

// Doc: https://viddly.stream/api.html. The XFS template; the stored copy
// shows account info and stats, the upload server and the upload form.
// Link templates are our choice.
export const viddlyStream = xfsPreset(
  {
    id: 'viddly.stream',
    label: 'viddly.stream',
    apiBase: 'https://viddly.stream/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    adultFlag: true,
  },
  { only: ['accountInfo', 'accountStats', 'upload'] },
);
