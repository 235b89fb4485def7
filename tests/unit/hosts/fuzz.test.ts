// Mutated and truncated replies, 1,200 per parser from a fixed seed: every
// outcome is either a value matching the normalized schema or a AppError
// whose message does not contain the key.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { mutate, prng } from './mutate';
import { outputSchemas } from './normalized-schemas';
import { findEntry } from '../../../lib/hosts/registry';
import {
  familyFixtureHosts,
  fixture,
  fixtureHosts,
  fixtureParser,
  megamaxParsers,
  mixdropParsers,
  parserFor,
  secretKey,
  streamtapeParsers,
  vidguardParsers,
  xfsParsers,
} from './parsers';

const perParser = 1200;
const statuses = [200, 200, 200, 200, 200, 200, 200, 403, 404, 429, 500, 302];

type Family = 'xfs' | 'megamax' | 'vidguard' | 'streamtape' | 'mixdrop';

/**
 * Seeds for readers whose document shows no readable example (a section the
 * stored copy lacks, or PHP's `=>` in Mixdrop's old file info): replies in
 * the shape the family's other examples and the simulator use.
 */
const undocumented: Partial<Record<Family, Record<string, string>>> = {
  streamtape: {
    'file-ul': '{"status":200,"msg":"OK","result":{"url":"https://tape.example/ul/abc","valid_until":"2020-01-01 00:00:00"}}',
    'upload-reply':
      '{"status":200,"msg":"OK","result":{"name":"a.mp4","size":"12","id":"rbAarvRPXdYbaxY","url":"https://streamtape.com/v/rbAarvRPXdYbaxY/a.mp4"}}',
    'remotedl-add': '{"status":200,"msg":"OK","result":{"id":"ugy9vk9wrmk","folderid":"0"}}',
    'remotedl-status':
      '{"status":200,"msg":"OK","result":{"ugy9vk9wrmk":{"id":"ugy9vk9wrmk","remoteurl":"http://a.example/v.mp4","status":"finished","bytes_loaded":"10","bytes_total":"10","folderid":"0","added":"2020-01-01 00:00:00","extid":false,"url":"https://streamtape.com/v/rbAarvRPXdYbaxY/v.mp4"}}}',
  },
  mixdrop: { fileinfo2: fixture('mixdrop.ag', 'fileinfo-club').replace(/=>/g, ':') },
};

function corpus(family: Family, name: string): string[] {
  const hosts = [...fixtureHosts, ...familyFixtureHosts, 'vidguard.to'].filter((h) => findEntry(h)!.family === family);
  const out: string[] = [];
  for (const host of hosts) {
    const files = readdirSync(join(__dirname, '../../fixtures/hosts', host)).map((f) => f.replace(/\.(json|txt)$/, ''));
    for (const file of files) if ((fixtureParser[`${host} ${file}`] ?? file) === name) out.push(fixture(host, file));
  }
  const extra = undocumented[family]?.[name];
  if (extra) out.push(extra);
  // Parsers without a documented example of their own still get fuzzed on a generic reply.
  return out.length > 0 ? out : ['{"msg":"OK","server_time":"2022-01-01 00:00:00","status":200,"result":"true"}'];
}

const hostOf: Record<Family, string> = { xfs: 'media.cm', megamax: 'megamax.me', vidguard: 'vidguard.to', streamtape: 'streamtape.com', mixdrop: 'mixdrop.ag' };

const cases = [
  ...Object.keys(xfsParsers).map((name) => ['xfs', name] as const),
  ...Object.keys(megamaxParsers).map((name) => ['megamax', name] as const),
  ...Object.keys(vidguardParsers).map((name) => ['vidguard', name] as const),
  ...Object.keys(streamtapeParsers).map((name) => ['streamtape', name] as const),
  ...Object.keys(mixdropParsers).map((name) => ['mixdrop', name] as const),
];

describe('fuzzed replies', () => {
  it.each(cases)('%s %s: a normalized value or a AppError, never anything else', (family, name) => {
    const parse = parserFor(hostOf[family], name);
    const schema = outputSchemas[name];
    expect(schema, `schema for ${name}`).toBeDefined();
    const seeds = corpus(family, name);
    const rand = prng(0x5eed + name.length * 7919 + name.charCodeAt(0));
    let values = 0;
    let errors = 0;
    for (let i = 0; i < perParser; i++) {
      const text = mutate(rand, seeds[i % seeds.length]!, secretKey);
      const status = statuses[Math.floor(rand() * statuses.length)]!;
      let outcome: unknown;
      try {
        outcome = parse(text, status);
      } catch (error) {
        if (!(error instanceof AppError)) throw new Error(`${name} threw ${String(error)} on: ${text.slice(0, 300)}`);
        expect(error.message).not.toContain(secretKey);
        // guarded() labels a crash inside a parser this way; parsers must reject by BadShape instead.
        expect(error.message, `parser crashed on: ${text.slice(0, 300)}`).not.toContain('unexpected reply shape');
        expect(String((error as Error & { cause?: unknown }).cause ?? '')).not.toContain(secretKey);
        errors++;
        continue;
      }
      const check = schema!.safeParse(outcome);
      if (!check.success) throw new Error(`${name} gave ${JSON.stringify(outcome)} on: ${text.slice(0, 300)}`);
      values++;
    }
    // Both outcomes must actually occur, or the mutations are not exercising the parser.
    expect(values).toBeGreaterThan(0);
    expect(errors).toBeGreaterThan(0);
  });
});
