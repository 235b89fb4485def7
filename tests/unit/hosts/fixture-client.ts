// A client for a preset whose fetch answers from a fixture file, recording
// the URLs asked for, so a test runs a documented reply through the
// preset's own endpoint paths, envelope and parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHostClient, getPreset } from '../../../lib/hosts';
import type { HostClient, HostId } from '../../../lib/hosts/types';

const root = join(__dirname, '../../fixtures/hosts');

export function hostFixture(dir: string, name: string): string {
  for (const ext of ['json', 'txt']) {
    try {
      return readFileSync(join(root, dir, `${name}.${ext}`), 'utf8');
    } catch {
      // the other extension
    }
  }
  throw new Error(`no fixture ${dir}/${name}`);
}

export function fixtureClient(hostId: string, body: string, status = 200): { client: HostClient; urls: URL[] } {
  const urls: URL[] = [];
  const fetch = (async (input: string | URL | Request) => {
    urls.push(new URL(String(input instanceof Request ? input.url : input)));
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  // A custom host (no API base of its own) gets one.
  const apiBase = getPreset(hostId)?.apiBase ? undefined : 'https://custom.example/api';
  const client = createHostClient(
    { id: 'fx', hostId: hostId as HostId, apiBase, key: 'FixtureKey12345', login: 'fixture' },
    { fetch, retries: 0, backoffMs: 1 },
  );
  return { client, urls };
}
