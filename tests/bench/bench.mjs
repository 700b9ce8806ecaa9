// The JavaScript half of `make bench`: our engine compiled to wasm (wasm-bindgen, nodejs
// target) and the peers MiniSearch and FlexSearch, in the same node process, on the same
// passages and queries, measured the same way; then relevance of all three on the queries of
// tests/relevance.toml over the real passages, scored as tests/it/search.rs scores ours.
// Prints figures; asserts nothing.
//
// Ours is measured as the app runs it on each keystroke: the 10 best passages with facet
// counts and explained hits with snippets; the peers return the ids of their 10 best.
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
// pkg: built with the bench-wasm profile (opt-level 3); pkg-release: with the app's release
// profile (opt-level "z", size first).
const { BenchEngine } = require(join(process.cwd(), dir, 'pkg', 'verkenner.js'));
const { BenchEngine: ReleaseEngine } = require(join(process.cwd(), dir, 'pkg-release', 'verkenner.js'));
const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8'));
// BENCH_SCALES=real,1000 measures only those (a quicker look); make bench measures all.
const scales = process.env.BENCH_SCALES?.split(',') ?? ['real', '1000', '10000', '100000'];
// Untimed rounds first, the same for every engine: V8 compiles wasm with a baseline compiler
// and JavaScript with an interpreter first, and optimises what runs often; one round left
// much of our wasm unoptimised. The figures are for engines warmed up alike, as a reader's
// session is after a few queries.
const WARM_UP = 20;
// Rounds over the real passages before anything is timed (see below).
const FIRST_WARM_UP = 2000;
// Each engine is timed in BLOCKS blocks, the engines of a corpus in turn (in alternating
// order), each block after a garbage collection; an engine's figures pool its blocks. A block
// holds as many rounds over the queries as fit in BLOCK_MS (at least MIN_ROUNDS, at most
// MAX_ROUNDS). Timed once each, right after another engine had built its index or answered,
// an engine's median swung 2 to 4 times between runs (another's garbage, a moment of load);
// in turns, such a moment falls on all of them alike.
const BLOCKS = 6;
const BLOCK_MS = 300;
const MIN_ROUNDS = 2;
const MAX_ROUNDS = 100;

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1);
const us = (ms) => (ms * 1000).toFixed(1);

/**
 * Median and p95 in ms of each of `runs` (name -> run(query)) over the query list: warmed up,
 * then timed in blocks in turn (see BLOCKS). Also the timed rounds per block.
 */
function latencies(runs) {
  const names = Object.keys(runs);
  const rounds = {};
  for (const name of names) {
    const start = performance.now();
    for (let round = 0; round < WARM_UP; round++) for (const q of queries) runs[name](q);
    const perRound = (performance.now() - start) / WARM_UP;
    rounds[name] = Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, Math.floor(BLOCK_MS / perRound)));
  }
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let block = 0; block < BLOCKS; block++) {
    for (const name of block % 2 ? [...names].reverse() : names) {
      globalThis.gc?.();
      const run = runs[name];
      for (let round = 0; round < rounds[name]; round++) {
        for (const q of queries) {
          const start = performance.now();
          run(q);
          times[name].push(performance.now() - start);
        }
      }
    }
  }
  return Object.fromEntries(names.map((name) => {
    const t = times[name].sort((a, b) => a - b);
    const at = (p) => t[Math.round((t.length - 1) * p)];
    return [name, { median: at(0.5), p95: at(0.95), rounds: rounds[name] }];
  }));
}

/** Times `fn` after a garbage collection (node --expose-gc), so no engine pays for another's garbage. */
function timed(fn) {
  globalThis.gc?.();
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

// Before anything is timed, every engine answers the queries over the real passages for a
// while, and the process then pauses: the first corpus measured otherwise pays for V8 still
// compiling the hot code in the background (its figures swung 2x between runs). V8 compiles
// wasm with a baseline compiler first and moves a function to its optimising compiler only
// after many calls: after 200 rounds our real-corpus median was still 1.8x what it was after
// 2 000, which is what `node --no-liftoff` (optimised from the start) measures.
{
  const passages = JSON.parse(readFileSync(join(dir, 'passages-real.json'), 'utf8'));
  const docs = passages.map((p, i) => ({ id: i, text: p.text, title: p.title ?? '' }));
  const engines = [
    new BenchEngine(readFileSync(join(dir, 'corpus-real.bin')), readFileSync(join(dir, 'index-real.bin'))),
    new ReleaseEngine(readFileSync(join(dir, 'corpus-real.bin')), readFileSync(join(dir, 'index-real.bin'))),
  ];
  const mini = new MiniSearch(miniOptions);
  mini.addAll(docs);
  const flex = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'id', index: ['title', 'text'] } });
  for (const d of docs) flex.add(d);
  for (let round = 0; round < FIRST_WARM_UP; round++) {
    for (const q of queries) {
      for (const e of engines) e.search(q, 10);
      mini.search(q);
      flex.search(q, { limit: 10 });
    }
  }
  engines.forEach((e) => e.free());
  await new Promise((done) => setTimeout(done, 500));
}

const rows = [];
for (const scale of scales) {
  const passages = JSON.parse(readFileSync(join(dir, `passages-${scale}.json`), 'utf8'));
  const docs = passages.map((p, i) => ({ id: i, text: p.text, title: p.title ?? '' }));
  const corpusBytes = readFileSync(join(dir, `corpus-${scale}.bin`));
  const indexBytes = readFileSync(join(dir, `index-${scale}.bin`));

  // Ours: the index is built at build time; start-up decodes it.
  const ours = timed(() => new BenchEngine(corpusBytes, indexBytes));
  const release = timed(() => new ReleaseEngine(corpusBytes, indexBytes));
  const steps = Array.from(BenchEngine.load_steps(corpusBytes, indexBytes));

  // MiniSearch: built in the page, or loaded from its serialised JSON.
  const mini = timed(() => { const m = new MiniSearch(miniOptions); m.addAll(docs); return m; });
  const miniJson = JSON.stringify(mini.value);
  const miniLoad = timed(() => MiniSearch.loadJSON(miniJson, miniOptions));
  // Only the loaded copy is searched; the built one need not take memory while others are timed.
  mini.value = null;

  // FlexSearch: the Document index over the same fields, forward tokenizer for prefixes.
  const flex = timed(() => {
    const f = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'id', index: ['title', 'text'] } });
    for (const d of docs) f.add(d);
    return f;
  });
  const flexBytes = await flexExport(flex.value);

  const t = latencies({
    ours: (q) => ours.value.search(q, 10),
    release: (q) => release.value.search(q, 10),
    mini: (q) => miniLoad.value.search(q).slice(0, 10),
    flex: (q) => flex.value.search(q, { limit: 10 }),
  });
  ours.value.free();
  release.value.free();
  const { ours: oursLatency, release: releaseLatency, mini: miniLatency, flex: flexLatency } = t;
  console.error(`${scale}: timed rounds per block: ${Object.entries(t).map(([name, x]) => `${name} ${x.rounds}`).join(', ')}`);

  rows.push({
    scale, n: passages.length,
    ours: { indexRaw: indexBytes.length, indexBr: brotli(indexBytes), load: ours.ms, steps, ...oursLatency },
    release: { load: release.ms, ...releaseLatency },
    mini: { raw: Buffer.byteLength(miniJson), br: brotli(Buffer.from(miniJson)), build: mini.ms, load: miniLoad.ms, ...miniLatency },
    flex: { raw: flexBytes.length, br: brotli(flexBytes), build: flex.ms, ...flexLatency },
  });
}

const line = (name, scale, n, raw, br, load, t) =>
  console.log(`${name.padEnd(22)} ${scale.padStart(7)} ${String(n).padStart(8)} ${raw === null ? ''.padStart(17) : `${kb(raw).padStart(8)} (${kb(br).padStart(6)})`} ${load.toFixed(1).padStart(9)} ${us(t.median).padStart(10)} ${us(t.p95).padStart(9)}`);
console.log(`\nwasm in node (same process, same passages, same ${queries.length} queries, top 10, ${WARM_UP} untimed warm-up rounds for every engine, then ${BLOCKS} timed blocks of up to ${BLOCK_MS} ms each, the engines in turn, each block after a garbage collection; all engines first warmed up together over the real passages for ${FIRST_WARM_UP} rounds)`);
console.log(`verkenner: wasm built with cargo profile "${BenchEngine.profile()}" (opt-level 3); "(release)": profile "${ReleaseEngine.profile()}" (opt-level z, as the app ships)`);
console.log('engine                  corpus passages   index KB (br)   load ms  median µs    p95 µs');
for (const r of rows) {
  line('verkenner', r.scale, r.n, r.ours.indexRaw, r.ours.indexBr, r.ours.load, r.ours);
  line('verkenner (release)', r.scale, r.n, null, null, r.release.load, r.release);
  line('minisearch', r.scale, r.n, r.mini.raw, r.mini.br, r.mini.load, r.mini);
  line('flexsearch', r.scale, r.n, r.flex.raw, r.flex.br, r.flex.build, r.flex);
}
console.log('\nratios (peer / verkenner; above 1 means verkenner is faster or smaller)');
console.log('corpus      median vs mini   median vs flex      p95 vs mini      p95 vs flex   index br vs mini');
for (const r of rows) {
  const f = (a, b) => (a / b).toFixed(2).padStart(16);
  console.log(`${r.scale.padEnd(10)} ${f(r.mini.median, r.ours.median)} ${f(r.flex.median, r.ours.median)} ${f(r.mini.p95, r.ours.p95)} ${f(r.flex.p95, r.ours.p95)} ${f(r.mini.br, r.ours.indexBr).padStart(18)}`);
}
console.log('\nnotes: verkenner load = decoding corpus + index and setting up the engine in wasm (the index is built at build time); minisearch load = loadJSON of its serialised index; flexsearch "load" = its build time (its export is not one loadable file). verkenner answers as the app does: the 10 best with facet counts and explained, marked snippets; the peers return their 10 best ids.');
console.log('verkenner load steps, ms (corpus decode / index copy / index decode / engine set-up): ' + rows.map((r) => `${r.scale} ${r.ours.steps.map((x) => x.toFixed(0)).join(' / ')}`).join('; '));
console.log(`memory: wasm linear memory after the benchmark ${(BenchEngine.memory_bytes() / 1048576).toFixed(1)} MiB`);

// Relevance: the queries of tests/relevance.toml over the real passages.
const relevance = JSON.parse(readFileSync(join(dir, 'relevance.json'), 'utf8'));
const meta = relevance.passages;
const realDocs = JSON.parse(readFileSync(join(dir, 'passages-real.json'), 'utf8')).map((p, i) => ({ id: i, text: p.text, title: p.title ?? '' }));
const miniReal = new MiniSearch(miniOptions);
miniReal.addAll(realDocs);
const flexReal = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'id', index: ['title', 'text'] } });
for (const d of realDocs) flexReal.add(d);

/** True if passage `i` passes the case's filters (values within a filter are alternatives). */
function admits(filters, i) {
  const m = meta[i];
  const ok = (values, have) => values.length === 0 || values.some((v) => (Array.isArray(have) ? have.includes(v) : have === v));
  return ok(filters.theme, m.theme) && ok(filters.stance, m.stance) && ok(filters.kind, m.kind) && ok(filters.document, m.document) && ok(filters.year, m.year);
}

/** Scores ranked passage ids per case as tests/it/search.rs does. */
function score(rankedOf) {
  const t = { expected: 0, found: 0, firsts: 0, first: 0, top3s: 0, top3: 0, absent: 0, absentBad: 0, minHits: 0, minHitsBad: 0, passed: 0, cases: relevance.cases.length };
  for (const c of relevance.cases) {
    const ranked = rankedOf(c);
    const rank = (id) => { const r = ranked.indexOf(id); return r < 0 ? null : r; };
    let ok = true;
    for (const id of [...c.find, ...c.top3, ...c.first]) {
      t.expected++;
      if (rank(id) !== null) t.found++; else ok = false;
    }
    for (const id of c.top3) { t.top3s++; const r = rank(id); if (r !== null && r < 3) t.top3++; else ok = false; }
    for (const id of c.first) { t.firsts++; if (rank(id) === 0) t.first++; else ok = false; }
    for (const id of c.absent) { t.absent++; if (rank(id) !== null) { t.absentBad++; ok = false; } }
    if (c.min_hits != null) { t.minHits++; if (ranked.length < c.min_hits) { t.minHitsBad++; ok = false; } }
    if (ok) t.passed++;
  }
  return t;
}

const filtered = (c, indices) => indices.filter((i) => admits(c.filters, i)).map((i) => meta[i].id);
const relevanceRows = [
  ['verkenner', score((c) => c.ours)],
  ['minisearch', score((c) => filtered(c, miniReal.search(c.query).map((r) => r.id)))],
  ['flexsearch', score((c) => filtered(c, flexReal.search(c.query, { limit: 1000, merge: true }).map((r) => r.id)))],
];
console.log(`\nrelevance: the ${relevance.cases.length} queries of tests/relevance.toml over the ${meta.length} real passages, every hit counted, filters applied to the peers' hits; scored as tests/it/search.rs scores ours`);
console.log('engine        recall          first           top-3           absent kept out     min hits met     cases passed');
const frac = (a, b) => `${a}/${b} (${b ? Math.round((100 * a) / b) : 100}%)`.padEnd(16);
for (const [name, t] of relevanceRows) {
  console.log(`${name.padEnd(13)} ${frac(t.found, t.expected)}${frac(t.first, t.firsts)}${frac(t.top3, t.top3s)}${frac(t.absent - t.absentBad, t.absent)}    ${frac(t.minHits - t.minHitsBad, t.minHits)} ${frac(t.passed, t.cases)}`);
}
