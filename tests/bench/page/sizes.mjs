// Part 1: the bytes a first visit downloads. Loads the built site in a fresh browser context
// (no cache, no service worker yet), records every response that came from the network,
// including what the service worker fetches to precache, waits until the worker is ready, and
// prints each file raw, gzip -9 and brotli -q 11 against tests/bench/budget.json.

import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotli, gzip, num } from './util.mjs';

const KINDS = {
  '.html': 'html', '.js': 'js', '.mjs': 'js', '.wasm': 'wasm', '.css': 'css',
  '.woff': 'font', '.woff2': 'font', '.ttf': 'font', '.otf': 'font',
  '.png': 'image', '.svg': 'image', '.ico': 'image', '.jpg': 'image', '.webp': 'image',
};
export const kindOf = (path) => (path.endsWith('/') ? 'html' : KINDS[extname(path)] ?? 'other');

/**
 * Visits `server.url` once in a fresh context and returns what came over the network:
 * [{ path, by: Set('page'|'sw'), count, bytes }], where bytes is the file as served.
 */
export async function firstVisit(browser, server, distDir) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const base = new URL(server.url);
  const seen = new Map();
  const record = async (response) => {
    const request = response.request();
    // A page request the service worker answered from its cache did not touch the network.
    if (response.fromServiceWorker()) return;
    const url = new URL(response.url());
    if (url.origin !== base.origin) return;
    // The folder URL ./ is index.html: one file, fetched under two names.
    const path = decodeURIComponent(url.pathname).slice(base.pathname.length) || 'index.html';
    const by = request.serviceWorker() ? 'sw' : 'page';
    const entry = seen.get(path) ?? { path, by: new Set(), count: 0, status: response.status() };
    entry.by.add(by);
    entry.count += 1;
    seen.set(path, entry);
  };
  const pending = [];
  const before = server.requests?.length ?? 0;
  context.on('response', (r) => pending.push(record(r)));
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('ol.hits li', { timeout: 30000 });
  // The worker installs (precaches every file) before navigator.serviceWorker.ready resolves.
  const worker = await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 30000 })
    .then(() => true, () => false);
  await page.waitForTimeout(500);
  await Promise.all(pending);
  await context.close();
  // What really went over the network is what the server sent with a body (200): a response
  // the browser took from its HTTP cache, or a 304 revalidation, carries no file. The browser
  // reports those as responses too, so count from the server's own log when it keeps one.
  if (server.requests) {
    const sent = new Map();
    for (const r of server.requests.slice(before)) {
      if (r.status !== 200) continue;
      const path = r.path.slice(base.pathname.length) || 'index.html';
      sent.set(path, (sent.get(path) ?? 0) + 1);
    }
    for (const entry of seen.values()) entry.count = sent.get(entry.path) ?? 0;
    for (const [path, count] of sent) if (!seen.has(path)) seen.set(path, { path, by: new Set(['?']), count, status: 200 });
  }

  const files = [];
  for (const entry of seen.values()) {
    const file = join(distDir, entry.path);
    const info = await stat(file).catch(() => null);
    const bytes = info?.isFile() ? await readFile(file) : null;
    files.push({ ...entry, bytes });
  }
  files.sort((a, b) => kindOf(a.path).localeCompare(kindOf(b.path)) || a.path.localeCompare(b.path));
  return { files, worker };
}

/** Prints the first-visit table and the budget check. */
export async function printSizes(browser, server, distDir, budget) {
  const { files, worker } = await firstVisit(browser, server, distDir);
  const kinds = {};
  const unique = { raw: 0, gz: 0, br: 0 };
  const wire = { raw: 0, gz: 0, br: 0, n: 0 };
  console.log(`first visit of ${server.url} in a fresh context (empty cache, no service worker yet);`);
  console.log(`service worker ${worker ? 'installed and ready' : 'NOT ready within 30 s (precache requests may be missing)'}.`);
  console.log('"by": page = asked for by the page, sw = by the service worker to precache; xN = sent by the server N times (x0: answered from the HTTP cache or by a 304).');
  console.log('Compressed sizes are of the file as built (the test server sends it uncompressed; a host would compress).\n');
  console.log(`${'file'.padEnd(46)} ${'kind'.padEnd(6)} ${'by'.padEnd(10)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'br -q 11'.padStart(9)}`);
  for (const f of files) {
    if (!f.bytes) {
      console.log(`${f.path.padEnd(46)} ${kindOf(f.path).padEnd(6)} ${[...f.by].join('+').padEnd(10)} (status ${f.status}, not a file of dist/)`);
      continue;
    }
    const size = { raw: f.bytes.length, gz: gzip(f.bytes), br: brotli(f.bytes) };
    const kind = kindOf(f.path);
    kinds[kind] ??= { raw: 0, gz: 0, br: 0, files: 0 };
    for (const k of ['raw', 'gz', 'br']) {
      kinds[kind][k] += size[k];
      unique[k] += size[k];
      wire[k] += size[k] * f.count;
    }
    kinds[kind].files += 1;
    wire.n += f.count;
    const by = [...f.by].join('+') + (f.count !== 1 ? ` x${f.count}` : '');
    console.log(`${f.path.padEnd(46)} ${kind.padEnd(6)} ${by.padEnd(10)} ${num(size.raw)} ${num(size.gz)} ${num(size.br)}`);
  }
  const mark = (value, limit) => (limit == null ? '' : value > limit ? `OVER by ${value - limit}` : `ok (${limit - value} to spare)`);
  console.log(`\n${'per kind (each file once)'.padEnd(32)} ${'files'.padStart(5)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'br -q 11'.padStart(9)} ${'budget br'.padStart(10)}  verdict`);
  for (const [kind, s] of Object.entries(kinds).sort((a, b) => b[1].br - a[1].br)) {
    const limit = budget.kinds_brotli?.[kind];
    console.log(`${kind.padEnd(32)} ${num(s.files, 5)} ${num(s.raw)} ${num(s.gz)} ${num(s.br)} ${num(limit ?? NaN, 10)}  ${limit == null ? 'no budget for this kind' : mark(s.br, limit)}`);
  }
  const total = budget.first_visit_brotli;
  console.log(`${'TOTAL first visit, each file once'.padEnd(32)} ${num(files.filter((f) => f.bytes).length, 5)} ${num(unique.raw)} ${num(unique.gz)} ${num(unique.br)} ${num(total, 10)}  ${mark(unique.br, total)}`);
  console.log(`${'as fetched (repeats counted)'.padEnd(32)} ${num(wire.n, 5)} ${num(wire.raw)} ${num(wire.gz)} ${num(wire.br)} ${num(total, 10)}  ${mark(wire.br, total)}`);
  const twice = files.filter((f) => f.count > 1);
  if (twice.length) {
    console.log(`note: ${twice.length} file(s) went over the network more than once on the first visit: ${twice.map((f) => f.path).join(', ')}`);
  }
  return { unique, wire, kinds };
}
