// Part 7: Lighthouse (npm, pinned in package.json) with Debian's Chromium, default (mobile)
// settings, against the served dist/. Twice: from the plain test server, which sends files
// uncompressed, and from one that sends brotli as a static host would.

import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const require = createRequire(import.meta.url);
const CHROME = '/usr/bin/chromium';
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: null };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** A static server that sends brotli (-q 11) to clients that accept it, as a host with compression on. */
export async function startBrotliServer(root, prefix) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) { res.writeHead(404); return res.end(); }
    const file = normalize(join(root, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(root + sep)) { res.writeHead(404); return res.end(); }
    const body = await readFile(file).catch(() => null);
    if (!body) { res.writeHead(404); return res.end(); }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
    if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') && !/\.png$/.test(file)) {
      if (!cache.has(file)) cache.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      res.writeHead(200, { ...headers, 'content-encoding': 'br' });
      return res.end(cache.get(file));
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

function runLighthouse(url, outFile) {
  const cli = join(dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');
  const args = [cli, url, '--output=json', `--output-path=${outFile}`, '--quiet', `--chrome-flags=${FLAGS}`,
    `--only-categories=${CATEGORIES.join(',')}`, '--max-wait-for-load=60000'];
  return new Promise((ok) => {
    execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 << 20, timeout: 300000 },
      (err, stdout, stderr) => ok({ err, stdout, stderr }));
  });
}

export async function printLighthouse(label, url, outFile) {
  const version = require('lighthouse/package.json').version;
  const info = await stat(CHROME).catch(() => null);
  if (!info) { console.log(`${label}: Lighthouse cannot run: ${CHROME} is missing (make setup installs Debian's chromium).`); return null; }
  const { err, stderr } = await runLighthouse(url, outFile);
  const report = await readFile(outFile, 'utf8').then(JSON.parse).catch(() => null);
  if (!report) {
    console.log(`${label}: Lighthouse ${version} could not run: ${err ? String(err.message).split('\n')[0] : 'no report'}`);
    console.log(String(stderr).trim().split('\n').slice(-15).map((l) => `    ${l}`).join('\n'));
    return null;
  }
  if (report.runtimeError) {
    console.log(`${label}: Lighthouse ${version} could not measure: ${report.runtimeError.code}: ${report.runtimeError.message}`);
    return report;
  }
  const line = CATEGORIES.map((c) => {
    const score = report.categories?.[c]?.score;
    const v = score == null ? null : Math.round(score * 100);
    const goal = GOALS[c];
    const verdict = goal == null ? '' : v == null ? ' (no score)' : v >= goal ? ' ok' : ` BELOW ${goal}`;
    return `${c} ${v ?? '-'}${verdict}`;
  }).join(', ');
  console.log(`${label}: Lighthouse ${version}, ${report.configSettings?.formFactor ?? '?'} (${report.configSettings?.throttlingMethod ?? '?'} throttling), ${report.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? ''}`);
  console.log(`  ${line}`);
  const a = report.audits ?? {};
  const metric = (id) => a[id]?.displayValue ?? '-';
  console.log(`  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, Speed Index ${metric('speed-index')}, transfer ${a['total-byte-weight']?.displayValue ?? '-'}`);
  // What cost points, per category: failing audits with a weight.
  for (const c of CATEGORIES) {
    const refs = report.categories?.[c]?.auditRefs ?? [];
    const failing = refs.filter((r) => r.weight > 0 && a[r.id] && a[r.id].score != null && a[r.id].score < 1)
      .map((r) => `${r.id} (${Math.round(a[r.id].score * 100)})`);
    if (failing.length) console.log(`  ${c} lost points on: ${failing.join(', ')}`);
  }
  return report;
}
