import type { FoundVideo } from './types';
import { findLimits } from './types';
import { kindFromExtension, toWebUrl } from './url';

// Player configs written into the markup (`player.setup({file: ".../master.m3u8"})`,
// `window.__DATA__ = {...}`) name the stream the player will load. The text is
// a page's and may be huge or hostile, so it is scanned linearly with indexOf
// and short bounded walks around each hit, never with a backtracking pattern,
// and only so much of it is read.
const scriptLimits = { chars: 1024 * 1024, hits: 20 } as const;

const manifestEndings = ['.m3u8', '.mpd'];

// What ends an address inside JS or JSON: quotes, whitespace, brackets and separators.
function isBoundary(char: string): boolean {
  return (
    char === '"' ||
    char === "'" ||
    char === '`' ||
    char === '<' ||
    char === '>' ||
    char === '(' ||
    char === ')' ||
    char === ',' ||
    char === '[' ||
    char === ']' ||
    char === '{' ||
    char === '}' ||
    char === '|' ||
    char.trim() === ''
  );
}

/** JSON and JS escape slashes (`\/`, `\u002F`) and markup escapes ampersands. */
function unescaped(raw: string): string {
  return raw
    .replaceAll('\\/', '/')
    .replaceAll(/\\u002[fF]/g, '/')
    .replaceAll(/\\u0026/g, '&')
    .replaceAll('&amp;', '&');
}

/** The address around the ending found at `at`: walked back and forward to a boundary, each walk bounded. */
function addressAround(text: string, at: number, endingLength: number): string | undefined {
  let start = at;
  const lowest = Math.max(0, at - findLimits.urlLength);
  while (start > lowest && !isBoundary(text[start - 1])) start--;
  // A bare ".m3u8" (a string the player tests names against) names no file.
  if ((start === lowest && lowest > 0) || start === at || text[at - 1] === '/') return undefined;
  let end = at + endingLength;
  const highest = Math.min(text.length, end + findLimits.urlLength);
  while (end < highest && !isBoundary(text[end])) end++;
  return text.slice(start, end);
}

function scriptTexts(doc: Document): string[] {
  const texts: string[] = [];
  let budget: number = scriptLimits.chars;
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const type = script.getAttribute('type')?.trim().toLowerCase() ?? '';
    // JSON-LD is read as structured data (from-json-ld.ts); templates and other types are not code either way, but may hold configs.
    if (type === 'application/ld+json') continue;
    const text = (script.textContent ?? '').slice(0, budget);
    budget -= text.length;
    texts.push(text);
    if (budget <= 0) break;
  }
  return texts;
}

/** HLS and DASH manifests named in inline scripts, in page order. */
export function fromScripts(doc: Document, base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  for (const text of scriptTexts(doc)) {
    const lower = text.toLowerCase();
    for (const ending of manifestEndings) {
      let from = 0;
      while (found.length < scriptLimits.hits) {
        const at = lower.indexOf(ending, from);
        if (at < 0) break;
        from = at + ending.length;
        const raw = addressAround(text, at, ending.length);
        const url = raw && toWebUrl(unescaped(raw), base);
        const kind = url && kindFromExtension(url);
        if (url && (kind === 'hls' || kind === 'dash')) found.push({ url, kind, source: 'script' });
      }
    }
  }
  return found;
}
