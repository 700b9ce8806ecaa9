// Part 2: where the wasm's bytes go. twiggy (crates.io, 0.7.0) over the wasm as wasm-bindgen
// leaves it, before wasm-opt, so function names are still there: the top items, and every item
// grouped by the crate (and, for ours, the module) it comes from.

import { execFile } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { num } from './util.mjs';

const run = promisify(execFile);

const GROUPS = [
  ['leptos/tachys/reactive_graph', /^(leptos\w*|tachys|reactive_graph|reactive_stores\w*|any_spawner|throw_error|or_poisoned|hydration_context|server_fn\w*|oco_ref|slotmap|next_tuple|either_of|guardian|send_wrapper|futures\w*|pin_project\w*|async_lock|event_listener\w*|concurrent_queue|drain_filter_polyfill|indexmap|rustc_hash|hashbrown)$/],
  ['verkenner::ui', /^verkenner::ui$/],
  ['verkenner::search/index/text + stemmer', /^(verkenner::(search|index|text)|rust_stemmers)$/],
  ['verkenner, the rest (corpus, state, lib)', /^verkenner(::.*)?$/],
  ['serde/postcard', /^(serde\w*|postcard|cobs|heapless|erased_serde)$/],
  ['core/alloc/std', /^((core|alloc|std)(::\w+)?|__rustc|compiler_builtins|dlmalloc|panic_abort|panic_unwind)$/],
  ['wasm_bindgen/web_sys/js_sys', /^(wasm_bindgen\w*|web_sys|js_sys|wasm_streams|console_error_panic_hook|gloo\w*)$/],
];

/** The crate an item's code belongs to: the first path in its name (`<T as a::B>` -> a). */
function crateOf(name) {
  // The precompiled standard library names its crates with a hash: core[c5930c85a12de822]::fmt.
  const m = name.match(/(?:^|[^A-Za-z0-9_])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::(?:([a-z_][a-z0-9_]*)::)?/);
  if (!m) return null;
  // Ours, and the standard library, one level deeper: which module, not only which crate.
  return ['verkenner', 'core', 'alloc', 'std'].includes(m[1]) && m[2] ? `${m[1]}::${m[2]}` : m[1];
}

export function groupOf(name) {
  if (/^data\[\d+\]$|^data segment/.test(name)) return ['data segments', 'data'];
  if (/"function names" subsection|^custom section|"local names"|"module name"|^producers|^target_features/.test(name)) {
    return ['(not shipped: names, custom sections)', 'names'];
  }
  if (/^(import|export) /.test(name)) return ['other', `${name.split(' ')[0]}s`];
  const crate = crateOf(name);
  if (crate) {
    for (const [group, re] of GROUPS) if (re.test(crate)) return [group, crate];
    return ['other', crate];
  }
  // Unnamed code, tables, types, imports, exports, the element section and headers.
  return ['other', /\[\d+\]$/.test(name) ? name.replace(/\[\d+\]$/, '[]') : 'unnamed'];
}

/** Parses twiggy's CSV (quoted fields, "" for a quote). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The wasm with names: wasm-bindgen run again over cargo's output (Trunk keeps no copy). */
async function namedWasm(repo) {
  const cargoWasm = join(repo, 'target/wasm32-unknown-unknown/release/verkenner-app.wasm');
  await stat(cargoWasm);
  const out = join(repo, 'target/bench-page/wasm');
  await mkdir(out, { recursive: true });
  try {
    await run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, cargoWasm]);
    return { path: join(out, 'verkenner-app_bg.wasm'), note: `${cargoWasm} after wasm-bindgen (as Trunk runs it), before wasm-opt` };
  } catch (err) {
    return { path: cargoWasm, note: `${cargoWasm} as cargo left it (wasm-bindgen failed: ${String(err.message).split('\n')[0]}), so it still holds wasm-bindgen's custom section` };
  }
}

export async function printProfile(repo, distDir) {
  const { stdout: version } = await run('twiggy', ['--version']).catch(() => ({ stdout: '' }));
  if (!version) throw new Error('twiggy is not installed: make bench-page installs it (cargo install twiggy --version 0.7.0 --locked)');
  const wasm = await namedWasm(repo);
  const shipped = (await readdir(distDir)).filter((f) => f.endsWith('.wasm'));
  const shippedSize = shipped.length ? (await stat(join(distDir, shipped[0]))).size : NaN;
  const { size } = await stat(wasm.path);
  console.log(`${version.trim()} over ${wasm.note}: ${size} bytes; shipped dist/${shipped[0]} (after wasm-opt -Oz, names dropped): ${shippedSize} bytes\n`);
  const { stdout: top } = await run('twiggy', ['top', '-n', '25', wasm.path], { maxBuffer: 64 << 20 });
  console.log(top.trimEnd());

  const { stdout: csv } = await run('twiggy', ['top', '-n', '100000', '--format', 'csv', wasm.path], { maxBuffer: 256 << 20 });
  const rows = parseCsv(csv).slice(1).filter((r) => r.length >= 2 && r[0] && !/^\.\.\. and \d+ more|^Σ/.test(r[0]));
  const groups = new Map();
  let all = 0, shippedItems = 0;
  for (const [name, shallow] of rows) {
    const bytes = Number(shallow);
    if (!Number.isFinite(bytes)) continue;
    const [group, crate] = groupOf(name);
    const g = groups.get(group) ?? { bytes: 0, items: 0, crates: new Map() };
    g.bytes += bytes;
    g.items += 1;
    g.crates.set(crate, (g.crates.get(crate) ?? 0) + bytes);
    groups.set(group, g);
    all += bytes;
    if (group !== '(not shipped: names, custom sections)') shippedItems += bytes;
  }
  console.log(`\nby crate (shallow bytes of all ${rows.length} items, which sum to ${all} of ${size}; % of code + data, names left out).`);
  console.log('Generic code counts for the crate that defines the function: core::ptr (drop_in_place) and core::slice (sort)');
  console.log('instantiated for leptos or our types count under core/alloc/std.');
  console.log(`${'group'.padEnd(42)} ${'bytes'.padStart(9)} ${'%'.padStart(6)} ${'items'.padStart(6)}  largest parts`);
  const order = [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
  for (const [group, g] of order) {
    const share = group.startsWith('(not shipped') ? '' : ((100 * g.bytes) / shippedItems).toFixed(1);
    const parts = [...g.crates.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, b]) => `${c} ${b}`).join(', ');
    console.log(`${group.padEnd(42)} ${num(g.bytes)} ${share.padStart(6)} ${num(g.items, 6)}  ${parts}`);
  }
  console.log(`${'code + data (what wasm-opt then shrinks)'.padEnd(42)} ${num(shippedItems)}`);
}
