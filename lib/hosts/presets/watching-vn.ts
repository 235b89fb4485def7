import { xfsPreset } from '../xfs/define';

// Doc: api-docs/004. The full XFS set including file/direct_link, minus
// delete; file/list filters are file_public/file_adult. The base URL is not
// in the doc (assumed, user-overridable); link templates are our choice.
export const watchingVn = xfsPreset(
  {
    id: 'watching.vn',
    label: 'watching.vn',
    apiBase: 'https://watching.vn/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    snapshotMaxBytes: 300_000,
    adultFlag: true,
  },
  {
    lacks: ['deleteFiles'],
    params: { listPublic: 'file_public', listAdult: 'file_adult' },
  },
);
