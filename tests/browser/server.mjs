// A tiny static file server for the tests: serves a folder under a URL prefix on 127.0.0.1,
// as a static host would, so the app is tested under sub-paths too. No dependencies.
//
//   node tests/browser/server.mjs [root=dist] [prefix=/] [port=0]

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Names Trunk gives a content hash: the same name always holds the same bytes. */
const HASHED = /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/;

/** Starts a server for `root` under `prefix`; resolves to { url, port, close }. */
export async function startServer({ root = 'dist', prefix = '/', port = 0, headers = {}, gzip = false } = {}) {
  let base = resolve(root);
  /** Every file request answered: { path, status (200 or 304), bytes }. */
  const requests = [];
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  // Node's default 16 KiB header limit would answer 431 to the tests' 20 000-character query
  // before the app ever saw it; the app, not this server, is what those tests are about.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const path = decodeURIComponent(url.pathname);
      // The prefix without its slash: redirect, as static hosts do for a folder.
      if (path === prefix.slice(0, -1) && prefix !== '/') {
        res.writeHead(301, { location: prefix + url.search });
        return res.end();
      }
      if (!path.startsWith(prefix)) return send(res, 404, 'not found');
      let rel = path.slice(prefix.length) || 'index.html';
      const file = normalize(join(base, rel));
      if (file !== base && !file.startsWith(base + sep)) return send(res, 404, 'not found');
      const info = await stat(file).catch(() => null);
      const target = info?.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target).catch(() => null);
      if (!body) return send(res, 404, 'not found');
      // Caching as the README asks of a host: hashed names kept for a year, everything else
      // revalidated by its ETag (304 when unchanged).
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      const cache = HASHED.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache';
      requests.push({ path, status: req.headers['if-none-match'] === etag ? 304 : 200, bytes: body.length });
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag, 'cache-control': cache, ...headers });
        return res.end();
      }
      // `gzip`: compress as most static hosts do, for tests of what a reader waits for.
      const zipped = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'cache-control': cache,
        etag,
        ...(zipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : zipped ? gzipSync(body) : body);
    } catch {
      send(res, 400, 'bad request');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}${prefix}`,
    port: actual,
    requests,
    /** Serves another folder from now on, as a host does after a deploy. */
    setRoot: (next) => { base = resolve(next); },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', prefix = '/', port = '0'] = process.argv.slice(2);
  const { url } = await startServer({ root, prefix, port: Number(port) });
  console.log(`serving ${root} at ${url}`);
}
