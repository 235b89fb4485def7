// The id of every registered host, for the types (HostId). It is listed here,
// not read off lib/hosts/registry.ts, because the registry imports every
// preset and so both families, which import the types: naming the ids there
// would close an import circle. registry.ts fails to compile, and
// tests/unit/hosts/host-ids.test.ts fails, when the two lists differ.
export const hostIds = [
  'media.cm',
  'vipstream.cc',
  'mp4upload.com',
  'watching.vn',
  'megamax.me',
  'doodstream.com',
  'filemoon.sx',
  'streamwish.com',
  'upstream.to',
  'lulustream.com',
  'voe.sx',
  'streamsb.com',
  'viddly.stream',
  'vidguard.to',
  'streamhub.to',
  'streamruby.com',
  'uploading.vn',
  'upbolt.to',
  'videovard.sx',
  'vinovo.si',
  'streamtape.com',
  'nupload.me',
  'mixdrop.ag',
  'streamtape',
  'xfs',
] as const;

/** Every registered host's id. */
export type HostId = (typeof hostIds)[number];
