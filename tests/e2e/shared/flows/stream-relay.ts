import { expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { storedJobsIn } from '../../../browsers/jobs-db';
import { hlsJoined, hlsPath, type HlsSite, type HlsSpec } from '../../../host-sim/hls';
import type { HostId } from '../../../../lib/hosts/types';
import { UploadPage } from '../pages/UploadPage';
import type { Ui } from '../driver/driver';
import type { FlowEnv } from './scope';

// Stream relays, the same in every browser: a page whose <video> plays a
// blob: address after loading an HLS playlist, its stream sent to a host
// without remote upload, and the host receiving one file, byte for byte the
// segments joined (decrypted). The stream goes the user's way: "Send to host"
// on the player's video, and the picker where the page loaded a master playlist.
// Refused kinds are refused with their reason before anything is queued.

export interface StreamAccount {
  id: string;
  /** Its name in the menu, notices and the picker. */
  label: string;
  hostId: HostId;
  key: string;
}

/** How many times each segment of the stream was fetched from the simulator. */
export function segmentFetches(env: Pick<FlowEnv, 'sim'>, spec: HlsSpec): number[] {
  const counts = new Array<number>(spec.segments).fill(0);
  const prefix = `/hls/${spec.kind}-${spec.segments}-${spec.bytes}/seg`;
  for (const request of env.sim.requests) if (request.path.startsWith(prefix)) counts[Number(/seg(\d+)/.exec(request.path)![1])]!++;
  return counts;
}

/**
 * "Send to host" on the video of the stream's player page, `<name>.html` (the page's name is
 * the job's title): straight from the menu for one media playlist, or through the picker's
 * `variant` for a master.
 */
export async function sendStreamOf(env: FlowEnv, account: StreamAccount, spec: HlsSpec, name: string, variant?: string) {
  const sent = await env.background.sendStream({
    page: env.sim.hlsUrl(spec, `${name}.html`),
    menuItemId: `account:${account.id}`,
    ...(variant ? { variant } : {}),
  });
  expect(sent.videoSrc).toMatch(/^blob:/);
  return sent;
}

/** The bytes the host stored for the upload named `name`. */
export async function landedBytes(env: Pick<FlowEnv, 'sim'>, account: StreamAccount, name: string): Promise<Buffer> {
  const landed = env.sim.uploads.filter((u) => u.name === name);
  expect(landed).toHaveLength(1);
  const path = env.sim.accountFor(account.hostId, account.key)!.files.get(landed[0]!.fileCode)!.path!;
  return readFile(path);
}

/** A master's quality chosen in the picker: the master's page, the label the picker shows it under, and its height. */
interface Variant {
  master: HlsSpec;
  label: string;
  height: number;
}

/**
 * Sent from its page, relayed and landed as one file: the segments joined (after fMP4's init
 * segment), each segment fetched once. `spec` is the media playlist relayed, picked as `variant`
 * from a master's page where given.
 */
export async function relaysStream<U extends Ui>(env: FlowEnv<U>, account: StreamAccount, spec: HlsSpec, name: string, variant?: Variant): Promise<void> {
  const sent = await sendStreamOf(env, account, variant?.master ?? spec, name, variant?.label);
  if (variant) expect(sent.picked).toBe(`Sent 1 video to ${account.label}.`);
  else expect(sent.notice).toMatchObject({ title: `Sending to ${account.label}`, message: env.sim.hlsUrl(spec) });
  const title = variant ? `${name} (${variant.height}p)` : name;
  const file = `${title}.${spec.kind === 'fmp4' ? 'mp4' : 'ts'}`;
  await expect.poll(() => env.sim.uploads.filter((u) => u.name === file).length, { timeout: 60_000 }).toBe(1);
  expect((await landedBytes(env, account, file)).equals(hlsJoined(spec))).toBe(true);
  expect(segmentFetches(env, spec)).toEqual(new Array(spec.segments).fill(1));
  const upload = await UploadPage.open(env.session);
  await upload.waitForState(title, ['encoding', 'ready'], 30_000);
  await upload.ui.close();
}

/** Each refused kind is refused with its reason in plain words, before anything is queued; no segment, key or init segment is fetched. */
export async function refusesStreams<U extends Ui>(env: FlowEnv<U>, account: StreamAccount, refused: { spec: HlsSpec; reason: string }[]): Promise<void> {
  const messages = JSON.parse(await readFile('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
  const queued = (await storedJobsIn(env.background.scope)).length;
  for (const { spec, reason } of refused) {
    const { notice } = await sendStreamOf(env, account, spec, `refused-${spec.kind}`);
    expect(notice).toMatchObject({ title: 'Nothing sent', message: messages[`streamRefused_${reason}`]!.message });
    expect(env.sim.requests.filter((r) => r.path.startsWith(`/hls/${spec.kind}-`) && /\/(seg\d+\.\w+|init\.mp4|key\.bin)$/.test(r.path))).toEqual([]);
  }
  expect(await storedJobsIn(env.background.scope)).toHaveLength(queued);
}

/**
 * A stream on a site VidRelay may not download from yet: "Send to host" queues no relay that
 * must fail but opens the picker, whose "Send selected" asks for the site during the user's
 * click (granted without a prompt in the test browsers); then the stream lands as one file.
 */
export async function relaysFromNewSite<U extends Ui>(env: FlowEnv<U>, account: StreamAccount, spec: HlsSpec, name: string, site: HlsSite): Promise<void> {
  const queued = (await storedJobsIn(env.background.scope)).length;
  const sent = await env.background.sendStream({
    page: `${site.origin}${hlsPath(spec)}/${name}.html`,
    menuItemId: `account:${account.id}`,
    variant: 'media.m3u8',
  });
  expect(sent.picked).toBe(`Sent 1 video to ${account.label}.`);
  expect(await storedJobsIn(env.background.scope)).toHaveLength(queued + 1);
  const file = `${name}.${spec.kind === 'fmp4' ? 'mp4' : 'ts'}`;
  await expect.poll(() => env.sim.uploads.filter((u) => u.name === file).length, { timeout: 60_000 }).toBe(1);
  expect((await landedBytes(env, account, file)).equals(hlsJoined(spec))).toBe(true);
  expect(site.requests.filter((path) => /\/seg\d+\.ts$/.test(path))).toHaveLength(spec.segments);
}
