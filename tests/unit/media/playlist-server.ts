import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

// Playlists served over real HTTP on 127.0.0.1 for one test file's tests:
// each path's text as an HLS playlist, 404 for the rest; `special` may answer
// a path itself first (a playlist that never ends, one over a limit).

export interface PlaylistServer {
  /** http://127.0.0.1:<port>, once the server listens. */
  origin: string;
  /** Paths asked for, in order (a test may empty it). */
  requested: string[];
}

export function servePlaylists(routes: Record<string, string>, special?: (path: string, res: ServerResponse) => boolean): PlaylistServer {
  const served: PlaylistServer = { origin: '', requested: [] };
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      served.requested.push(path);
      if (special?.(path, res)) return;
      const body = routes[path];
      if (body === undefined) return void res.writeHead(404).end('missing');
      res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    served.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return served;
}
