// Anywhere, offline, embedded: the dist under a deep sub-path, offline after one visit, an
// update offered and run whole, the app in an iframe on another site, and no service worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, assertClean, launch, openPage, repo } from './harness.mjs';
import { startServer } from './server.mjs';

const PREFIX = '/gemeente/sociaal-domein/verkenner/';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A copy of dist/ that counts as another build: one more file, so another build id. */
function secondBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'verkenner-build-'));
  cpSync(join(repo, 'dist'), dir, { recursive: true });
  writeFileSync(join(dir, 'release-note.txt'), 'tweede build\n');
  execFileSync('node', [join(repo, 'src/web/postbuild.mjs'), dir]);
  return dir;
}

// The version and the offline promise are shown on the accessibility page, not in the footer.
const STATUS = '?view=toegankelijkheid';
const buildId = (page) => page.locator('[data-build]').getAttribute('data-build');
const offlineReady = (page) => page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20000 });
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

test('after one visit the app loads and searches offline, also from a new shared link', async () => {
  const server = await startServer({ root: join(repo, 'dist'), prefix: PREFIX });
  const { page, problems, context } = await openPage(browser, server);
  await page.goto(server.url + STATUS);
  await appReady(page);
  await offlineReady(page);
  await page.locator('.app-status__offline').waitFor();
  await controlled(page);
  await context.setOffline(true);
  await page.goto(server.url + '?q=zorg');
  await appReady(page);
  await page.waitForFunction(() => document.querySelectorAll('.hits [data-passage]').length > 0);
  await page.goto(server.url + '?q=wijkteams&kant=optimistisch');
  await appReady(page);
  await page.locator('.hits [data-passage="stop-doemdenken-6"]').waitFor();
  await page.goto(server.url + '?doc=rmo-ruimte');
  await page.locator('[data-view="document"][data-document="rmo-ruimte"]').waitFor();
  await context.setOffline(false);
  assertClean(assert, { ...problems, console: problems.console.filter((m) => !/ERR_INTERNET_DISCONNECTED/.test(m)) });
  await context.close();
  await server.close();
});

test('a new build is offered, runs only when accepted, and then runs whole', async () => {
  const server = await startServer({ root: join(repo, 'dist'), prefix: PREFIX });
  const { page, problems, context } = await openPage(browser, server);
  await page.goto(server.url + STATUS);
  await appReady(page);
  await offlineReady(page);
  await controlled(page);
  const first = await buildId(page);
  server.setRoot(secondBuild());
  await page.reload();
  await appReady(page);
  await page.locator('[data-update-ready]').waitFor({ timeout: 20000 });
  assert.equal(await buildId(page), first, 'the old build keeps running until the reader chooses');
  await page.getByRole('button', { name: 'vernieuwen' }).click();
  await page.waitForFunction((old) => {
    const meta = document.querySelector('meta[name=verkenner-build]');
    return meta && meta.content !== old && document.querySelector('[data-build]');
  }, first, { timeout: 20000 });
  await appReady(page);
  const second = await buildId(page);
  assert.notEqual(second, first);
  assert.equal(second, await page.evaluate(() => document.querySelector('meta[name=verkenner-build]').content), 'page and worker agree');
  const caches = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('verkenner-')));
  assert.deepEqual(caches, [`verkenner-${second}`], 'the old cache is gone');
  await page.waitForFunction(() => document.querySelectorAll('[data-view]').length > 0);
  assertClean(assert, problems);
  await context.close();
  await server.close();
});

test('embedded on another site, the iframe height follows the content', async () => {
  const app = await startServer({ root: join(repo, 'dist'), prefix: PREFIX });
  const hostDir = mkdtempSync(join(tmpdir(), 'verkenner-host-'));
  writeFileSync(join(hostDir, 'index.html'), `<!doctype html><html lang="nl"><head><title>Gemeente</title></head><body>
<h1>Sociaal domein in onze gemeente</h1>
<iframe id="verkenner" src="${app.url}?embed=1&q=zorg&accent=0b6e4f" title="Verkenner sociaal domein" loading="lazy" style="width:100%;height:300px;border:0"></iframe>
<script src="${app.url}embed.js" async></script></body></html>`);
  const host = await startServer({ root: hostDir, prefix: '/' });
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const foreign = [];
  context.on('request', (r) => { const o = new URL(r.url()).origin; if (o !== new URL(app.url).origin && o !== new URL(host.url).origin) foreign.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(host.url);
  const frame = page.frameLocator('#verkenner');
  await frame.locator('[data-view="zoeken"]').waitFor();
  const contentHeight = async () => (await page.frames().find((f) => f.url().includes('embed=1')).evaluate(() => document.documentElement.getBoundingClientRect().height));
  const iframeHeight = () => page.evaluate(() => document.getElementById('verkenner').getBoundingClientRect().height);
  await page.waitForFunction(() => document.getElementById('verkenner').getBoundingClientRect().height > 400);
  assert.ok(Math.abs((await iframeHeight()) - (await contentHeight())) <= 2, 'height matches the content');
  assert.equal(await frame.locator('.site-header--embed a', { hasText: 'Open volledig' }).count(), 1);
  assert.equal(await frame.locator('.site-footer').count(), 0, 'no site chrome');
  const tall = await iframeHeight();
  await frame.locator('[data-filter="thema"][data-value="jeugd"] label').click();
  await page.waitForFunction((t) => document.getElementById('verkenner').getBoundingClientRect().height < t - 50, tall);
  // The frame's content settles over a few frames (the filter counts and signposts follow the
  // hits); the iframe must end at the content's height, not merely start shrinking.
  let settled = false;
  for (let i = 0; i < 50 && !settled; i++) {
    settled = Math.abs((await iframeHeight()) - (await contentHeight())) <= 2;
    if (!settled) await page.waitForTimeout(100);
  }
  assert.ok(settled, `height follows a filter change (iframe ${await iframeHeight()}, content ${await contentHeight()})`);
  assert.match(await frame.locator('[data-filter="thema"][data-value="jeugd"]').evaluate(() => location.search), /embed=1/, 'embed mode survives navigation');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
  await host.close();
  await app.close();
});

test('the Insluiten dialog gives an iframe snippet with the current view preset', async () => {
  const server = await startServer({ root: join(repo, 'dist'), prefix: PREFIX });
  const { page, problems, context } = await openPage(browser, server);
  await page.goto(server.url + '?view=naast-elkaar&q=bezuinigingen&thema=geld');
  await appReady(page);
  await page.getByRole('button', { name: 'Insluiten op uw eigen website' }).click();
  const code = await page.getByLabel('Code om in te sluiten').inputValue();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/gemeente\/sociaal-domein\/verkenner\/\?view=naast-elkaar&amp;q=bezuinigingen&amp;thema=geld&amp;embed=1"/);
  assert.match(code, /title="Verkenner sociaal domein[^"]*"/);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/gemeente\/sociaal-domein\/verkenner\/embed\.js" async><\/script>/);
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  assert.equal(await page.locator('dialog[open]').count(), 0);
  assertClean(assert, problems);
  await context.close();
  await server.close();
});

test('without service workers the app still works online', async () => {
  const server = await startServer({ root: join(repo, 'dist'), prefix: PREFIX });
  const { page, problems, context } = await openPage(browser, server, { serviceWorkers: 'block' });
  await page.goto(server.url + '?q=mantelzorgers');
  await appReady(page);
  await page.locator('.hits [data-passage="stop-doemdenken-9"]').waitFor();
  await page.goto(server.url + STATUS);
  await page.locator('[data-build]').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.app-status__offline').count(), 0, 'no offline promise without a worker');
  assertClean(assert, problems);
  await context.close();
  await server.close();
});

test('oembed.json is a valid template, filled in for the address given as BASE_URL', async () => {
  const template = JSON.parse(readFileSync(join(repo, 'dist/oembed.json'), 'utf8'));
  for (const key of ['version', 'type', 'title', 'provider_name', 'provider_url', 'width', 'height', 'html']) {
    assert.ok(key in template, `oembed.json has ${key}`);
  }
  assert.equal(template.version, '1.0');
  assert.equal(template.type, 'rich');
  const dir = mkdtempSync(join(tmpdir(), 'verkenner-oembed-'));
  cpSync(join(repo, 'dist'), dir, { recursive: true });
  const base = 'https://gemeente.example.nl/sociaal-domein/verkenner/';
  execFileSync('node', [join(repo, 'src/web/postbuild.mjs'), dir], { env: { ...process.env, VERKENNER_BASE_URL: base } });
  const filled = JSON.parse(readFileSync(join(dir, 'oembed.json'), 'utf8'));
  assert.equal(filled.provider_url, base);
  assert.ok(filled.html.includes(`src="${base}?embed=1"`), filled.html);
  assert.ok(filled.html.includes(`${base}embed.js`), filled.html);
  assert.ok(!filled.html.includes('example.org'), 'no template address left');
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.ok(index.includes(`<link rel="alternate" type="application/json+oembed" href="${base}oembed.json"`), 'index.html announces it');
  // The embed code works as it says: the iframe in it loads the app in embed mode.
  const server = await startServer({ root: dir, prefix: '/sociaal-domein/verkenner/' });
  const { page, problems, context } = await openPage(browser, server);
  await page.goto(server.url + '?embed=1');
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-embed')), true);
  assertClean(assert, problems);
  await context.close();
  await server.close();
  // A wrong address is refused with a message that says what to give.
  assert.throws(
    () => execFileSync('node', [join(repo, 'src/web/postbuild.mjs'), dir], { env: { ...process.env, VERKENNER_BASE_URL: 'gemeente.nl/verkenner' }, stdio: 'pipe' }),
    (error) => /BASE_URL must be an absolute http\(s\) address ending in \//.test(String(error.stderr)),
  );
});

test('a first visit downloads each file once: the service worker reuses what the page fetched', async () => {
  const server = await startServer({ root: join(repo, 'dist'), prefix: '/v/' });
  const { page, problems, context } = await openPage(browser, server);
  await page.goto(server.url);
  await appReady(page);
  await offlineReady(page);
  const full = server.requests.filter((r) => r.status === 200);
  const times = {};
  for (const r of full) times[r.path] = (times[r.path] ?? 0) + 1;
  const twice = Object.entries(times).filter(([path, n]) => n > 1 && !path.endsWith('/'));
  assert.deepEqual(twice, [], 'files downloaded more than once');
  const wasm = full.filter((r) => r.path.endsWith('.wasm'));
  assert.equal(wasm.length, 1, 'the wasm once');
  const forHosts = ['embed.js', 'oembed.json'];
  // The manifest's PNG icons: the browser fetches them when it installs the app.
  const forInstalling = ['icon-192.png', 'icon-512.png'];
  // The pages and oEmbed files for content systems, the sandboxed iframe's bundle and the
  // municipal token themes (kept when first used): none is for a first visit.
  const notPrecached = /^(oembed|thema|kernvraag|document)$|^embed-app-[0-9a-f]{16}\.js$|^huisstijl-/;
  const files = readdirSync(join(repo, 'dist')).filter((f) => !f.startsWith('.') && ![...forHosts, ...forInstalling].includes(f) && !notPrecached.test(f));
  assert.deepEqual(Object.keys(times).filter((p) => notPrecached.test(p.slice('/v/'.length))), [], 'nothing for content systems, sandboxes or themes on a first visit');
  for (const f of files) assert.ok(times[`/v/${f}`] || (f === 'index.html' && times['/v/']), `${f} was precached`);
  for (const f of forHosts) assert.equal(times[`/v/${f}`], undefined, `${f} is for host pages, not precached`);
  for (const f of forInstalling) assert.equal(times[`/v/${f}`], undefined, `${f} is for installing, not precached`);
  // Still there for the browser to fetch.
  const manifest = JSON.parse(readFileSync(join(repo, 'dist', 'manifest.webmanifest'), 'utf8'));
  for (const f of forInstalling) assert.ok(manifest.icons.some((icon) => icon.src.endsWith(f)), `the manifest names ${f}`);
  assertClean(assert, problems);
  await context.close();
  await server.close();
});
