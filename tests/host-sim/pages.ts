// `/pages/<name>.html` from tests/host-sim/pages/: fixtures for the video finder e2e.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sendText } from './http';

const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));

export async function servePage(res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/pages\/([\w-]+)\.html$/.exec(url.pathname);
  if (!m) return false;
  let html: string;
  try {
    html = await readFile(`${pagesDir}${m[1]}.html`, 'utf8');
  } catch {
    return false;
  }
  sendText(res, 200, html, 'text/html; charset=utf-8');
  return true;
}
