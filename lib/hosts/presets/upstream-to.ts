import { xfsPreset } from '../xfs/define';

// Doc: https://upstream.to/api.html. The XFS template: account info and
// stats, upload server, the upload form (snapshot up to 800 KB) and upload
// by URL ("returns future filecode that will work after upload complete").
// Link templates are our choice.
export const upstreamTo = xfsPreset(
  {
    id: 'upstream.to',
    label: 'UpStream',
    apiBase: 'https://upstream.to/api',
    links: { watch: '{origin}/{code}', embed: '{origin}/embed-{code}.html' },
    snapshotMaxBytes: 800_000,
    uploadDomains: ['upstreamcdn.co'],
    adultFlag: true,
  },
  { only: ['accountInfo', 'accountStats', 'upload', 'remoteUpload'] },
);
