import { xfsPreset } from '../xfs/define';

// Doc: https://support.streamsb.com/docs (one page per endpoint, API on
// api.streamsb.com): account info and file/info, whose unknown codes come
// back as {status:404, filecode} entries. Link templates are our choice.
export const streamsbCom = xfsPreset(
  {
    id: 'streamsb.com',
    label: 'StreamSB',
    apiBase: 'https://api.streamsb.com/api',
    links: { watch: '{site}/{code}.html', embed: '{site}/e/{code}.html' },
    adultFlag: true,
  },
  { only: ['accountInfo', 'fileInfo'] },
);
