// Parts 3 to 6: the app in headless Chromium, served from dist/ on 127.0.0.1.
//  3. start-up: navigation start -> first rendered result list -> first answered query;
//  4. per-keystroke latency of our search box, typed character by character;
//  5. the same for MiniSearch and FlexSearch in the same page over the same passages;
//  6. wasm linear memory after start-up and after 1 000 queries.
// Each at CPU throttling 1x and 4x (DevTools protocol, Emulation.setCPUThrottlingRate).

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { traced } from './breakdown.mjs';
import { median, ms, num, p95 } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PROBE = join(here, 'probe.js');
const PEERS = join(here, 'peers.js');
// Browser builds that set globals (MiniSearch, FlexSearch); the packages do not export these paths.
const MODULES = join(here, '..', 'node_modules');
const MINISEARCH = join(MODULES, 'minisearch', 'dist', 'umd', 'index.js');
const FLEXSEARCH = join(MODULES, 'flexsearch', 'dist', 'flexsearch.bundle.min.js');

export const RATES = [1, 4];

export async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

// ---- 3. start-up ----------------------------------------------------------------------------

// Runs in the page before any of its scripts. The first query is typed from inside the page
// the moment the result list is on screen, so no round trip to the test driver is counted.
function startupProbe(query) {
  const out = (window.__startup = {});
  addEventListener('TrunkApplicationStarted', () => { out.started = performance.now(); });
  const observer = new MutationObserver(() => {
    if (out.listSeen == null) {
      if (!document.querySelector('ol.hits li')) return;
      out.listSeen = performance.now();
      requestAnimationFrame(() => {
        out.list = performance.now();
        const input = document.getElementById('zoekveld');
        if (!input) { out.error = 'no #zoekveld'; return; }
        out.queryStart = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    } else if (out.queryStart != null && out.changed == null) {
      out.changed = performance.now();
      requestAnimationFrame(() => { out.query = performance.now(); observer.disconnect(); });
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export async function startup(browser, url, rate, runs = 5, query = 'bezuinigingen') {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    await throttle(context, page, rate);
    await page.addInitScript(startupProbe, query);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__startup?.query != null || window.__startup?.error, null, { timeout: 120000, polling: 50 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { ...window.__startup, dcl: nav?.domContentLoadedEventEnd, load: nav?.loadEventEnd };
    });
    results.push(r);
    await context.close();
  }
  return results;
}

export function printStartup(all, query) {
  console.log(`times from navigation start (performance.timeOrigin), ms; median of ${all[0].runs.length} fresh contexts each (empty cache, no service worker).`);
  console.log(`"first list" = first animation frame with ol.hits holding passages; "first query" = "${query}" put in the box by the page itself`);
  console.log('at that frame, to the first frame after the results changed; "query alone" = the difference.\n');
  console.log(`${'cpu'.padEnd(6)} ${'DOMContentLoaded'.padStart(17)} ${'wasm started'.padStart(13)} ${'first list'.padStart(11)} ${'first query'.padStart(12)} ${'query alone'.padStart(12)}   runs (first list / first query)`);
  for (const { rate, runs } of all) {
    const pick = (k) => runs.map((r) => r[k]).filter(Number.isFinite);
    const alone = runs.map((r) => r.query - r.queryStart).filter(Number.isFinite);
    const each = runs.map((r) => `${Math.round(r.list)}/${Math.round(r.query)}`).join(' ');
    console.log(`${(rate + 'x').padEnd(6)} ${ms(median(pick('dcl')), 17)} ${ms(median(pick('started')), 13)} ${ms(median(pick('list')), 11)} ${ms(median(pick('query')), 12)} ${ms(median(alone), 12)}   ${each}`);
  }
}

// ---- 4 and 5. per-keystroke latency ---------------------------------------------------------

/** Types each query character by character into `input`; returns the probe's records. */
export async function typeQueries(page, engine, queries) {
  const records = [];
  let late = 0;
  for (const query of queries) {
    await page.evaluate(() => window.__probe.stop());
    await engine.clear(page);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.waitForTimeout(30);
    await page.focus(engine.input);
    await page.evaluate(([input, container]) => window.__probe.watch(input, container), [engine.input, engine.container]);
    let n = 0;
    for (const ch of query) {
      await page.keyboard.type(ch);
      n += 1;
      await page.waitForFunction((k) => window.__probe.records.length >= k, n, { timeout: 30000, polling: 'raf' });
      await page.waitForTimeout(20);
    }
    // The last keystroke's rows off the screen follow in the task after its frame.
    await page.evaluate(() => new Promise((ok) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(ok)), 50)));
    const got = await page.evaluate(() => ({ records: window.__probe.records, late: window.__probe.late }));
    records.push(...got.records.map((r) => ({ ...r, query })));
    late += got.late;
  }
  await page.evaluate(() => window.__probe.stop());
  records.late = late;
  return records;
}

const OURS = {
  name: 'verkenner',
  input: '#zoekveld',
  container: null, // any change in the document: the count, the list and the filter counts
  clear: async (page) => { await page.focus('#zoekveld'); await page.keyboard.press('Escape'); },
};
const peer = (name) => ({
  name,
  input: `#peer-${name}`,
  container: `#peer-${name}-section`,
  clear: (page) => page.evaluate((sel) => {
    const input = document.querySelector(sel);
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, `#peer-${name}`),
});

/** Passages for the peers: the CLI lists them all for an empty query; the JSON it prints. */
export function passagesFromCli(json) {
  return JSON.parse(json).map((h) => ({ id: h.passage, title: h.title ?? '', text: h.text }));
}

export async function latency(browser, url, queries, passages, rates = RATES) {
  const out = [];
  for (const rate of rates) {
    // bypassCSP: the app's policy would refuse the peers' injected scripts.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForSelector('ol.hits li', { timeout: 60000 });
    // Let the service worker finish precaching first, so its work does not fall in the figures.
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 30000 }).catch(() => {});
    await page.evaluate(await readFile(PROBE, 'utf8'));
    await throttle(context, page, rate);
    const ours = await typeQueries(page, OURS, queries);
    // Typed once more under a trace, to see where the time goes (the trace slows it down).
    const breakdown = rate === 4 ? await traced(context, page, () => typeQueries(page, OURS, queries)) : null;
    await page.addScriptTag({ path: MINISEARCH });
    await page.addScriptTag({ path: FLEXSEARCH });
    const build = await page.evaluate(`(${await readFile(PEERS, 'utf8')})(${JSON.stringify(passages)})`);
    const mini = await typeQueries(page, peer('minisearch'), queries);
    const flex = await typeQueries(page, peer('flexsearch'), queries);
    await context.close();
    out.push({ rate, build, errors, breakdown, engines: { verkenner: ours, minisearch: mini, flexsearch: flex } });
  }
  return out;
}

export function printLatency(runs, queries) {
  const keys = queries.reduce((n, q) => n + [...q].length, 0);
  console.log(`${queries.length} queries, ${keys} keystrokes each run, typed with page.keyboard one character at a time (20 ms pause after each answer):`);
  console.log(`  ${queries.map((q) => JSON.stringify(q)).join(' ')}`);
  console.log('per keystroke, ms, from the key (the keydown event\'s time stamp: time the page was busy before it took the key counts):');
  console.log('"to frame" = to the first animation frame after the last DOM change the keystroke made before that frame (results');
  console.log('on screen); "work" = to that last DOM change (search + render).');
  console.log('Ours lists 10 hits (more on request) with marked snippets, reasons and links, facet counts and the count line; the peers render their top 10 (title and text).');
  console.log('goal: to-frame p95 within 16 ms at 4x.');
  console.log('"no change": keystrokes that changed nothing on screen (counted at their first frame); "late": DOM changes made');
  console.log('after a keystroke\'s frame: ours updates the hits off the screen in the task after it (the peers have none);');
  console.log('"all p95" = p95 to the frame after the last of those (to frame where there were none).\n');
  console.log(`${'cpu'.padEnd(4)} ${'engine'.padEnd(11)} ${'to frame med'.padStart(12)} ${'p95'.padStart(7)} ${'max'.padStart(7)} ${'work med'.padStart(9)} ${'p95'.padStart(7)} ${'all p95'.padStart(8)} ${'no change'.padStart(10)} ${'late'.padStart(5)}  verdict`);
  for (const run of runs) {
    const stats = {};
    for (const [name, recs] of Object.entries(run.engines)) {
      const frame = recs.map((r) => r.frame), work = recs.map((r) => r.work);
      const all = recs.map((r) => Math.max(r.frame, r.rest ?? 0));
      stats[name] = { fm: median(frame), fp: p95(frame), wm: median(work), wp: p95(work), max: Math.max(...frame), ap: p95(all) };
      const s = stats[name];
      const verdict = run.rate === 4 && name === 'verkenner' ? (s.fp <= 16 ? 'ok: p95 within 16 ms' : `MISSES the 16 ms goal (p95 ${s.fp.toFixed(1)} ms)`) : '';
      console.log(`${(run.rate + 'x').padEnd(4)} ${name.padEnd(11)} ${ms(s.fm, 12)} ${ms(s.fp, 7)} ${ms(s.max, 7)} ${ms(s.wm, 9)} ${ms(s.wp, 7)} ${ms(s.ap, 8)} ${num(recs.filter((r) => !r.changed).length, 10)} ${num(recs.late, 5)}  ${verdict}`);
    }
    const o = stats.verkenner;
    for (const peerName of ['minisearch', 'flexsearch']) {
      const t = stats[peerName];
      console.log(`${(run.rate + 'x').padEnd(4)} ours/${peerName.padEnd(11)} to frame: median ${(o.fm / t.fm).toFixed(2)}, p95 ${(o.fp / t.fp).toFixed(2)}; work: median ${(o.wm / t.wm).toFixed(2)}, p95 ${(o.wp / t.wp).toFixed(2)}  (below 1: ours is faster)`);
    }
    console.log(`${(run.rate + 'x').padEnd(4)} peers' index built in the page over ${run.build.passages} passages: MiniSearch ${run.build.miniBuild.toFixed(1)} ms, FlexSearch ${run.build.flexBuild.toFixed(1)} ms (ours: built at compile time)`);
    if (run.errors.length) console.log(`${(run.rate + 'x').padEnd(4)} page errors: ${run.errors.join(' | ')}`);
  }
  const slow = runs.flatMap((run) => run.engines.verkenner.map((r) => ({ ...r, rate: run.rate })))
    .sort((a, b) => b.work - a.work).slice(0, 5);
  console.log(`slowest keystrokes of ours (work): ${slow.map((r) => `${r.rate}x ${JSON.stringify(r.value)} ${r.work.toFixed(1)} ms`).join(', ')}`);
}

// ---- 6. memory ------------------------------------------------------------------------------

function memoryProbe() {
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__wasmMemory = event.detail?.wasm?.memory ?? null;
  });
}

export async function memory(browser, url, queries, count = 1000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(memoryProbe);
  await page.goto(url);
  await page.waitForSelector('ol.hits li', { timeout: 60000 });
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(500);
  const read = () => page.evaluate(() => ({
    wasm: window.__wasmMemory instanceof WebAssembly.Memory ? window.__wasmMemory.buffer.byteLength : null,
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    total: performance.memory ? performance.memory.totalJSHeapSize : null,
  }));
  const before = await read();
  // Every prefix of every query, in turn, until `count` queries have been answered by the UI.
  const inputs = queries.flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));
  const time = await page.evaluate(async ([inputs, count]) => {
    const input = document.getElementById('zoekveld');
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      input.value = inputs[i % inputs.length];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 0)); // let the view render
    }
    return performance.now() - start;
  }, [inputs, count]);
  await page.waitForTimeout(300);
  const after = await read();
  const hits = await page.locator('ol.hits li').count();
  await context.close();
  return { before, after, time, count, hits };
}

export function printMemory(m) {
  const mib = (b) => (b == null ? '-' : `${(b / 1048576).toFixed(2)} MiB (${b} bytes)`);
  if (m.before.wasm == null) {
    console.log('TrunkApplicationStarted did not hand over the wasm exports (event.detail.wasm.memory): falling back to performance.memory (JS heap only, not wasm linear memory).');
  } else {
    console.log('wasm linear memory from event.detail.wasm.memory of TrunkApplicationStarted (it only grows: a high-water mark).');
  }
  console.log(`after start-up:                 wasm ${mib(m.before.wasm)}; JS heap used ${mib(m.before.heap)} (performance.memory, coarse)`);
  console.log(`after ${m.count} queries via the UI: wasm ${mib(m.after.wasm)}; JS heap used ${mib(m.after.heap)}`);
  console.log(`(${m.count} queries: every prefix of the fixed queries in turn, each an input event on #zoekveld rendered before the next; ${m.time.toFixed(0)} ms in all, ${(m.time / m.count).toFixed(2)} ms each at 1x; ${m.hits} hits listed at the end)`);
}
