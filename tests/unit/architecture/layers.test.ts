import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

// The import gate's own rules (.dependency-cruiser.cjs) on a small tree:
// a downward import passes; an upward one, a type-only upward one, a sibling
// import, a cycle, a folder outside every layer, and a background module
// outside the composition root that opens a stored item itself are each reported.

const config = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs') as IConfiguration;
let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function violations(files: Record<string, string>): Promise<string[]> {
  dir = await mkdtemp(join(tmpdir(), 'vidrelay-layers-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { tsConfig: _unused, ...options } = config.options ?? {};
    const roots = [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))];
    const result = await cruise(roots, { ...options, baseDir: dir, validate: true, ruleSet: { forbidden: config.forbidden } });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
  } finally {
    process.chdir(cwd);
  }
}

describe('import gate', () => {
  it('lets imports point down the layers', async () => {
    expect(
      await violations({
        'components/View.tsx': "import { send } from '../lib/messaging';\nexport const View = () => send;\n",
        'lib/messaging.ts': "import { AppError } from './errors';\nexport const send = () => new AppError();\n",
        'lib/errors.ts': 'export class AppError {}\n',
      }),
    ).toEqual([]);
  });

  it('reports an upward import, also a type-only one', async () => {
    expect(
      await violations({
        'lib/hosts/client.ts':
          "import { route } from '../background/root/router';\nimport type { Job } from '../queue/model/job';\nexport const c = (j: Job) => route(j);\n",
        'lib/background/root/router.ts': 'export const route = (x: unknown) => x;\n',
        'lib/queue/model/job.ts': 'export interface Job { id: string }\n',
      }),
    ).toEqual([
      'layer-order: lib/hosts: lib/hosts/client.ts -> lib/background/root/router.ts',
      'layer-order: lib/hosts: lib/hosts/client.ts -> lib/queue/model/job.ts',
    ]);
  });

  it('reports a sibling import inside one layer', async () => {
    expect(
      await violations({
        'lib/queue/runner/index.ts': "import { findVideos } from '../../media/find';\nexport const r = findVideos;\n",
        'lib/media/find.ts': 'export const findVideos = () => [];\n',
      }),
    ).toEqual(['layer-siblings: lib/queue: lib/queue/runner/index.ts -> lib/media/find.ts']);
  });

  it('reports a cycle through a type-only import', async () => {
    const found = await violations({
      'lib/hosts/types.ts': "import type { HostId } from './registry';\nexport interface Preset { id: HostId }\n",
      'lib/hosts/registry.ts': "import type { Preset } from './types';\nexport type HostId = 'a';\nexport const presets: Preset[] = [];\n",
    });
    expect(found).toContain('no-circular: lib/hosts/registry.ts -> lib/hosts/types.ts');
  });

  it('reports a cycle and a module outside every layer', async () => {
    const found = await violations({
      'components/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'components/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'lib/newthing/x.ts': "import { AppError } from '../errors';\nexport const x = AppError;\n",
      'lib/errors.ts': 'export class AppError {}\n',
    });
    expect(found).toContain('no-circular: components/a.ts -> components/b.ts');
    expect(found).toContain('no-unplaced-module: lib/newthing/x.ts -> lib/errors.ts');
  });

  it('reports a handler that opens a stored item instead of using the background context', async () => {
    const found = await violations({
      'lib/background/handlers/h.ts':
        "import type { Ctx } from '../context/context';\nimport { settingsItem } from '../../storage/items';\nexport const h = (c: Ctx) => [c, settingsItem];\n",
      'lib/background/context/context.ts': 'export interface Ctx { a: number }\n',
      'lib/storage/items.ts': 'export const settingsItem = 1;\n',
    });
    expect(found).toEqual(['stored-items-through-root: lib/background/handlers/h.ts -> lib/storage/items.ts']);
  });

  it('reports any background module outside the root that opens a stored item; the root and the items themselves may, and a type passes', async () => {
    const found = await violations({
      // A service that opens items itself: the registry, the account store, and the helper that defines an item.
      'lib/background/jobs/service.ts':
        "import { storedItems } from '../stored/registry';\nimport { accountsItem } from '../../storage/account-store';\nimport { defineVersionedItem } from '../../storage/versioned-item';\nexport const s = [storedItems, accountsItem, defineVersionedItem];\n",
      // A type imported beside the item does not make the item pass.
      'lib/background/send-to-host/mixed.ts':
        "import type { AccountStore } from '../../storage/items';\nimport { settingsItem } from '../../storage/items';\nexport const m = (store: AccountStore) => [store, settingsItem];\n",
      // A service handed its store: it names the store's type and reads values it was given.
      'lib/background/health/checks.ts':
        "import type { AccountStore } from '../../storage/items';\nimport { readVersioned } from '../../storage/versioned-record';\nexport const c = (store: AccountStore) => readVersioned(store);\n",
      'lib/background/root/build-context.ts':
        "import { storedItems } from '../stored/registry';\nimport { settingsItem } from '../../storage/items';\nimport { s } from '../jobs/service';\nimport { c } from '../health/checks';\nimport { m } from '../send-to-host/mixed';\nexport const ctx = [storedItems, settingsItem, s, c, m];\n",
      'lib/background/stored/registry.ts':
        "import { settingsItem } from '../../storage/items';\nimport { accountsItem } from '../../storage/account-store';\nexport const storedItems = [settingsItem, accountsItem];\n",
      'lib/storage/items.ts':
        "import { defineVersionedItem } from './versioned-item';\nexport const settingsItem = defineVersionedItem();\nexport type AccountStore = { a: number };\n",
      'lib/storage/account-store.ts': 'export const accountsItem = 2;\n',
      'lib/storage/versioned-item.ts': 'export const defineVersionedItem = () => 3;\n',
      'lib/storage/versioned-record.ts': 'export const readVersioned = (x: unknown) => x;\n',
    });
    expect(found).toEqual([
      'stored-items-through-root: lib/background/jobs/service.ts -> lib/background/stored/registry.ts',
      'stored-items-through-root: lib/background/jobs/service.ts -> lib/storage/account-store.ts',
      'stored-items-through-root: lib/background/jobs/service.ts -> lib/storage/versioned-item.ts',
      'stored-items-through-root: lib/background/send-to-host/mixed.ts -> lib/storage/items.ts',
    ]);
  });
});
