// Shared helpers for the browser tests: Debian's Chromium through playwright-core, the app's
// dist/ served on 127.0.0.1, and checks every test makes (no console errors, no page errors,
// no request to another origin), axe-core and screenshots.

import { chromium } from 'playwright-core';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');
export const outputDir = join(here, 'output');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves dist/ under `prefix`; one server per test file. */
export async function serveDist(prefix = '/gemeente/sociaal-domein/verkenner/') {
  return startServer({ root: join(repo, 'dist'), prefix });
}

/**
 * Opens a fresh context and page that record problems: console errors, uncaught page errors
 * and every request that leaves the test server's origin.
 */
export async function openPage(browser, server, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = { console: [], page: [], foreign: [], dialogs: [] };
  const origin = new URL(server.url).origin;
  page.on('console', (msg) => { if (msg.type() === 'error') problems.console.push(msg.text()); });
  page.on('pageerror', (err) => problems.page.push(String(err)));
  page.on('dialog', (dialog) => { problems.dialogs.push(dialog.message()); dialog.dismiss(); });
  context.on('request', (req) => {
    const url = req.url();
    if (/^(data|blob):/.test(url)) return;
    // Compare whole origins: a prefix test would let http://127.0.0.1:80801 pass for :8080.
    if (new URL(url).origin !== origin) problems.foreign.push(url);
  });
  return { context, page, problems };
}

/** Asserts, with a readable message, that nothing went wrong on the page. */
export function assertClean(assert, problems) {
  assert.deepEqual(problems.page, [], `page errors:\n${problems.page.join('\n')}`);
  assert.deepEqual(problems.console, [], `console errors:\n${problems.console.join('\n')}`);
  assert.deepEqual(problems.foreign, [], `requests to other origins:\n${problems.foreign.join('\n')}`);
  assert.deepEqual(problems.dialogs, [], `dialogs opened:\n${problems.dialogs.join('\n')}`);
}

/** Runs axe-core (WCAG 2.1 A and AA) and returns the violations as readable lines. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, not as a <script>: the app's CSP rightly blocks
  // inline scripts, and the test must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(axePath, 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`);
}

/** The same, by the name the test brief uses. */
export const checkA11y = axeViolations;

export async function screenshot(page, name) {
  await mkdir(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
}

/** The articles of the real corpus, read from corpus/documents/*.md: id, title, comment ids. */
export async function corpusArticles() {
  const dir = join(repo, 'corpus', 'documents');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const articles = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    const id = text.match(/^id = "([^"]+)"/m)[1];
    const title = JSON.parse(text.match(/^title = (".*")$/m)[1]);
    const comments = [...text.matchAll(/^\+\+\+ reactie\nid = "([^"]+)"/gm)].map((m) => m[1]);
    const passages = [...text.matchAll(/^::: ([a-z0-9-]+) \| (\w+)/gm)].map((m) => ({ id: m[1], stance: m[2] }));
    articles.push({ id, title, comments, passages, file });
  }
  return articles;
}

/** Waits until the app has rendered a view, and in Zoeken its results (rendered one task
 * after the first paint). */
export async function appReady(page) {
  await page.waitForSelector('[data-view]', { timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector('[data-view="zoeken"]') || document.querySelector('.search__count'), null, { timeout: 15000 });
}

/** Waits until what the app updates after a change's frame has followed: the hits off the
 * screen and the filter counts (and which filters can be chosen) follow a query or filter
 * change in the task after its frame, as a reader sees them settle. */
export async function afterNextFrame(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 20))));
}
