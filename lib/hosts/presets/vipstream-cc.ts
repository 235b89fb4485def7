import { xfsPreset } from '../xfs/define';

// Doc: api-docs/001. The standard XFS set minus delete and direct links;
// file/deleted's `last` is in hours. Link templates are our choice.
export const vipstreamCc = xfsPreset(
  {
    id: 'vipstream.cc',
    label: 'vipstream.cc',
    apiBase: 'https://vipstream.cc/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    snapshotMaxBytes: 300_000,
    adultFlag: true,
  },
  {
    lacks: ['deleteFiles', 'directLinks'],
  },
);
