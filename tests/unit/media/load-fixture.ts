import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

// A window of its own whose console swallows happy-dom's "iframe loading is
// disabled" notices: fixtures hold iframes on purpose and scripts never run.
const quiet = { ...console, error: () => {}, warn: () => {} };
const window = new Window({ console: quiet as Console });

export function parseHtml(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Parse a saved page the way it would look to the finder, without running its scripts. */
export function loadFixture(name: string): Document {
  return parseHtml(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8'));
}
