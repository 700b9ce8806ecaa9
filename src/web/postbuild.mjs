// Trunk post_build hook, in Trunk's staging folder (TRUNK_STAGING_DIR): moves Trunk's inline
// start-up script into a file and adds the Content-Security-Policy to index.html; then writes
// the precache list and the build id into sw.js, and the build id into index.html.
//
// The build id is a hash of every built file, so any change gives a new worker and a new
// cache, and the page can say which build it runs.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('postbuild: set TRUNK_STAGING_DIR or pass the folder');

/** `html` with `tag` at the end of its head (a minified page may leave out `</head>`). */
function intoHead(html, tag) {
  const end = html.search(/<\/head>|<body[\s>]/i);
  if (end < 0) throw new Error('postbuild: index.html has neither </head> nor <body>');
  return html.slice(0, end) + tag + html.slice(end);
}

// 1. Trunk's start-up script is inline; a strict Content-Security-Policy forbids inline scripts.
// Move it, unchanged, into a hashed module file of its own, and put the policy first in <head>.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
{
  const indexPath = join(dir, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  // Attribute quotes may be gone: release builds minify index.html.
  // Every inline script: Trunk's start-up module, and under `trunk serve` its reload script.
  const inline = /<script((?:\s+type=["']?module["']?)?)\s*>([\s\S]*?)<\/script>/g;
  index = index.replace(inline, (_, type, body) => {
    const code = body.trim() + '\n';
    const name = `start-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    writeFileSync(join(dir, name), code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    return `<script${type ? ' type="module"' : ''} src="./${name}" integrity="${integrity}"></script>`;
  });
  // Inline <style> blocks (the start screen's, style/start.css) are allowed by their hash.
  const styles = [...index.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(index) || /\sstyle=/.test(index)) {
    throw new Error('postbuild: index.html still holds an inline script or style; the CSP would block it');
  }
  index = index.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
  const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i;
  if (!charset.test(index)) throw new Error('postbuild: no <meta charset="utf-8"> to put the CSP after');
  const csp = CSP.replace("style-src 'self'", ["style-src 'self'", ...styles].join(' '));
  index = index.replace(charset, (tag) => `${tag}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  writeFileSync(indexPath, index);
}

// 2. oEmbed: oembed.json is a template for https://example.org/verkenner/. With the address
// the site will have (`make dist BASE_URL=https://gemeente.nl/verkenner/`), fill it in and let
// index.html announce it, so hosts with oEmbed discovery find the embed code.
{
  const template = 'https://example.org/verkenner/';
  const base = process.env.VERKENNER_BASE_URL ?? '';
  if (base) {
    let url;
    try { url = new URL(base); } catch { url = null; }
    if (!url || !/^https?:$/.test(url.protocol) || !base.endsWith('/') || /["<>\s]/.test(base)) {
      throw new Error(`postbuild: BASE_URL must be an absolute http(s) address ending in /, like ${template}; got ${JSON.stringify(base)}`);
    }
    const oembedPath = join(dir, 'oembed.json');
    const oembed = JSON.parse(readFileSync(oembedPath, 'utf8'));
    for (const key of ['provider_url', 'html']) oembed[key] = oembed[key].split(template).join(base);
    writeFileSync(oembedPath, JSON.stringify(oembed, null, 2) + '\n');
    const indexPath = join(dir, 'index.html');
    const link = `<link rel="alternate" type="application/json+oembed" href="${base}oembed.json" title="Verkenner sociaal domein">`;
    writeFileSync(indexPath, intoHead(readFileSync(indexPath, 'utf8'), link));
  }
}

// 3. The build id and the precache list.
const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split(sep).join('/'));
  }
})(dir);

const built = files.filter((f) => f !== 'sw.js');
const hash = createHash('sha256');
for (const f of built) {
  if (f === 'index.html') continue; // it receives the id below
  hash.update(f).update(readFileSync(join(dir, f)));
}
// The worker as shipped: without its comment lines (every first visit downloads it; the
// documented source is src/web/sw.js).
const sw = readFileSync(join(dir, 'sw.js'), 'utf8').split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
hash.update(sw.replace(/const BUILD = '[^']*';/, '').replace(/const FILES = .*;/, ''));
const build = hash.digest('hex').slice(0, 12);

const indexPath = join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8').replace(/<meta name=["']?verkenner-build["']?[^>]*>\s*/g, '');
writeFileSync(indexPath, intoHead(index, `<meta name="verkenner-build" content="${build}">`));

// Files for other sites, never used by the app's own pages: the host page's resize script
// (a host page is not under this worker's control) and the oEmbed response (read by content
// systems, not browsers). Precaching them would only add to every first visit.
const FOR_HOSTS = new Set(['embed.js', 'oembed.json']);
// The manifest's PNG icons are for installing the app: the browser fetches them when it
// installs (and keeps them with the installed app), the page never asks for them. Precaching
// them added 2.7 KB brotli to every first visit.
const FOR_INSTALLING = /^icon-\d+\.png$/;
// index.html is cached once, as './' (navigations are answered with it whatever their path).
const precache = ['./', ...built.filter((f) => f !== 'index.html' && !FOR_HOSTS.has(f) && !FOR_INSTALLING.test(f)).map((f) => `./${f}`)];
writeFileSync(
  join(dir, 'sw.js'),
  sw.replace(/const BUILD = '[^']*';/, `const BUILD = '${build}';`).replace(/const FILES = .*;/, `const FILES = ${JSON.stringify(precache)};`),
);
console.log(`postbuild: build ${build}, ${precache.length} files precached`);
