// HLS streams for stream-relay tests: `/hls/<kind>-<segments>-<bytes>/…`.
// Segments are generated from their kind and index, so a test can compute the
// exact file a relay must upload (hlsJoined) without fetching anything; each
// fetch is in the simulator's request log, which is how a test proves that no
// segment was fetched twice.
import { createCipheriv, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendText } from './http';

/**
 * ts, fmp4: plain VOD; aes: AES-128, IV from the sequence number (first sequence 7);
 * aesiv: AES-128 with an explicit IV; live: no ENDLIST; drm: SAMPLE-AES;
 * master: two variants (ts, fmp4); audio: a variant with its audio in a separate rendition.
 */
const hlsKinds = ['ts', 'fmp4', 'aes', 'aesiv', 'live', 'drm', 'master', 'audio'] as const;
export type HlsKind = (typeof hlsKinds)[number];

export interface HlsSpec {
  kind: HlsKind;
  segments: number;
  /** Bytes of each (plain) segment. */
  bytes: number;
}

const firstSequence = 7;
const segmentSeconds = 4;
/** BANDWIDTH the playlists name: the picker's estimate, bandwidth × duration. */
const hlsBandwidth = 800_000;

export const hlsPath = (spec: HlsSpec) => `/hls/${spec.kind}-${spec.segments}-${spec.bytes}`;

function specOf(text: string): HlsSpec | undefined {
  const m = /^([a-z0-9]+)-(\d{1,5})-(\d{1,9})$/.exec(text);
  if (!m || !(hlsKinds as readonly string[]).includes(m[1]!)) return undefined;
  return { kind: m[1] as HlsKind, segments: Number(m[2]), bytes: Number(m[3]) };
}

/** The plain bytes of segment `index` (0-based): 188-byte TS packets or an fMP4 fragment look-alike. */
function hlsSegment(spec: HlsSpec, index: number): Buffer {
  const out = Buffer.alloc(spec.bytes);
  const seed = createHash('sha256').update(`${spec.kind}:${index}`).digest();
  for (let i = 0; i < out.length; i++) out[i] = seed[i % seed.length]! ^ ((i * 13) & 0xff);
  if (spec.kind === 'fmp4') out.write('moof', 4, 'latin1');
  else for (let i = 0; i < out.length; i += 188) out[i] = 0x47;
  return out;
}

function hlsInit(spec: HlsSpec): Buffer {
  const box = Buffer.alloc(64);
  box.writeUInt32BE(64, 0);
  box.write(`ftypisom-init-${spec.segments}-${spec.bytes}`, 4, 'latin1');
  return box;
}

function hlsKey(spec: HlsSpec): Buffer {
  return createHash('md5').update(`key:${spec.kind}:${spec.segments}`).digest();
}

const explicitIv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');

function ivOf(spec: HlsSpec, index: number): Buffer {
  if (spec.kind === 'aesiv') return explicitIv;
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(firstSequence + index, 12);
  return iv;
}

const encrypted = (spec: HlsSpec) => spec.kind === 'aes' || spec.kind === 'aesiv';

/** Segment `index` as served (encrypted for the AES kinds). */
function served(spec: HlsSpec, index: number): Buffer {
  const plain = hlsSegment(spec, index);
  if (!encrypted(spec)) return plain;
  const cipher = createCipheriv('aes-128-cbc', hlsKey(spec), ivOf(spec, index));
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

/** The one file a relay of this stream must upload: its segments decrypted and joined, after the init segment for fMP4. */
export function hlsJoined(spec: HlsSpec): Buffer {
  const parts = Array.from({ length: spec.segments }, (_, i) => hlsSegment(spec, i));
  return Buffer.concat(spec.kind === 'fmp4' ? [hlsInit(spec), ...parts] : parts);
}

function mediaPlaylist(spec: HlsSpec): string {
  const ext = spec.kind === 'fmp4' ? 'm4s' : 'ts';
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${segmentSeconds}`, `#EXT-X-MEDIA-SEQUENCE:${firstSequence}`];
  if (spec.kind !== 'live') lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
  if (spec.kind === 'fmp4') lines.push('#EXT-X-MAP:URI="init.mp4"');
  if (spec.kind === 'aes') lines.push('#EXT-X-KEY:METHOD=AES-128,URI="key.bin"');
  if (spec.kind === 'aesiv') lines.push(`#EXT-X-KEY:METHOD=AES-128,URI="key.bin",IV=0x${explicitIv.toString('hex')}`);
  if (spec.kind === 'drm') lines.push('#EXT-X-KEY:METHOD=SAMPLE-AES,URI="skd://vidrelay-test",KEYFORMAT="com.apple.streamingkeydelivery"');
  for (let i = 0; i < spec.segments; i++) lines.push(`#EXTINF:${segmentSeconds}.0,`, `seg${i}.${ext}`);
  if (spec.kind !== 'live') lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

function masterPlaylist(spec: HlsSpec): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7'];
  if (spec.kind === 'audio') {
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="English",DEFAULT=YES,URI="../ts-${spec.segments}-${spec.bytes}/media.m3u8"`,
      `#EXT-X-STREAM-INF:BANDWIDTH=${hlsBandwidth},RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="aud"`,
      `../ts-${spec.segments}-${spec.bytes}/media.m3u8`,
    );
  } else {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${hlsBandwidth},RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"`,
      `../ts-${spec.segments}-${spec.bytes}/media.m3u8`,
      `#EXT-X-STREAM-INF:BANDWIDTH=${hlsBandwidth / 2},RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"`,
      `../fmp4-${spec.segments}-${spec.bytes}/media.m3u8`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A page whose <video> plays a blob: address (MediaSource) after fetching the playlist, as hls.js players do. */
function playerPage(spec: HlsSpec): string {
  const playlist = spec.kind === 'master' || spec.kind === 'audio' ? 'master.m3u8' : 'media.m3u8';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Stream ${spec.kind}</title></head>
<body><h1>Stream ${spec.kind}</h1><video id="player" controls width="320" height="180"></video>
<script>
fetch(${JSON.stringify(playlist)}).then((r) => r.text()).then(() => {
  const video = document.getElementById('player');
  video.src = URL.createObjectURL(new MediaSource());
  document.body.dataset.ready = '1';
});
</script></body></html>
`;
}

/** `/hls/<kind>-<n>-<bytes>/(media.m3u8|master.m3u8|seg<i>.(ts|m4s)|init.mp4|key.bin|<name>.html)`: any page name, which "Send to host" makes the job's title. */
export function serveHls(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const m = /^\/hls\/([\w-]+)\/([\w.-]+)$/.exec(url.pathname);
  const spec = m ? specOf(m[1]!) : undefined;
  if (!m || !spec) return false;
  req.resume();
  const file = m[2]!;
  const bytes = (body: Buffer, type: string) => {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const segment = /^seg(\d+)\.(ts|m4s)$/.exec(file);
  if (file === 'media.m3u8') sendText(res, 200, mediaPlaylist(spec), 'application/vnd.apple.mpegurl');
  else if (file === 'master.m3u8') sendText(res, 200, masterPlaylist(spec), 'application/vnd.apple.mpegurl');
  else if (file.endsWith('.html')) sendText(res, 200, playerPage(spec), 'text/html; charset=utf-8');
  else if (file === 'init.mp4' && spec.kind === 'fmp4') bytes(hlsInit(spec), 'video/mp4');
  else if (file === 'key.bin' && encrypted(spec)) bytes(hlsKey(spec), 'application/octet-stream');
  else if (segment && Number(segment[1]) < spec.segments) bytes(served(spec, Number(segment[1])), spec.kind === 'fmp4' ? 'video/iso.segment' : 'video/mp2t');
  else return false;
  return true;
}

/** The HLS routes alone, served on another loopback address: a site VidRelay was granted no access to (only 127.0.0.1 and localhost are). */
export interface HlsSite {
  origin: string;
  /** The paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startHlsSite(host = '127.0.0.2'): Promise<HlsSite> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    requests.push(url.pathname);
    if (!serveHls(req, res, url)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    origin: `http://${host}:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
