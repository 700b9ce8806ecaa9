// Keystroke to frame of two builds of the site, typed in turns (A B, then B A, per round) so
// that the machine's other work weighs on both alike; ours only, with the method of
// page/browser.mjs (probe.js, the same queries and pauses). Prints figures, asserts nothing.
//
//   cp -r dist target/site-a; (change, make dist); cp -r dist target/site-b
//   node tests/bench/ab.mjs target/site-a target/site-b [rounds, default 3]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from '../browser/harness.mjs';
import { startServer } from '../browser/server.mjs';
import { median, p95 } from './page/util.mjs';

const repo = join(import.meta.dirname, '..', '..');
const PROBE_PATH = join(repo, 'tests/bench/page/probe.js');
const PROBE = await readFile(PROBE_PATH, 'utf8');
const WANTED = ['bezuinigingen', 'kwetsbaar', 'wijkteam', 'mantelzorgers', 'eenzaamheid', 'proeftuinen', 'zelfred',
  'bezuinigngen ', 'client ', '"dichter bij de burger"', 'wmo', 'jeugdhulp', 'inwoners betrekken',
  'gemeenten -jeugd', 'eigen kracht', 'ouderen dagbesteding'];
const toml = await readFile(join(repo, 'tests', 'relevance.toml'), 'utf8');
const present = new Set([...toml.matchAll(/^query = ("(?:[^"\\]|\\.)*")\s*$/gm)].map((m) => JSON.parse(m[1])));
const queries = WANTED.filter((q) => present.has(q));
const [a, b, rounds = '3'] = process.argv.slice(2);
if (!a || !b) { console.log('usage: node tests/bench/ab.mjs SITE_A SITE_B [rounds]'); process.exit(1); }
const sites = { before: a, after: b };
const browser = await launch();
const servers = {};
for (const [k, dir] of Object.entries(sites)) servers[k] = await startServer({ root: dir, prefix: '/verkenner/' });

async function run(url, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('ol.hits li', { timeout: 60000 });
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 30000 }).catch(() => {});
  await page.evaluate(PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const records = [];
  for (const query of queries) {
    await page.evaluate(() => window.__probe.stop());
    await page.focus('#zoekveld'); await page.keyboard.press('Escape');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.waitForTimeout(30);
    await page.focus('#zoekveld');
    await page.evaluate(() => window.__probe.watch('#zoekveld', null));
    let n = 0;
    for (const ch of query) {
      await page.keyboard.type(ch);
      n += 1;
      await page.waitForFunction((k) => window.__probe.records.length >= k, n, { timeout: 30000, polling: 'raf' });
      await page.waitForTimeout(20);
    }
    await page.evaluate(() => new Promise((ok) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(ok)), 50)));
    records.push(...(await page.evaluate(() => window.__probe.records)));
  }
  await context.close();
  return records.map((r) => r.frame);
}

const all = { before: { 1: [], 4: [] }, after: { 1: [], 4: [] } };
for (let i = 0; i < Number(rounds); i++) {
  for (const rate of [1, 4]) {
    for (const k of i % 2 ? ['after', 'before'] : ['before', 'after']) {
      const f = await run(servers[k].url, rate);
      all[k][rate].push(...f);
      console.log(`round ${i + 1} ${rate}x ${k.padEnd(6)} median ${median(f).toFixed(1)} p95 ${p95(f).toFixed(1)} (${f.length} keys)`);
    }
  }
}
for (const rate of [1, 4]) for (const k of ['before', 'after']) {
  const f = all[k][rate];
  console.log(`pooled ${rate}x ${k.padEnd(6)} median ${median(f).toFixed(1)} p95 ${p95(f).toFixed(1)} (${f.length} keys)`);
}
await browser.close();
for (const s of Object.values(servers)) await s.close();
