// Trunk post_build hook, in Trunk's staging folder (TRUNK_STAGING_DIR): moves Trunk's inline
// start-up script into a file and adds the Content-Security-Policy to index.html; puts the
// app's files behind the boot script (src/web/boot.js), with a second way in for sandboxed
// iframes; writes the municipal token themes, the oEmbed files and discovery pages; then writes
// the precache list and the build id into sw.js, and the build id into index.html.
//
// It can run again on a built folder (`node src/web/postbuild.mjs dist` with another
// VERKENNER_BASE_URL), as the tests do.
//
// The build id is a hash of every built file, so any change gives a new worker and a new
// cache, and the page can say which build it runs.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('postbuild: set TRUNK_STAGING_DIR or pass the folder');
const source = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const sha384 = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
const hash16 = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** The attributes of a start tag, quoted or (minified) not. */
function attributes(tag) {
  const out = {};
  for (const m of tag.replace(/^<\w+|\/?>$/g, '').matchAll(/([^\s=]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

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
    let code = body.trim() + '\n';
    // `trunk serve`'s reload script: the server fills in its own address only in the HTML it
    // serves, so in a file of its own the script must find it itself, as Trunk's script does
    // when the request named no host: the page's host, and the serve base (public_url './'
    // serves at '/'). Its socket is then the page's own origin, which connect-src 'self' allows.
    if (code.includes('{{__TRUNK_ADDRESS__}}')) {
      // The placeholder is a string of its own, or (minified, folded into the URL) part of a
      // template literal.
      code = code.replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
        .replace(/(`[^`]*?)\{\{__TRUNK_ADDRESS__\}\}/g, '$1${window.location.host}')
        .replace(/\{\{__TRUNK_WS_BASE__\}\}/g, '/');
      if (code.includes('{{__TRUNK_ADDRESS__}}')) throw new Error("postbuild: could not fill in the address in Trunk's reload script");
    }
    const name = `start-${hash16(code)}.js`;
    writeFileSync(join(dir, name), code);
    return `<script${type ? ' type="module"' : ''} src="./${name}" integrity="${sha384(code)}"></script>`;
  });
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(index) || /\sstyle=/.test(index)) {
    throw new Error('postbuild: index.html still holds an inline script or style; the CSP would block it');
  }
  index = index.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
  const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i;
  if (!charset.test(index)) throw new Error('postbuild: no <meta charset="utf-8"> to put the CSP after');
  index = index.replace(charset, (tag) => `${tag}<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  writeFileSync(indexPath, index);
}

// 1b. Two ways in, chosen by the boot script (src/web/boot.js; why: see there). The files
// Trunk linked, with their integrity hashes, go into <template id="verkenner-load">; for a
// page without an origin, <template id="verkenner-load-opaque"> holds the stylesheet and
// app.js without hashes and embed-app-<hash>.js: the wasm-bindgen glue as a classic script
// with the wasm inside it. The boot script is the one script left in the page.
{
  const indexPath = join(dir, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  // Run again on a built folder: the tags come out of the templates as they went in.
  index = index.replace(/<template id=["']?verkenner-load-opaque["']?>[\s\S]*?<\/template>/g, '').replace(/<template id=["']?verkenner-load["']?>([\s\S]*?)<\/template>/g, '$1').replace(/<script src=["']?\.\/boot-[0-9a-f]{16}\.js["']?><\/script>/g, '');
  const tags = /<link\b[^>]*>|<script\b[^>]*>\s*<\/script>/gi;
  const load = [];
  index = index.replace(tags, (tag) => {
    const a = attributes(tag);
    const trunks = tag.startsWith('<script') ? 'src' in a : ['modulepreload', 'preload', 'stylesheet'].includes(a.rel) && 'integrity' in a;
    if (!trunks) return tag;
    load.push({ tag, a });
    return '';
  });
  const stylesheets = load.filter((l) => l.a.rel === 'stylesheet');
  const scripts = load.filter((l) => l.tag.startsWith('<script'));
  if (stylesheets.length !== 1 || scripts.length < 2) throw new Error(`postbuild: expected Trunk's stylesheet and scripts in index.html, found ${load.map((l) => l.tag).join(' ')}`);

  // The glue and the wasm, as Trunk's start-up script names them.
  const startCode = scripts.map((l) => readFileSync(join(dir, l.a.src), 'utf8')).find((code) => /TrunkApplicationStarted/.test(code)) ?? '';
  const glueName = startCode.match(/from\s*['"`]\.\/([\w.-]+\.js)['"`]/)?.[1];
  const wasmName = startCode.match(/['"`]\.\/([\w.-]+_bg\.wasm)['"`]/)?.[1];
  if (!glueName || !wasmName) throw new Error(`postbuild: Trunk's start-up script names no glue or wasm:\n${startCode}`);
  const glue = readFileSync(join(dir, glueName), 'utf8');
  const wasm = readFileSync(join(dir, wasmName));
  const bundle = classicBundle(glue, wasm);
  const bundleName = `embed-app-${hash16(bundle)}.js`;
  for (const f of readdirSync(dir)) if (/^embed-app-[0-9a-f]{16}\.js$/.test(f)) rmSync(join(dir, f));
  writeFileSync(join(dir, bundleName), bundle);

  // Sandboxed: the stylesheet and app.js (a script without imports, so it also runs as a
  // classic one), then the bundle. Trunk's start-up module and the reload script are left out.
  const starts = scripts.filter((l) => /(^|\/)start-[0-9a-f]{16}\.js$/.test(l.a.src));
  const own = scripts.filter((l) => !starts.includes(l));
  const opaque = [
    `<link rel="stylesheet" href="${stylesheets[0].a.href}" blocking="render">`,
    ...own.filter((l) => !readFileSync(join(dir, l.a.src), 'utf8').includes('.well-known/trunk/ws')).map((l) => `<script src="${l.a.src}"></script>`),
    `<script src="./${bundleName}"></script>`,
  ];
  const sameOrigin = load.map(({ tag, a }) => (a.rel === 'stylesheet' && !('blocking' in a) ? tag.replace(/^<link/, '<link blocking="render"') : tag));
  const boot = readFileSync(join(source, 'src/web/boot.js'), 'utf8').split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
  const bootName = `boot-${hash16(boot)}.js`;
  for (const f of readdirSync(dir)) if (/^boot-[0-9a-f]{16}\.js$/.test(f)) rmSync(join(dir, f));
  writeFileSync(join(dir, bootName), boot);
  index = intoHead(index, `<template id="verkenner-load">${sameOrigin.join('')}</template><template id="verkenner-load-opaque">${opaque.join('')}</template><script src="./${bootName}"></script>`);
  writeFileSync(indexPath, index);
}

/**
 * wasm-bindgen's glue (an ES module) as a classic script that starts the app from the wasm
 * bytes it carries (base64): what a sandboxed page can load from a host that sends no CORS
 * headers. The glue's exports become locals; it must import nothing.
 */
function classicBundle(glue, wasm) {
  if (/(^|[;\n])\s*import\s*[\w{*'"]/.test(glue)) throw new Error('postbuild: the wasm-bindgen glue imports a module (an inline_js snippet?); the sandboxed bundle cannot load it');
  let init = null;
  let code = glue.replace(/export\s*\{([^}]*)\};?/g, (_, names) => {
    for (const part of names.split(',')) {
      const [local, exported = local] = part.trim().split(/\s+as\s+/);
      if (exported === 'default') init = local;
    }
    return '';
  });
  code = code.replace(/export\s+default\s+([\w$]+)\s*;?/, (_, local) => { init = local; return ''; });
  code = code.replace(/export\s+(?=(async\s+)?function|class|const|let|var)/g, '');
  if (!init || /\bexport\b\s*[{*]|\bexport\s+default\b/.test(code)) throw new Error('postbuild: could not read the default export (the init function) of the wasm-bindgen glue');
  code = code.replace(/import\.meta\.url/g, 'document.baseURI');
  // The wasm as a string of one character per byte (U+0000 to U+00FF), escaped only where a
  // string literal must be: brotli still sees the bytes' patterns, so this costs a twentieth
  // more than the wasm file, where base64 cost a third.
  let text = '';
  for (const b of wasm) {
    text += b === 0x22 ? '\\"' : b === 0x5c ? '\\\\' : b === 0x0a ? '\\n' : b === 0x0d ? '\\r' : b === 0 ? '\\x00' : String.fromCharCode(b);
  }
  return `(function(){"use strict";\n${code}\nvar s="${text}";\n`
    + 'var bytes=new Uint8Array(s.length);for(var i=0;i<s.length;i++)bytes[i]=s.charCodeAt(i);\n'
    + `${init}({module_or_path:bytes}).then(function(w){dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:w}}));});\n})();\n`;
}

// 1c. The municipal token themes (src/web/huisstijl/themes.mjs): one small stylesheet each,
// listed for the boot script in <meta name="verkenner-huisstijl">.
const huisstijl = {};
{
  const { THEMES, themeStylesheet } = await import('./huisstijl/themes.mjs');
  for (const f of readdirSync(dir)) if (/^huisstijl-[a-z0-9-]+-[0-9a-f]{16}\.css$/.test(f)) rmSync(join(dir, f));
  for (const theme of THEMES) {
    const { css } = themeStylesheet(theme);
    const name = `huisstijl-${theme.name}-${hash16(css)}.css`;
    writeFileSync(join(dir, name), css);
    huisstijl[theme.name] = name;
  }
  const indexPath = join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8').replace(/<meta name=["']?verkenner-huisstijl["']?[^>]*>/g, '');
  const list = Object.entries(huisstijl).map(([k, v]) => `${k}=${v}`).join(' ');
  // Before the boot script, which reads it while the page is parsed.
  const at = index.search(/<template id=["']?verkenner-load["'\s>]/);
  if (at < 0) throw new Error('postbuild: no <template id="verkenner-load"> to put the huisstijl list before');
  writeFileSync(indexPath, `${index.slice(0, at)}<meta name="verkenner-huisstijl" content="${list}">${index.slice(at)}`);
}

// 2. oEmbed, for content systems that embed a pasted link (WordPress, Drupal). oembed.json
// is a template for https://example.org/verkenner/. With the address the site will have
// (`make dist BASE_URL=https://gemeente.nl/verkenner/`), it is filled in and index.html
// announces it. A static host cannot answer per query string, so every view that a link can
// preset from a bounded set, each theme, key question and article, gets a page of its own that
// announces that view's oEmbed file (oembed/<kind>-<id>.json) and sends a reader on to the view:
// thema/<id>/, kernvraag/<id>/, document/<id>/. Built without BASE_URL the pages still send
// readers on, but announce nothing (oEmbed needs absolute addresses).
{
  const template = 'https://example.org/verkenner/';
  const base = process.env.VERKENNER_BASE_URL ?? '';
  if (base) {
    let url;
    try { url = new URL(base); } catch { url = null; }
    if (!url || !/^https?:$/.test(url.protocol) || !base.endsWith('/') || /["<>\s&']/.test(base)) {
      throw new Error(`postbuild: BASE_URL must be an absolute http(s) address ending in /, like ${template}; got ${JSON.stringify(base)}`);
    }
  }
  // Optional: the municipality's look in every embed its editors paste.
  const look = process.env.VERKENNER_HUISSTIJL ?? '';
  if (look && !(look in huisstijl)) throw new Error(`postbuild: HUISSTIJL must be one of ${Object.keys(huisstijl).join(', ')}; got ${JSON.stringify(look)}`);
  const address = base || template;
  const oembedPath = join(dir, 'oembed.json');
  const start = JSON.parse(readFileSync(oembedPath, 'utf8'));
  const title = 'Verkenner sociaal domein: wat er geschreven is over de decentralisaties';

  /** The oEmbed response for the view of `query` (without embed=1). */
  const response = (query, name) => {
    const preset = [query, look && `huisstijl=${look}`, 'embed=1'].filter(Boolean).join('&');
    const src = `${address}?${preset}`;
    return {
      ...start,
      title: name ? `${name} - Verkenner sociaal domein` : start.title,
      provider_url: address,
      // The quote with a link comes first: WordPress shows it until the frame reports its
      // height (and loads its wp-embed script only for embeds that have one); elsewhere it
      // is the embed's caption, and the way in without the frame.
      html: `<blockquote><a href="${escapeHtml(query ? `${address}?${query}` : address)}">${escapeHtml(name ?? 'Verkenner sociaal domein')}</a></blockquote><iframe src="${escapeHtml(src)}" title="${escapeHtml(name ? `${name} - ${title}` : title)}" loading="lazy" width="800" height="600" style="width:100%;height:600px;border:0"></iframe><script src="${address}embed.js" async></script>`,
    };
  };
  writeFileSync(oembedPath, JSON.stringify(response('', null), null, 2) + '\n');

  // The views, from the corpus (already checked by the build).
  const views = [];
  const read = (f) => readFileSync(join(source, 'corpus', f), 'utf8');
  const unquote = (s) => JSON.parse(s);
  for (const block of read('themes.toml').split('[[theme]]').slice(1)) {
    const id = block.match(/^id = (".*")$/m), label = block.match(/^label = (".*")$/m);
    if (id && label) views.push({ kind: 'thema', id: unquote(id[1]), name: `Thema ${unquote(label[1])}`, query: `thema=${unquote(id[1])}` });
  }
  for (const block of read('kernvragen.toml').split('[[kernvraag]]').slice(1)) {
    const id = block.match(/^id = (".*")$/m), question = block.match(/^question = (".*")$/m);
    if (id && question) views.push({ kind: 'kernvraag', id: unquote(id[1]), name: unquote(question[1]), query: `kernvraag=${unquote(id[1])}` });
  }
  for (const file of readdirSync(join(source, 'corpus', 'documents')).filter((f) => f.endsWith('.md')).sort()) {
    const text = read(join('documents', file));
    const id = text.match(/^id = (".*")$/m), name = text.match(/^title = (".*")$/m);
    if (id && name) views.push({ kind: 'document', id: unquote(id[1]), name: unquote(name[1]), query: `doc=${unquote(id[1])}` });
  }
  for (const v of views) {
    if (!/^[a-z0-9-]+$/.test(v.id)) throw new Error(`postbuild: ${v.kind} id ${JSON.stringify(v.id)} is not lowercase letters, digits and hyphens`);
  }
  for (const kind of ['oembed', 'thema', 'kernvraag', 'document']) rmSync(join(dir, kind), { recursive: true, force: true });
  mkdirSync(join(dir, 'oembed'));
  for (const v of views) {
    writeFileSync(join(dir, 'oembed', `${v.kind}-${v.id}.json`), JSON.stringify(response(v.query, v.name), null, 2) + '\n');
    const target = `../../?${v.query}`;
    const announce = base
      ? `<link rel="alternate" type="application/json+oembed" href="${base}oembed/${v.kind}-${v.id}.json" title="${escapeHtml(v.name)}"><link rel="canonical" href="${escapeHtml(`${base}?${v.query}`)}">`
      : '';
    mkdirSync(join(dir, v.kind, v.id), { recursive: true });
    writeFileSync(join(dir, v.kind, v.id, 'index.html'), `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="../../icon.svg" type="image/svg+xml">
<title>${escapeHtml(v.name)} - Verkenner sociaal domein</title>${announce}
<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">
</head><body><p><a href="${escapeHtml(target)}">${escapeHtml(v.name)}: open de Verkenner sociaal domein</a></p></body></html>
`);
  }
  if (base) {
    const indexPath = join(dir, 'index.html');
    const index = readFileSync(indexPath, 'utf8').replace(/<link rel="alternate" type="application\/json\+oembed"[^>]*>/g, '');
    const link = `<link rel="alternate" type="application/json+oembed" href="${base}oembed.json" title="Verkenner sociaal domein">`;
    writeFileSync(indexPath, intoHead(index, link));
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
// Not for this worker either: the oEmbed files and discovery pages (for content systems), the
// sandboxed iframe's bundle (a page without an origin has no service worker) and the token
// themes (cached when first asked for: see sw.js).
const NOT_PRECACHED = /^(oembed|thema|kernvraag|document)\/|^embed-app-[0-9a-f]{16}\.js$|^huisstijl-/;
// The manifest's PNG icons are for installing the app: the browser fetches them when it
// installs (and keeps them with the installed app), the page never asks for them. Precaching
// them added 2.7 KB brotli to every first visit.
const FOR_INSTALLING = /^icon-\d+\.png$/;
// index.html is cached once, as './' (navigations are answered with it whatever their path).
const precache = ['./', ...built.filter((f) => f !== 'index.html' && !FOR_HOSTS.has(f) && !FOR_INSTALLING.test(f) && !NOT_PRECACHED.test(f)).map((f) => `./${f}`)];
writeFileSync(
  join(dir, 'sw.js'),
  sw.replace(/const BUILD = '[^']*';/, `const BUILD = '${build}';`).replace(/const FILES = .*;/, `const FILES = ${JSON.stringify(precache)};`),
);
console.log(`postbuild: build ${build}, ${precache.length} files precached`);
