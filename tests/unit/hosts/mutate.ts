// Deterministic mutations of a reply's text for the fuzz tests.
import { parseLenientJson } from '../../../lib/hosts/http';

/** mulberry32: small, seeded, good enough to spread mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);
const choose = <T>(rand: Rand, list: readonly T[]): T => list[int(rand, list.length)]!;

const oddValues: readonly unknown[] = [
  null,
  '',
  'undef',
  'inf',
  -1,
  0,
  1,
  '1',
  '0',
  'true',
  '429',
  403,
  '404',
  'abc',
  [],
  {},
  [1, '2'],
  { x: null },
  1e308,
  -0.5,
  '2021-13-45 99:99:99',
  'Invalid key',
  'This function not allowed in API',
  '<b>x</b>',
  true,
  false,
];

/** Every container and leaf path in a JSON value, for targeted edits. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function editAt(root: unknown, path: (string | number)[], edit: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (path.length === 0) return root;
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  edit(parent, path[path.length - 1]!);
  return root;
}

function structural(rand: Rand, text: string, secret: string): string | undefined {
  let value: unknown;
  try {
    value = parseLenientJson(text);
  } catch {
    return undefined;
  }
  const all = paths(value).filter((p) => p.length > 0);
  if (all.length === 0) return undefined;
  const edits = 1 + int(rand, 3);
  for (let i = 0; i < edits; i++) {
    const path = choose(rand, all);
    const kind = int(rand, 5);
    try {
      value = editAt(value, path, (parent, key) => {
        if (kind === 0)
          parent[key] = choose(rand, oddValues); // swap type
        else if (kind === 1)
          delete parent[key]; // delete key
        else if (kind === 2)
          parent[key] = null; // null out
        else if (kind === 3)
          parent[key] = typeof parent[key] === 'number' ? String(parent[key]) : Number(parent[key]) || parent[key]; // string <-> number
        else parent[key] = `msg with key=${secret}`;
      });
    } catch {
      // the path vanished with an earlier edit
    }
  }
  return JSON.stringify(value);
}

/** One mutation of `text`, chosen by `rand`. */
export function mutate(rand: Rand, text: string, secret: string): string {
  const kind = int(rand, 8);
  switch (kind) {
    case 0:
      return text.slice(0, int(rand, text.length)); // truncate
    case 1: {
      const chars = text.split('');
      const flips = 1 + int(rand, 4);
      for (let i = 0; i < flips && chars.length > 0; i++)
        chars[int(rand, chars.length)] = choose(rand, ['"', '{', '}', '[', ']', ',', ':', 'x', '0', '\\', '\n', ' ']);
      return chars.join('');
    }
    case 2:
      return `<!DOCTYPE html><html><head><title>Error</title></head><body><pre>${text}</pre></body></html>`; // wrap in HTML
    case 3: {
      const at = int(rand, text.length + 1);
      return text.slice(0, at) + text.slice(at + 1 + int(rand, 20)); // delete a run
    }
    case 4:
      return text.replace(
        /"status"\s*:\s*("?[\w]+"?)/,
        `"status":${JSON.stringify(choose(rand, ['429', 403, '500', 200, 'error', 'success', null, '404', 509]))}`,
      );
    default:
      return structural(rand, text, secret) ?? text.slice(0, int(rand, text.length));
  }
}
