// Embeds where municipalities publish, without the slow hosts (those are in
// embed-hosts.test.mjs): the app in a sandboxed iframe (origin "null") from another origin,
// served by a plain static server that sends no CORS headers, with WordPress's own embed
// script (wp-embed.js, from Debian's wordpress package) on the host page; the discovery pages
// and oEmbed files of the presets; and each municipal token theme (huisstijl=), axe clean,
// with the default look unchanged.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, repo, appReady, axeViolations, corpusArticles } from './harness.mjs';
import { startServer } from './server.mjs';

const PREFIX = '/gemeente/sociaal-domein/verkenner/';
const WP_EMBED = '/usr/share/wordpress/wp-includes/js/wp-embed.js';
const SECRET = 'Ab3dE6gH9k';
let browser;
let app;

before(async () => {
  browser = await launch();
  app = await startServer({ root: join(repo, 'dist'), prefix: PREFIX });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** A host page on an origin of its own, with `body` and WordPress's wp-embed.js. */
async function hostPage(body) {
  const dir = mkdtempSync(join(tmpdir(), 'verkenner-host-'));
  cpSync(WP_EMBED, join(dir, 'wp-embed.js'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeente Voorbeeld</title></head>
<body><h1>Sociaal domein in onze gemeente</h1>${body}<script src="wp-embed.js"></script></body></html>`);
  const host = await startServer({ root: dir, prefix: '/' });
  return { host, close: async () => { await host.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A fresh page that records errors (console, page, any frame) and requests leaving the two origins. */
async function watchedPage(origins, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = { console: [], page: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(`${m.text()} (${m.location().url})`); });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  context.on('request', (r) => { if (!/^(data|blob):/.test(r.url()) && !origins.includes(new URL(r.url()).origin)) problems.foreign.push(r.url()); });
  return { context, page, problems };
}

/** Polls `check` until it holds or `ms` have passed (the caller asserts afterwards). */
async function until(check, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end && !(await check())) await new Promise((ok) => setTimeout(ok, 50));
}

function assertNoProblems(problems) {
  assert.deepEqual(problems.page, [], `page errors:\n${problems.page.join('\n')}`);
  assert.deepEqual(problems.console, [], `console errors:\n${problems.console.join('\n')}`);
  assert.deepEqual(problems.foreign, [], `requests to other origins:\n${problems.foreign.join('\n')}`);
}

// (a) and (c): WordPress's iframe, WordPress's script, a host without CORS headers.
test('in a sandboxed iframe from a host without CORS headers, the app runs and WordPress sizes it', async () => {
  const src = `${app.url}?q=zorg&embed=1#?secret=${SECRET}`;
  // Exactly what WordPress 6.1 writes for a provider it does not know (wp_filter_oembed_result).
  const { host, close } = await hostPage(`<blockquote class="wp-embedded-content" data-secret="${SECRET}"><a href="${app.url}">Verkenner sociaal domein</a></blockquote>
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" title="Verkenner sociaal domein" src="${src}" data-secret="${SECRET}" width="800" height="600" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`);
  const { context, page, problems } = await watchedPage([new URL(app.url).origin, new URL(host.url).origin]);
  const responses = [];
  page.on('response', (r) => { if (r.url().startsWith(app.url)) responses.push({ path: new URL(r.url()).pathname.slice(PREFIX.length), headers: r.headers() }); });
  await page.goto(host.url);
  const frame = page.frameLocator('iframe.wp-embedded-content');
  await frame.locator('[data-view="zoeken"] .hits li').first().waitFor({ timeout: 30000 });
  const inner = page.frames().find((f) => f.url().startsWith(app.url));
  assert.equal(await inner.evaluate(() => self.origin), 'null', 'the frame has no origin of its own');
  assert.equal(await inner.evaluate(() => document.querySelector('script[src*="embed-app-"]') !== null), true, 'it loaded the bundle for sandboxed pages');
  // The static host sent no CORS header at all.
  assert.ok(responses.length > 3, `requests seen: ${responses.map((r) => r.path)}`);
  for (const r of responses) assert.equal(r.headers['access-control-allow-origin'], undefined, `${r.path} came without CORS headers`);

  // wp-embed.js believed the height message: it showed the frame, hid the quote and set the
  // height (clamped by WordPress to 200..1000) from the content's height.
  await page.waitForFunction(() => document.querySelector('iframe.wp-embedded-content').getAttribute('height') !== '600', null, { timeout: 10000 });
  assert.equal(await page.locator('iframe.wp-embedded-content').getAttribute('style'), null, 'the frame is shown');
  assert.equal(await page.locator('blockquote.wp-embedded-content').isVisible(), false, 'the quote is hidden');
  const content = () => inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const height = () => page.locator('iframe.wp-embedded-content').getAttribute('height').then(Number);
  const clamp = (h) => Math.min(1000, Math.max(200, h));
  await until(async () => (await height()) === clamp(await content()));
  assert.equal(await height(), clamp(await content()), 'the height is the content height, as WordPress clamps it');

  // Searching and opening a passage work inside the sandbox.
  const box = frame.getByLabel('Zoek in alle teksten');
  await box.fill('mantelzorgers');
  await frame.locator('.hits [data-passage="stop-doemdenken-9"]').waitFor();
  await frame.locator('.hits [data-passage="stop-doemdenken-9"] a').first().click();
  await frame.locator('[data-view="document"][data-document="stop-doemdenken"]').waitFor();
  assert.match(await inner.evaluate(() => location.search), /embed=1/, 'embed mode survives navigation');
  // The reading view is shorter or taller: WordPress follows.
  await until(async () => (await height()) === clamp(await content()));
  assert.equal(await height(), clamp(await content()), 'the height follows the view');

  // A new "ready" from WordPress is answered with the height again.
  await page.evaluate(() => { document.querySelector('iframe.wp-embedded-content').height = 333; });
  await page.evaluate((secret) => document.querySelector('iframe.wp-embedded-content').contentWindow.postMessage({ message: 'ready', secret }, '*'), SECRET);
  await page.waitForFunction(() => document.querySelector('iframe.wp-embedded-content').getAttribute('height') !== '333');
  assert.equal(await height(), clamp(await content()));

  // "Open volledig": the sandbox allows no new window; the frame asks WordPress, whose script
  // opens the app in place of the host page (it checks the host and the focus).
  const full = frame.locator('.site-header--embed a', { hasText: 'Open volledig' });
  const expected = await full.evaluate((a) => a.href);
  await Promise.all([page.waitForURL((url) => url.href === expected), full.click()]);
  assert.ok(!expected.includes('embed=1'), expected);
  await appReady(page);
  assertNoProblems(problems);
  await context.close();
  await close();
});

test('without the secret (not WordPress) the sandboxed app sends no WordPress messages, and still runs', async () => {
  const { host, close } = await hostPage(`<iframe id="f" sandbox="allow-scripts" src="${app.url}?view=naast-elkaar&kernvraag=kan-het-goedkoper&embed=1" title="Verkenner" width="800" height="600"></iframe>`);
  const { context, page, problems } = await watchedPage([new URL(app.url).origin, new URL(host.url).origin]);
  await page.addInitScript(() => { window.__messages = []; window.addEventListener('message', (e) => window.__messages.push(e.data)); });
  await page.goto(host.url);
  const frame = page.frameLocator('#f');
  await frame.locator('[data-view="naast-elkaar"] [data-group="kan-het-goedkoper"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('[data-group]').count(), 1, 'one key question alone');
  await page.waitForFunction(() => window.__messages.some((m) => m && m.type === 'embed-size'));
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.every((m) => !m || m.message === undefined), `no WordPress messages: ${JSON.stringify(messages)}`);
  assertNoProblems(problems);
  await context.close();
  await close();
});

// (3) Presets that survive pasting.
test('each theme, key question and article has a discovery page and an oEmbed file for its view', async () => {
  const base = 'https://www.uw-gemeente.nl/verkenner/';
  const dir = mkdtempSync(join(tmpdir(), 'verkenner-presets-'));
  cpSync(join(repo, 'dist'), dir, { recursive: true });
  execFileSync('node', [join(repo, 'src/web/postbuild.mjs'), dir], { env: { ...process.env, VERKENNER_BASE_URL: base, VERKENNER_HUISSTIJL: 'utrecht' }, stdio: 'pipe' });
  // The first id of each [[theme]] and [[kernvraag]] table (a key question's answers have ids too).
  const ids = (file, table) => readFileSync(join(repo, 'corpus', file), 'utf8').split(`[[${table}]]`).slice(1).map((t) => t.match(/^id = "([^"]+)"/m)[1]);
  const themes = ids('themes.toml', 'theme');
  const questions = ids('kernvragen.toml', 'kernvraag');
  const articles = (await corpusArticles()).map((a) => a.id);
  const expected = [
    ...themes.map((id) => ['thema', id, `thema=${id}`]),
    ...questions.map((id) => ['kernvraag', id, `kernvraag=${id}`]),
    ...articles.map((id) => ['document', id, `doc=${id}`]),
  ];
  assert.ok(themes.length >= 5 && questions.length >= 3 && articles.length >= 3, 'the corpus has presets to check');
  assert.equal(readdirSync(join(dir, 'oembed')).length, expected.length, 'one oEmbed file per preset, no more');
  for (const [kind, id, query] of expected) {
    const page = readFileSync(join(dir, kind, id, 'index.html'), 'utf8');
    assert.ok(page.includes(`<link rel="alternate" type="application/json+oembed" href="${base}oembed/${kind}-${id}.json"`), `${kind}/${id}/ announces its oEmbed file`);
    assert.ok(page.includes(`<meta http-equiv="refresh" content="0; url=../../?${query}">`), `${kind}/${id}/ sends readers on`);
    const oembed = JSON.parse(readFileSync(join(dir, 'oembed', `${kind}-${id}.json`), 'utf8'));
    assert.equal(oembed.type, 'rich');
    assert.equal(oembed.version, '1.0');
    assert.ok(oembed.html.includes(`<iframe src="${base}?${query}&amp;huisstijl=utrecht&amp;embed=1"`), oembed.html);
    assert.match(oembed.html, /^<blockquote><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe /, 'a quote with a link first, as WordPress needs');
  }
  rmSync(dir, { recursive: true, force: true });
  // Built without BASE_URL the pages still lead to their view, in the browser too.
  const { context, page, problems } = await watchedPage([new URL(app.url).origin]);
  await page.goto(`${app.url}kernvraag/${questions[0]}/`);
  await page.waitForURL((url) => url.search.includes(`kernvraag=${questions[0]}`));
  await page.locator(`[data-view="naast-elkaar"] [data-group="${questions[0]}"]`).waitFor();
  await page.goto(`${app.url}thema/${themes[0]}/`);
  await page.waitForURL((url) => url.search === `?thema=${themes[0]}`);
  assert.equal(new URL(page.url()).pathname, PREFIX, 'the page sends the reader to the app');
  await appReady(page);
  // The Insluiten dialog names the link to paste for this view.
  await page.getByRole('button', { name: 'Insluiten op uw eigen website' }).click();
  assert.equal(await page.locator('[data-paste-link]').textContent(), `${app.url}thema/${themes[0]}/`);
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  // ... and none for a search, which no static page can announce.
  await page.goto(`${app.url}?q=mantelzorg`);
  await appReady(page);
  await page.getByRole('button', { name: 'Insluiten op uw eigen website' }).click();
  assert.equal(await page.locator('[data-paste-link]').count(), 0);
  assertNoProblems(problems);
  await context.close();
});

// (4) and (d): the municipal token themes.
const THEMES = readFileSync(join(repo, 'dist/index.html'), 'utf8').match(/<meta name="?verkenner-huisstijl"? content="([^"]*)"/)[1].split(' ').map((e) => e.split('='));

test('at least three municipal token themes ship, none is loaded without being asked for', async () => {
  assert.ok(THEMES.length >= 3, `themes: ${THEMES.map((t) => t[0])}`);
  const { context, page, problems } = await watchedPage([new URL(app.url).origin]);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(app.url + '?q=zorg');
  await appReady(page);
  assert.deepEqual(requested.filter((p) => p.includes('huisstijl-') || p.includes('embed-app-')), [], 'a first visit without a theme fetches no theme and no sandbox bundle');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-huisstijl')), false);
  assertNoProblems(problems);
  await context.close();
});

test('without a theme the look is the one it always was', async () => {
  // The values style/main.css had before it read NL Design System tokens.
  const { context, page, problems } = await watchedPage([new URL(app.url).origin], { colorScheme: 'light' });
  await page.goto(app.url + '?q=zorg');
  await appReady(page);
  const look = await page.evaluate(() => {
    const css = (el, p) => getComputedStyle(el).getPropertyValue(p).trim();
    const html = document.documentElement;
    const link = document.querySelector('.hits a');
    const header = document.querySelector('.site-header');
    return {
      color: css(html, 'color'), background: css(html, 'background-color'), font: css(html, 'font-family'),
      size: css(document.body, 'font-size'), lineHeight: css(html, 'line-height'), link: css(link, 'color'),
      header: css(header, 'background-color'),
      space: [1, 2, 3, 4, 5, 6].map((n) => {
        const probe = document.createElement('div');
        probe.style.width = `var(--verkenner-space-${n})`;
        document.body.append(probe);
        const width = css(probe, 'width');
        probe.remove();
        return width;
      }).join(' '),
      radius: css(document.querySelector('.skip-link'), 'border-top-left-radius'),
    };
  });
  assert.deepEqual(look, {
    color: 'rgb(27, 27, 31)', background: 'rgb(255, 255, 255)',
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, sans-serif',
    size: '17px', lineHeight: '25.6px', link: 'rgb(26, 90, 138)', header: 'rgb(27, 79, 114)', space: '4px 8px 12px 16px 24px 40px', radius: '8px',
  });
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return [s.outlineWidth, s.outlineStyle, s.outlineColor, s.outlineOffset]; });
  assert.deepEqual(ring, ['3px', 'solid', 'rgb(245, 167, 0)', '2px']);
  assertNoProblems(problems);
  await context.close();
});

for (const [name, file] of THEMES) {
  test(`huisstijl=${name}: the municipality's tokens apply, axe finds nothing, offline too`, async () => {
    const css = readFileSync(join(repo, 'dist', file), 'utf8');
    const link = css.match(/--utrecht-link-color:([^;}]+)/)?.[1];
    assert.ok(link, `${file} sets the link colour`);
    const { context, page, problems } = await watchedPage([new URL(app.url).origin], { colorScheme: 'dark' });
    await page.goto(`${app.url}?q=zorg&huisstijl=${name}`);
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.huisstijl), name);
    const applied = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--verkenner-color-link').trim());
    assert.equal(applied, link.trim(), 'the theme sets the link colour');
    // A municipal look is light, whatever the reader's setting.
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'light');
    for (const query of ['?q=zorg', '?view=naast-elkaar', '?view=naast-elkaar&kernvraag=kan-het-goedkoper', '?doc=stop-doemdenken', '?view=teksten', '?view=begrippen', '?view=overzicht', '?q=zorg&embed=1']) {
      await page.goto(`${app.url}${query}&huisstijl=${name}`);
      await appReady(page);
      assert.deepEqual(await axeViolations(page), [], `${name} ${query}`);
    }
    // The theme stays with the reader while moving around (it is part of the address).
    await page.goto(`${app.url}?q=zorg&huisstijl=${name}`);
    await appReady(page);
    await page.locator('.hits li a').first().click();
    await page.locator('[data-view="document"]').waitFor();
    assert.match(await page.evaluate(() => location.search), new RegExp(`huisstijl=${name}`));
    // Used once, the theme is kept for offline use.
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20000 });
    await page.waitForFunction(async (f) => (await caches.keys()).length > 0 && !!(await (await caches.open((await caches.keys()).find((k) => k.startsWith('verkenner-')))).match(new URL(f, location.href).href)), file, { timeout: 10000 });
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--verkenner-color-link').trim()), link.trim(), 'offline, the theme still applies');
    await context.setOffline(false);
    assertNoProblems(problems);
    await context.close();
  });
}

test('an unknown or hostile huisstijl is ignored', async () => {
  const { context, page, problems } = await watchedPage([new URL(app.url).origin]);
  for (const value of ['amsterdam', '%22%3E%3Cscript%3E', '..%2Fsw.js', 'utrecht%00']) {
    await page.goto(`${app.url}?q=zorg&huisstijl=${value}`);
    await appReady(page);
    assert.equal(await page.locator('link[data-huisstijl]').count(), 0, value);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-huisstijl')), false, value);
  }
  assertNoProblems(problems);
  await context.close();
});
