// Trunk post_build hook: writes the precache list and the build id into sw.js, and the build
// id into index.html, in Trunk's staging folder (TRUNK_STAGING_DIR).
//
// The build id is a hash of every built file, so any change gives a new worker and a new
// cache, and the page can say which build it runs.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('postbuild: set TRUNK_STAGING_DIR or pass the folder');

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
const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
hash.update(sw.replace(/const BUILD = '[^']*';/, '').replace(/const FILES = .*;/, ''));
const build = hash.digest('hex').slice(0, 12);

const indexPath = join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8').replace(/<meta name="verkenner-build"[^>]*>\s*/g, '');
writeFileSync(indexPath, index.replace('</head>', `  <meta name="verkenner-build" content="${build}">\n  </head>`));

const precache = ['./', ...built.map((f) => `./${f}`)];
writeFileSync(
  join(dir, 'sw.js'),
  sw.replace(/const BUILD = '[^']*';/, `const BUILD = '${build}';`).replace(/const FILES = .*;/, `const FILES = ${JSON.stringify(precache)};`),
);
console.log(`postbuild: build ${build}, ${precache.length} files precached`);
