// The JavaScript half of `make bench`: our engine compiled to wasm (wasm-bindgen, nodejs
// target) and the peers MiniSearch and FlexSearch, in the same node process, on the same
// passages and queries, measured the same way. Prints figures; asserts nothing.
//
//   node tests/bench/bench.mjs target/bench

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants } from 'node:zlib';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';

const dir = process.argv[2] ?? 'target/bench';
const require = createRequire(import.meta.url);
const { BenchEngine } = require(join(process.cwd(), dir, 'pkg', 'verkenner.js'));
const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8'));
const scales = ['real', '1000', '10000', '100000'];
const ROUNDS = 5;

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1);
const us = (ms) => (ms * 1000).toFixed(1);

/** Median and p95 in ms of `run(query)` over the query list, after one warm-up round. */
function latency(run) {
  const times = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      run(q);
      const t = performance.now() - start;
      if (round > 0) times.push(t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.round((times.length - 1) * p)];
  return { median: at(0.5), p95: at(0.95) };
}

function timed(fn) {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const miniOptions = {
  fields: ['title', 'text'],
  storeFields: [],
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
};

async function flexExport(index) {
  const parts = [];
  await index.export((key, data) => { parts.push(key, data ?? ''); });
  return Buffer.from(parts.join('\n'));
}

const rows = [];
for (const scale of scales) {
  const passages = JSON.parse(readFileSync(join(dir, `passages-${scale}.json`), 'utf8'));
  const docs = passages.map((p, i) => ({ id: i, text: p.text, title: p.title ?? '' }));
  const corpusBytes = readFileSync(join(dir, `corpus-${scale}.bin`));
  const indexBytes = readFileSync(join(dir, `index-${scale}.bin`));

  // Ours: the index is built at build time; start-up decodes it.
  const ours = timed(() => new BenchEngine(corpusBytes, indexBytes));
  const oursLatency = latency((q) => ours.value.search(q, 10));

  // MiniSearch: built in the page, or loaded from its serialised JSON.
  const mini = timed(() => { const m = new MiniSearch(miniOptions); m.addAll(docs); return m; });
  const miniJson = JSON.stringify(mini.value);
  const miniLoad = timed(() => MiniSearch.loadJSON(miniJson, miniOptions));
  const miniLatency = latency((q) => miniLoad.value.search(q).slice(0, 10));

  // FlexSearch: the Document index over the same fields, forward tokenizer for prefixes.
  const flex = timed(() => {
    const f = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'id', index: ['title', 'text'] } });
    for (const d of docs) f.add(d);
    return f;
  });
  const flexBytes = await flexExport(flex.value);
  const flexLatency = latency((q) => flex.value.search(q, { limit: 10 }));

  rows.push({
    scale, n: passages.length,
    ours: { raw: corpusBytes.length + indexBytes.length, br: brotli(Buffer.concat([corpusBytes, indexBytes])), indexRaw: indexBytes.length, indexBr: brotli(indexBytes), load: ours.ms, ...oursLatency },
    mini: { raw: Buffer.byteLength(miniJson), br: brotli(Buffer.from(miniJson)), build: mini.ms, load: miniLoad.ms, ...miniLatency },
    flex: { raw: flexBytes.length, br: brotli(flexBytes), build: flex.ms, ...flexLatency },
  });
}

console.log('\nwasm in node (same process, same passages, same %d queries, top 10, %d rounds)', queries.length, ROUNDS);
console.log('engine        corpus  passages  index KB (br)   load ms  median µs   p95 µs');
for (const r of rows) {
  console.log(`verkenner   ${r.scale.padStart(8)} ${String(r.n).padStart(9)} ${kb(r.ours.indexRaw).padStart(8)} (${kb(r.ours.indexBr).padStart(6)}) ${r.ours.load.toFixed(1).padStart(9)} ${us(r.ours.median).padStart(10)} ${us(r.ours.p95).padStart(8)}`);
  console.log(`minisearch  ${r.scale.padStart(8)} ${String(r.n).padStart(9)} ${kb(r.mini.raw).padStart(8)} (${kb(r.mini.br).padStart(6)}) ${r.mini.load.toFixed(1).padStart(9)} ${us(r.mini.median).padStart(10)} ${us(r.mini.p95).padStart(8)}`);
  console.log(`flexsearch  ${r.scale.padStart(8)} ${String(r.n).padStart(9)} ${kb(r.flex.raw).padStart(8)} (${kb(r.flex.br).padStart(6)}) ${r.flex.build.toFixed(1).padStart(9)} ${us(r.flex.median).padStart(10)} ${us(r.flex.p95).padStart(8)}`);
}
console.log('\nratios (peer / verkenner; above 1 means verkenner is faster or smaller)');
console.log('corpus      median vs mini  median vs flex   p95 vs mini   p95 vs flex   index br vs mini');
for (const r of rows) {
  const f = (a, b) => (a / b).toFixed(2).padStart(14);
  console.log(`${r.scale.padEnd(10)} ${f(r.mini.median, r.ours.median)} ${f(r.flex.median, r.ours.median)} ${f(r.mini.p95, r.ours.p95)} ${f(r.flex.p95, r.ours.p95)} ${f(r.mini.br, r.ours.indexBr)}`);
}
console.log('\nnotes: verkenner load = decoding corpus + index in wasm (built at build time); flexsearch "load" column shows its build time (its export is not a loadable single file); verkenner queries include facet counts and marked snippets of the 10 hits, the peers return ids only.');
console.log(`memory: wasm linear memory after the benchmark ${(BenchEngine.memory_bytes() / 1048576).toFixed(1)} MiB`);
