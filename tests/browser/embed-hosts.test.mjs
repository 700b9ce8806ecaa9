// Embeds on real hosts (tests/hosts/hosts.mjs; `.ci/setup.sh --hosts` installs them):
// (b) dist/ served by Debian's nginx with exactly the README's recommended configuration,
//     CSP header and frame-ancestors included: the app works, embeds where frame-ancestors
//     allows and is refused where it does not;
// (c) a real WordPress 6.1 (Debian's package, Apache with mod_php, MariaDB): an editor pastes
//     the app's links into a post, WordPress discovers their oEmbed files and embeds each view
//     in its sandboxed iframe, the app (on a plain static server without CORS headers, another
//     origin) runs there and takes its content's height through WordPress's wp-embed script.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, repo, appReady, axeViolations } from './harness.mjs';
import { startServer } from './server.mjs';
import { filledPolicy, startNginx, startWordPress } from '../hosts/hosts.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function watchedPage(origins) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = { console: [], page: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(`${m.text()} (${m.location().url})`); });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  context.on('request', (r) => { if (!/^(data|blob):/.test(r.url()) && !origins.includes(new URL(r.url()).origin)) problems.foreign.push(r.url()); });
  return { context, page, problems };
}

test('(b) under nginx with the README\'s headers, the app works and embeds where frame-ancestors allows', async () => {
  const allowedDir = mkdtempSync(join(tmpdir(), 'verkenner-allowed-'));
  const otherDir = mkdtempSync(join(tmpdir(), 'verkenner-other-'));
  const allowed = await startServer({ root: allowedDir, prefix: '/' });
  const other = await startServer({ root: otherDir, prefix: '/' });
  const embedder = new URL(allowed.url).origin;
  const nginx = await startNginx({ root: join(repo, 'dist'), embedder });
  try {
    // The headers are the README's, as nginx sends them.
    const index = await fetch(nginx.url, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-security-policy'), filledPolicy({ root: join(repo, 'dist'), embedder }));
    assert.match(index.headers.get('content-security-policy'), /frame-ancestors 'self' http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(index.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    assert.equal(index.headers.get('access-control-allow-origin'), null, 'no CORS header');
    const html = await index.text();
    const wasm = html.match(/\.\/([\w-]+_bg\.wasm)/)[1];
    const wasmResponse = await fetch(nginx.url + wasm, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(wasmResponse.headers.get('content-type'), 'application/wasm');
    assert.equal(wasmResponse.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(wasmResponse.headers.get('content-encoding'), 'gzip');
    const manifest = await fetch(nginx.url + 'manifest.webmanifest');
    assert.equal(manifest.headers.get('content-type'), 'application/manifest+json');

    // The app itself, under the header policy and the meta policy together.
    const origins = [new URL(nginx.url).origin, embedder, new URL(other.url).origin];
    const { context, page, problems } = await watchedPage(origins);
    const violations = [];
    await context.exposeBinding('__csp', (_s, v) => violations.push(v));
    await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__csp(`${e.effectiveDirective} ${e.blockedURI}`)));
    await page.goto(nginx.url + '?q=mantelzorgers');
    await appReady(page);
    await page.locator('.hits [data-passage="stop-doemdenken-9"]').waitFor();
    await page.getByLabel('Zoek in alle teksten').fill('bezuinigingen');
    await page.locator('.hits li').first().waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20000 });
    assert.deepEqual(await axeViolations(page), []);

    // Embedded by the site frame-ancestors names, plainly and sandboxed as WordPress does.
    writeFileSync(join(allowedDir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeente</title></head><body>
<iframe id="plain" src="${nginx.url}?thema=jeugd&embed=1" title="Verkenner" width="800" height="400"></iframe>
<iframe id="sandboxed" sandbox="allow-scripts" src="${nginx.url}?q=zorg&embed=1" title="Verkenner" width="800" height="400"></iframe>
<script src="${nginx.url}embed.js" async></script></body></html>`);
    await page.goto(allowed.url);
    // A frame out of sight is not rendered until it is scrolled to (Chromium throttles
    // cross-origin frames nobody can see), so look at each, as a reader would.
    for (const id of ['#plain', '#sandboxed']) {
      await page.locator(id).scrollIntoViewIfNeeded();
      await page.frameLocator(id).locator('[data-view="zoeken"] .hits li').first().waitFor({ timeout: 30000 });
    }
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 420));

    // Refused by a site frame-ancestors does not name: the frame never gets the app.
    writeFileSync(join(otherDir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Elders</title></head><body>
<iframe id="elsewhere" src="${nginx.url}?q=zorg&embed=1" title="Verkenner" width="800" height="400"></iframe></body></html>`);
    await page.goto(other.url);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.equal(await frame.evaluate(() => document.querySelector('[data-view]') !== null).catch(() => false), false, 'the app does not render in a frame of another site');
    const refused = problems.console.filter((m) => /frame-ancestors/.test(m));
    assert.equal(refused.length, 1, `Chromium reports the refusal: ${problems.console.join('\n')}`);
    problems.console = problems.console.filter((m) => !refused.includes(m));

    assert.deepEqual(problems.page, []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    assert.deepEqual(violations, [], 'no CSP violations');
    await context.close();
  } finally {
    await nginx.close();
    await allowed.close();
    await other.close();
    rmSync(allowedDir, { recursive: true, force: true });
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('(c) links pasted into a real WordPress post embed their views, sandboxed, self-sizing', async () => {
  // The app on a plain static server (no CORS headers), built for its address.
  const distDir = mkdtempSync(join(tmpdir(), 'verkenner-wp-dist-'));
  cpSync(join(repo, 'dist'), distDir, { recursive: true });
  const app = await startServer({ root: distDir, prefix: '/verkenner/' });
  execFileSync('node', [join(repo, 'src/web/postbuild.mjs'), distDir], { env: { ...process.env, VERKENNER_BASE_URL: app.url }, stdio: 'pipe' });
  const started = Date.now();
  const wp = await startWordPress({ appPort: app.port });
  const startup = Date.now() - started;
  try {
    // The editor pastes links, each on its own line, as WordPress asks.
    const links = [`${app.url}thema/jeugd/`, `${app.url}kernvraag/kan-het-goedkoper/`, `${app.url}document/stop-doemdenken/`];
    const post = await wp.publish('De decentralisaties in onze gemeente', `Wat is er geschreven over jeugdzorg?\n\n${links.join('\n\n')}\n\nMeer weten? Bel de gemeente.`);
    const origins = [new URL(wp.url).origin, new URL(app.url).origin];
    const { context, page, problems } = await watchedPage(origins);
    await page.goto(post);
    const frames = page.locator('iframe.wp-embedded-content');
    assert.equal(await frames.count(), 3, `WordPress embedded each link:\n${(await page.content()).slice(0, 3000)}`);
    const expected = [['thema=jeugd', '[data-view="zoeken"] .hits li'], ['kernvraag=kan-het-goedkoper', '[data-group="kan-het-goedkoper"]'], ['doc=stop-doemdenken', '[data-view="document"][data-document="stop-doemdenken"]']];
    for (let i = 0; i < 3; i++) {
      const iframe = frames.nth(i);
      assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts', 'WordPress sandboxes the frame');
      const src = await iframe.getAttribute('src');
      const secret = await iframe.getAttribute('data-secret');
      assert.ok(src.startsWith(`${app.url}?${expected[i][0]}&embed=1#?secret=${secret}`), `the view of the pasted link: ${src}`);
      await iframe.scrollIntoViewIfNeeded();
      await page.frameLocator(`iframe.wp-embedded-content >> nth=${i}`).locator(expected[i][1]).first().waitFor({ timeout: 30000 });
      // wp-embed.js took the height message: the frame shows, its height is no longer 600.
      await page.waitForFunction((n) => {
        const f = document.querySelectorAll('iframe.wp-embedded-content')[n];
        return !f.hasAttribute('style') && f.getAttribute('height') !== '600';
      }, i, { timeout: 10000 });
      const inner = page.frames().find((f) => f.url() === src);
      const content = await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.equal(Number(await iframe.getAttribute('height')), Math.min(1000, Math.max(200, content)), `frame ${i} takes its content's height`);
      assert.equal(await inner.evaluate(() => self.origin), 'null');
    }
    // WordPress's fallback quotes are hidden once the frames spoke.
    assert.equal(await page.locator('blockquote.wp-embedded-content:visible').count(), 0);
    // Searching inside the embed works.
    await frames.nth(0).scrollIntoViewIfNeeded();
    const first = page.frameLocator('iframe.wp-embedded-content >> nth=0');
    await first.getByLabel('Zoek in alle teksten').fill('jeugdzorg');
    await first.locator('.hits li mark').first().waitFor();
    const inner = page.frames().find((f) => f.url().startsWith(`${app.url}?thema=jeugd`));
    await inner.waitForFunction(() => location.search.includes('q=jeugdzorg'));
    assert.deepEqual(problems.page, []);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    console.log(`# WordPress started and installed in ${startup} ms`);
    await context.close();
  } finally {
    await wp.close();
    await app.close();
    rmSync(distDir, { recursive: true, force: true });
  }
});
