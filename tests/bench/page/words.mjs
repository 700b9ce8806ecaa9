// Part 4c: the Woorden view's word box, typed character by character like the search box
// (same probe, same figures), so "answers in the same frame as the search view" is measured.

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RATES, throttle, typeQueries } from './browser.mjs';
import { median, ms, p95 } from './util.mjs';

const PROBE = join(dirname(fileURLToPath(import.meta.url)), 'probe.js');

// Framing words and the issue's examples, as a reader types them.
export const WORDS = ['transformatie', 'eigen kracht', 'zorg', 'bezuiniging', 'zelfredzaamheid', 'gemeenten', 'regie'];

const BOX = {
  name: 'woorden',
  input: '#woordveld',
  container: null,
  clear: (page) => page.evaluate(() => {
    const input = document.getElementById('woordveld');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }),
};

export async function wordLatency(browser, url, words = WORDS, rates = RATES) {
  const out = [];
  for (const rate of rates) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}?view=woorden`);
    await page.waitForSelector('#woordveld', { timeout: 60000 });
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 30000 }).catch(() => {});
    await page.evaluate(await readFile(PROBE, 'utf8'));
    await throttle(context, page, rate);
    const records = await typeQueries(page, BOX, words);
    await context.close();
    out.push({ rate, errors, records });
  }
  return out;
}

export function printWordLatency(runs, words = WORDS) {
  const keys = words.reduce((n, w) => n + [...w].length, 0);
  console.log(`${words.length} words, ${keys} keystrokes each run, typed into the Woorden view's box (#woordveld) as in part 4:`);
  console.log(`  ${words.map((w) => JSON.stringify(w)).join(' ')}`);
  console.log('per keystroke, ms from the key to the frame after the last DOM change (lines per side, counts, status); goal: p95 within 16 ms at 4x.\n');
  console.log(`${'cpu'.padEnd(4)} ${'to frame med'.padStart(12)} ${'p95'.padStart(7)} ${'max'.padStart(7)} ${'work med'.padStart(9)} ${'p95'.padStart(7)}  verdict`);
  for (const run of runs) {
    const frame = run.records.map((r) => r.frame), work = run.records.map((r) => r.work);
    const fp = p95(frame);
    const verdict = run.rate === 4 ? (fp <= 16 ? 'ok: p95 within 16 ms' : `MISSES the 16 ms goal (p95 ${fp.toFixed(1)} ms)`) : '';
    console.log(`${(run.rate + 'x').padEnd(4)} ${ms(median(frame), 12)} ${ms(fp, 7)} ${ms(Math.max(...frame), 7)} ${ms(median(work), 9)} ${ms(p95(work), 7)}  ${verdict}`);
    if (run.errors.length) console.log(`${(run.rate + 'x').padEnd(4)} page errors: ${run.errors.join(' | ')}`);
  }
  const slow = runs.flatMap((run) => run.records.map((r) => ({ ...r, rate: run.rate }))).sort((a, b) => b.work - a.work).slice(0, 5);
  console.log(`slowest keystrokes (work): ${slow.map((r) => `${r.rate}x ${JSON.stringify(r.value)} ${r.work.toFixed(1)} ms`).join(', ')}`);
}
