import { megamaxPreset } from '../megamax/define';

// Doc: api-docs/003. Its own dialect. The API lives on api.megamax.me, so the
// templates use {site} (megamax.me); the /v/ and /e/ page paths are assumed
// (the doc names none) and user-overridable. Its upload and direct links
// are on megamax.cloud, as the doc's file/upload/generate example shows.
export const megamaxMe = megamaxPreset(
  {
    id: 'megamax.me',
    label: 'megamax.me',
    apiBase: 'https://api.megamax.me/api',
    links: { watch: '{site}/v/{code}', embed: '{site}/e/{code}' },
    adultFlag: false,
    uploadDomains: ['megamax.cloud'],
  },
  ['accountInfo', 'upload', 'fileInfo', 'listFiles', 'directLinks', 'mirrors'],
);
