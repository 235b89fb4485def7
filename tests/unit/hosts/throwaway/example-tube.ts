import { xfsPreset } from '../../../../lib/hosts/xfs/define';

// A made-up XFS host, added the way a real one is: this file plus one
// registry line (add-host.test.ts adds the line; only its id stays out of
// lib/hosts/host-ids.ts, which the types alone read). Its differences are data:
// its own folder-edit path, its key in the `api_key` upload field, no DMCA list.
export const exampleTube = xfsPreset(
  {
    id: 'example.tube',
    label: 'example.tube',
    apiBase: 'https://example.tube/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    snapshotMaxBytes: 500_000,
    adultFlag: true,
  },
  {
    lacks: ['dmcaFiles', 'directLinks'],
    paths: { editFolder: 'folder/rename' },
    params: { uploadAuth: 'api_key' },
  },
);
