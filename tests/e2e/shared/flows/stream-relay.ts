import { expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { storedJobsIn } from '../../../browsers/jobs-db';
import { hlsJoined, type HlsSpec } from '../../../host-sim/hls';
import type { HostId } from '../../../../lib/hosts/types';
import { UploadPage } from '../pages/UploadPage';
import type { Ui } from '../driver/driver';
import type { FlowEnv } from './scope';

// Stream relays, the same in every browser: a page whose <video> plays a
// blob: address after loading an HLS playlist, its stream sent to a host
// without remote upload, and the host receiving one file, byte for byte the
// segments joined (decrypted). Refused kinds fail with their reason before
// any segment is fetched.

export interface StreamAccount {
  id: string;
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

/** The stream's page opened and its stream sent (one flow to switch to "Send to host" once the finder's path is merged). */
export async function sendStreamOf(env: FlowEnv, account: StreamAccount, spec: HlsSpec, title: string, playlistFile = 'media.m3u8'): Promise<string> {
  const { videoSrc, jobId } = await env.background.sendStream({
    page: env.sim.hlsUrl(spec, 'page.html'),
    playlist: env.sim.hlsUrl(spec, playlistFile),
    accountId: account.id,
    title,
    bytesTotal: spec.segments * spec.bytes,
  });
  expect(videoSrc).toMatch(/^blob:/);
  return jobId;
}

/** The bytes the host stored for the upload named `name`. */
export async function landedBytes(env: Pick<FlowEnv, 'sim'>, account: StreamAccount, name: string): Promise<Buffer> {
  const landed = env.sim.uploads.filter((u) => u.name === name);
  expect(landed).toHaveLength(1);
  const path = env.sim.accountFor(account.hostId, account.key)!.files.get(landed[0]!.fileCode)!.path!;
  return readFile(path);
}

/** Sent, relayed and landed as one file: the segments joined (after fMP4's init segment), each segment fetched once. */
export async function relaysStream<U extends Ui>(env: FlowEnv<U>, account: StreamAccount, spec: HlsSpec, title: string): Promise<void> {
  await sendStreamOf(env, account, spec, title);
  const name = `${title}.${spec.kind === 'fmp4' ? 'mp4' : 'ts'}`;
  await expect.poll(() => env.sim.uploads.filter((u) => u.name === name).length, { timeout: 60_000 }).toBe(1);
  expect((await landedBytes(env, account, name)).equals(hlsJoined(spec))).toBe(true);
  expect(segmentFetches(env, spec)).toEqual(new Array(spec.segments).fill(1));
  const upload = await UploadPage.open(env.session);
  await upload.waitForState(title, ['encoding', 'ready'], 30_000);
  await upload.ui.close();
}

/** Each refused kind fails with its reason in plain words, shown on its row; no segment, key or init segment is fetched. */
export async function refusesStreams<U extends Ui>(
  env: FlowEnv<U>,
  account: StreamAccount,
  refused: { spec: HlsSpec; playlist: string; reason: string }[],
): Promise<void> {
  const messages = JSON.parse(await readFile('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
  const upload = await UploadPage.open(env.session);
  for (const { spec, playlist, reason } of refused) {
    const title = `refused-${spec.kind}`;
    const jobId = await sendStreamOf(env, account, spec, title, playlist);
    const text = messages[`streamRefused_${reason}`]!.message;
    await expect
      .poll(async () => (await storedJobsIn(env.background.scope)).find((j) => j.id === jobId)?.error, { timeout: 30_000 })
      .toEqual({ code: 'unsupported', message: text });
    await expect(upload.field(title, 'error').attr('title')).resolves.toBe(text);
    expect(env.sim.requests.filter((r) => r.path.startsWith(`/hls/${spec.kind}-`) && /\/(seg\d+\.\w+|init\.mp4|key\.bin)$/.test(r.path))).toEqual([]);
  }
  await upload.ui.close();
}
