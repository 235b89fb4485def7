import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Parse a saved page the way it would look to the finder, without running its scripts. */
export function loadFixture(name: string): Document {
  const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
