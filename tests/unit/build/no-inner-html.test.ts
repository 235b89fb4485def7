import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { withoutInnerHtml } from '../../../scripts/preact-without-inner-html';

// The build takes Preact's innerHTML assignment out (AMO's linter flags it);
// that is only sound while no component passes dangerouslySetInnerHTML.

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (/\.(tsx?|html)$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('no innerHTML in the build', () => {
  it('removes the assignment from the Preact the build bundles, and keeps clearing as textContent', async () => {
    for (const file of ['preact.module.js', 'preact.mjs']) {
      const code = await readFile(join('node_modules/preact/dist', file), 'utf8');
      expect(code).toMatch(/\.innerHTML=/);
      const out = withoutInnerHtml(code);
      expect(out).not.toMatch(/\.innerHTML\s*=/);
      expect(out).toMatch(/\.textContent=""/);
      expect(out).toContain('dangerouslySetInnerHTML is not supported');
    }
  });

  it('fails the build when Preact no longer has the expected shape', () => {
    expect(() => withoutInnerHtml('el.innerHTML=x;')).toThrow(/expected one innerHTML set/);
  });

  it('no VidRelay source sets innerHTML or passes dangerouslySetInnerHTML', async () => {
    const offenders: string[] = [];
    for (const dir of ['components', 'entrypoints', 'lib']) {
      for (const path of await sources(dir)) {
        const text = await readFile(path, 'utf8');
        if (/dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(text)) offenders.push(path);
      }
    }
    expect(offenders).toEqual([]);
  });
});
