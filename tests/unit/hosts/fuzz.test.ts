// Mutated and truncated replies, 1,200 per parser from a fixed seed: every
// outcome is either a value matching the normalized schema or a HostError
// whose message does not contain the key.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../lib/errors';
import { mutate, prng } from './mutate';
import { outputSchemas } from './normalized-schemas';
import { fixture, fixtureHosts, megamaxParsers, parserFor, secretKey, vidguardParsers, xfsParsers } from './parsers';

const perParser = 1200;
const statuses = [200, 200, 200, 200, 200, 200, 200, 403, 404, 429, 500, 302];

type Family = 'xfs' | 'megamax' | 'vidguard';
const hostOf: Record<Family, string> = { xfs: 'media.cm', megamax: 'megamax.me', vidguard: 'vidguard.to' };

function corpus(family: Family, name: string): string[] {
  const hosts = family === 'vidguard' ? ['vidguard.to'] : fixtureHosts.filter((h) => (h === 'megamax.me') === (family === 'megamax'));
  const out: string[] = [];
  for (const host of hosts) {
    const files = readdirSync(join(__dirname, '../../fixtures/hosts', host)).map((f) => f.replace(/\.(json|txt)$/, ''));
    if (files.includes(name)) out.push(fixture(host, name));
  }
  // Parsers without a documented example of their own still get fuzzed on a generic reply.
  return out.length > 0 ? out : ['{"msg":"OK","server_time":"2022-01-01 00:00:00","status":200,"result":"true"}'];
}

const cases = [
  ...Object.keys(xfsParsers).map((name) => ['xfs', name] as const),
  ...Object.keys(megamaxParsers).map((name) => ['megamax', name] as const),
  ...Object.keys(vidguardParsers).map((name) => ['vidguard', name] as const),
];

describe('fuzzed replies', () => {
  it.each(cases)('%s %s: a normalized value or a HostError, never anything else', (family, name) => {
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
        if (!(error instanceof HostError)) throw new Error(`${name} threw ${String(error)} on: ${text.slice(0, 300)}`);
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
