// The in-browser half of `make bench` (alone: `make bench-page`): what a visitor of the built
// site gets, measured on this machine. Prints figures; asserts nothing, fails on no budget.
//
//   1. the bytes a first visit downloads, raw / gzip -9 / brotli -q 11, against budget.json;
//   2. the wasm size profile (twiggy): top items and a summary by crate;
//   3. start-up in headless Chromium: to the first result list and the first answered query;
//   4. per-keystroke query latency of our search box, median and p95, at 1x and 4x CPU;
//   5. the same for MiniSearch and FlexSearch in the same page over the same passages;
//   6. wasm linear memory after start-up and after 1 000 queries;
//   7. Lighthouse scores (mobile).
//
//   node tests/bench/page.mjs        (from the repository root, after `make dist`)

import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../browser/harness.mjs';
import { startServer } from '../browser/server.mjs';
import { RATES, latency, memory, passagesFromCli, printLatency, printMemory, printStartup, startup } from './page/browser.mjs';
import { printBreakdown } from './page/breakdown.mjs';
import { printLighthouse, startBrotliServer } from './page/lighthouse.mjs';
import { printProfile } from './page/profile.mjs';
import { printSizes } from './page/sizes.mjs';
import { printWordLatency, wordLatency } from './page/words.mjs';
import { heading, part } from './page/util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const out = join(repo, 'target', 'bench-page');
// A copy of dist/ taken at the start: others may rebuild dist/ while this runs.
const dist = join(out, 'site');
const PREFIX = '/verkenner/';
const STARTUP_QUERY = 'bezuinigingen';

// Queries a citizen types, from tests/relevance.toml (trailing spaces are part of them: a
// finished word, no longer a prefix). Those no longer in that file are left out.
const WANTED = [
  'bezuinigingen', 'kwetsbaar', 'wijkteam', 'mantelzorgers', 'eenzaamheid', 'proeftuinen', 'zelfred',
  'bezuinigngen ', 'client ', '"dichter bij de burger"', 'wmo', 'jeugdhulp', 'inwoners betrekken',
  'gemeenten -jeugd', 'eigen kracht', 'ouderen dagbesteding',
];

async function relevanceQueries() {
  const toml = await readFile(join(repo, 'tests', 'relevance.toml'), 'utf8');
  const present = new Set([...toml.matchAll(/^query = ("(?:[^"\\]|\\.)*")\s*$/gm)].map((m) => JSON.parse(m[1])));
  const queries = WANTED.filter((q) => present.has(q));
  const missing = WANTED.filter((q) => !present.has(q));
  return { queries, missing };
}

const sh = (cmd, args, timeout = 900000) => new Promise((ok, fail) => execFile(cmd, args,
  { cwd: repo, maxBuffer: 256 << 20, timeout }, (err, stdout, stderr) => (err ? fail(new Error(`${cmd} ${args.join(' ')}: ${String(stderr || err.message).trim().split('\n').slice(-3).join(' / ')}`)) : ok(stdout))));

/** Every passage with its text: from the CLI (an empty query lists them all), else bench.rs's file. */
async function passages() {
  try {
    const json = await sh('cargo', ['run', '--release', '--quiet', '--bin', 'verkenner', '--', 'search', '--json', '--limit', '1000', '']);
    return { list: passagesFromCli(json), from: 'cargo run --bin verkenner -- search --json --limit 1000 ""' };
  } catch (err) {
    const file = join(repo, 'target', 'bench', 'passages-real.json');
    const list = JSON.parse(await readFile(file, 'utf8'));
    return { list, from: `${file} (the CLI failed: ${err.message})` };
  }
}

const started = Date.now();
await mkdir(out, { recursive: true });
const budget = JSON.parse(await readFile(join(here, 'budget.json'), 'utf8'));
const built = await stat(join(repo, 'dist', 'index.html')).catch(() => null);
if (!built) {
  console.log('dist/index.html is missing: run `make dist` first (make bench-page does).');
  process.exit(1);
}
await rm(dist, { recursive: true, force: true });
await cp(join(repo, 'dist'), dist, { recursive: true });
const { queries, missing } = await relevanceQueries();
const corpus = await passages();
console.log(`page benchmark of dist/ (built ${built.mtime.toISOString()}, served from a copy in target/bench-page/site), Chromium ${'/usr/bin/chromium'}, ${queries.length} queries from tests/relevance.toml${missing.length ? ` (not there any more: ${missing.join(', ')})` : ''}`);
console.log(`passages for the peers: ${corpus.list.length}, from ${corpus.from}`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`machine: ${cpus().length} cores, load average ${load()} at the start (other work on the machine shows up in the times)`);

const browser = await launch();
const server = await startServer({ root: dist, prefix: PREFIX });
const summary = {};
try {
  summary.sizes = await part('1. first visit: bytes over the network', () => printSizes(browser, server, dist, budget));
  await part('2. wasm size profile (twiggy)', () => printProfile(repo, dist));
  summary.startup = await part('3. start-up in headless Chromium', async () => {
    const all = [];
    for (const rate of RATES) all.push({ rate, runs: await startup(browser, server.url, rate, 5, STARTUP_QUERY) });
    printStartup(all, STARTUP_QUERY);
    return all;
  });
  summary.latency = await part('4+5. per-keystroke latency in the page: ours, MiniSearch, FlexSearch', async () => {
    const runs = await latency(browser, server.url, queries, corpus.list);
    printLatency(runs, queries);
    for (const run of runs) if (run.breakdown) printBreakdown(run.breakdown, queries.reduce((n, q) => n + [...q].length, 0));
    return runs;
  });
  summary.words = await part('4c. per-keystroke latency of the Woorden view\'s word box', async () => {
    const runs = await wordLatency(browser, server.url);
    printWordLatency(runs);
    return runs;
  });
  summary.memory = await part('6. memory', async () => {
    const m = await memory(browser, server.url, queries, 1000);
    printMemory(m);
    return m;
  });
} finally {
  await browser.close();
}
summary.lighthouse = await part('7. Lighthouse', async () => {
  const plain = await printLighthouse(`plain server (no compression) ${server.url}`, server.url, join(out, 'lighthouse-plain.json'));
  const br = await startBrotliServer(dist, PREFIX);
  let compressed;
  try {
    compressed = await printLighthouse(`brotli server (as a host would send it) ${br.url}`, br.url, join(out, 'lighthouse-brotli.json'));
  } finally {
    await br.close();
  }
  console.log(`full reports: ${join('target', 'bench-page', 'lighthouse-{plain,brotli}.json')}`);
  return { plain, compressed };
});
await server.close();

heading('summary');
const { median, p95 } = await import('./page/util.mjs');
const line = (label, value) => console.log(`${label.padEnd(52)} ${value}`);
if (summary.sizes) {
  line('first visit, brotli, each file once (goal < 200 000)', `${summary.sizes.unique.br} bytes${summary.sizes.unique.br > budget.first_visit_brotli ? ' OVER' : ' ok'}; wasm ${summary.sizes.kinds.wasm?.br ?? '-'}`);
  line('first visit, brotli, as fetched (repeats counted)', `${summary.sizes.wire.br} bytes in ${summary.sizes.wire.n} responses`);
}
for (const s of summary.startup ?? []) {
  line(`start-up at ${s.rate}x: first list / first query (median)`, `${median(s.runs.map((r) => r.list)).toFixed(0)} ms / ${median(s.runs.map((r) => r.query)).toFixed(0)} ms`);
}
for (const run of summary.latency ?? []) {
  const f = (name) => run.engines[name].map((r) => r.frame);
  const w = (name) => run.engines[name].map((r) => r.work);
  line(`keystroke to frame at ${run.rate}x, median / p95 (goal p95 16 ms at 4x)`,
    ['verkenner', 'minisearch', 'flexsearch'].map((n) => `${n} ${median(f(n)).toFixed(1)} / ${p95(f(n)).toFixed(1)}`).join('; '));
  line(`keystroke work at ${run.rate}x, median / p95`,
    ['verkenner', 'minisearch', 'flexsearch'].map((n) => `${n} ${median(w(n)).toFixed(1)} / ${p95(w(n)).toFixed(1)}`).join('; '));
}
for (const run of summary.words ?? []) {
  const f = run.records.map((r) => r.frame);
  line(`Woorden: keystroke to frame at ${run.rate}x, median / p95`, `${median(f).toFixed(1)} / ${p95(f).toFixed(1)}`);
}
if (summary.memory) line('wasm memory: start-up / after 1 000 queries', `${summary.memory.before.wasm ?? '-'} / ${summary.memory.after.wasm ?? '-'} bytes`);
for (const [name, report] of Object.entries(summary.lighthouse ?? {})) {
  if (!report?.categories || report.runtimeError) { line(`Lighthouse (${name})`, `no scores${report?.runtimeError ? ` (${report.runtimeError.code})` : ''}`); continue; }
  line(`Lighthouse (${name}): perf / a11y / best pr. / SEO`, ['performance', 'accessibility', 'best-practices', 'seo'].map((c) => Math.round((report.categories[c]?.score ?? NaN) * 100)).join(' / '));
}
console.log(`\nload average at the end: ${load()}`);
console.log(`page benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
