import type { Plugin } from 'vite';

// Preact's renderer assigns innerHTML in one place: to honour the
// dangerouslySetInnerHTML prop (and to clear what that prop left). VidRelay
// never passes that prop (tests/unit/build/no-inner-html.test.ts keeps it so),
// yet AMO's linter flags the assignment in the bundle. This plugin takes it
// out of the build: the clearing becomes textContent = "" (the same for an
// element), and the prop, should it ever be used, throws instead of parsing
// HTML. The build fails if Preact's code no longer has that shape, so a
// Preact upgrade cannot bring the assignment back unnoticed.

const preactDist = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:module\.js|mjs)$/;
const setHtml = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
const clearHtml = /(\w+)\.innerHTML=""/g;
const refuse = '(()=>{throw new Error("dangerouslySetInnerHTML is not supported in VidRelay")})()';

export function withoutInnerHtml(code: string): string {
  const sets = code.match(setHtml)?.length ?? 0;
  const clears = code.match(clearHtml)?.length ?? 0;
  if (sets !== 1 || clears !== 1) {
    throw new Error(
      `preact-without-inner-html: expected one innerHTML set and one clear in Preact, found ${sets} and ${clears}; update scripts/preact-without-inner-html.ts`,
    );
  }
  const out = code.replace(setHtml, refuse).replace(clearHtml, '$1.textContent=""');
  if (/\.innerHTML\s*=/.test(out)) throw new Error('preact-without-inner-html: an innerHTML assignment is left in Preact');
  return out;
}

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'vidrelay:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!preactDist.test(id.split('?')[0])) return undefined;
      return { code: withoutInnerHtml(code), map: null };
    },
  };
}
