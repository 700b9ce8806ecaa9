// Security, end to end: the Content-Security-Policy the app runs under, hostile input in every
// URL parameter and in the search box, and what a whole session leaves behind (cookies,
// storage, caches, requests to other origins).
//
// Every page here records `securitypolicyviolation` events through a binding on the context, so
// a violation in any frame or after any navigation is counted, and every page is checked for
// injected markup, dialogs, console errors and the app's panic message (role="alert").

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterNextFrame, appReady, assertClean, corpusArticles, launch, openPage, repo, serveDist } from './harness.mjs';

let browser, server, articles;

before(async () => {
  articles = await corpusArticles();
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose CSP violations land in `violations`, across navigations and frames. */
async function securePage(options) {
  const session = await openPage(browser, server, options);
  const violations = [];
  await session.context.exposeBinding('__verkenner_csp', (_source, v) => violations.push(v));
  await session.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__verkenner_csp(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return { ...session, violations };
}

async function visit(page, query) {
  await page.goto(server.url + query);
  await appReady(page);
}

// ---------------------------------------------------------------------------------------------
// (a) The Content-Security-Policy

/** The policy of the built index.html as { directive: [sources] }, or null without one. */
async function builtPolicy() {
  const html = await readFile(join(repo, 'dist', 'index.html'), 'utf8');
  const meta = html.match(/<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i);
  if (!meta) return { html, policy: null };
  const policy = {};
  for (const part of meta[2].split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    policy[name.toLowerCase()] = sources;
  }
  return { html, policy, at: meta.index };
}

test('the built index.html carries a CSP without unsafe-inline for scripts and styles', async () => {
  const { html, policy, at } = await builtPolicy();
  assert.ok(policy, 'dist/index.html has a <meta http-equiv="Content-Security-Policy">');
  const script = policy['script-src'] ?? policy['default-src'];
  const style = policy['style-src'] ?? policy['default-src'];
  assert.ok(script, `the policy restricts scripts: ${JSON.stringify(policy)}`);
  assert.ok(style, `the policy restricts styles: ${JSON.stringify(policy)}`);
  for (const [name, sources] of [['script-src', script], ['style-src', style], ['script-src-elem', policy['script-src-elem']], ['style-src-elem', policy['style-src-elem']], ['style-src-attr', policy['style-src-attr']]]) {
    if (!sources) continue;
    assert.ok(!sources.includes("'unsafe-inline'"), `${name} allows 'unsafe-inline': ${sources.join(' ')}`);
    for (const loose of ['*', 'data:', 'http:', 'https:', 'blob:']) {
      assert.ok(!sources.includes(loose), `${name} allows ${loose}: ${sources.join(' ')}`);
    }
  }
  assert.ok(!script.includes("'unsafe-eval'"), `script-src allows 'unsafe-eval' (wasm needs only 'wasm-unsafe-eval'): ${script.join(' ')}`);
  // A meta policy applies only to what follows it: nothing may load before it.
  const firstLoad = html.search(/<(script|link|style)\b/i);
  assert.ok(firstLoad < 0 || at < firstLoad, 'the CSP meta tag comes before every script, link and style');
  // Nothing inline that the policy would have to block.
  assert.deepEqual(html.match(/<script(?![^>]*\bsrc=)[^>]*>/gi) ?? [], [], 'no inline <script> in index.html');
  assert.deepEqual(html.match(/\sstyle=|\son[a-z]+=/gi) ?? [], [], 'no inline style or event-handler attribute in index.html');
  // The one inline style block (the start screen's, painted before anything else arrives) is
  // allowed by its hash, and nothing else inline is.
  for (const [, css] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    assert.ok(style.includes(hash), `style-src allows the inline style by its hash ${hash}: ${style.join(' ')}`);
  }
});

test('the policy is enforced: an inline script injected at run time is blocked and reported', async () => {
  // The control for the next test: proves that violations would be seen if there were any.
  const { page, violations, context } = await securePage();
  await visit(page, '');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
  });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__inline), undefined, 'the inline script did not run');
  assert.ok(violations.some((v) => v.startsWith('script-src')), `a violation was reported: ${violations}`);
  // The other detectors of this file can fail too: injected markup, and the panic message.
  await page.evaluate(() => { document.querySelector('main').insertAdjacentHTML('beforeend', '<img alt="" onerror="void 0">'); });
  assert.deepEqual(await injected(page), ['<img>', '<img onerror>']);
  await page.evaluate(() => window.dispatchEvent(new Event('verkenner-panic')));
  const alert = page.locator('[role="alert"]');
  await alert.waitFor({ timeout: 2000 });
  assert.match(await alert.innerText(), /opnieuw/i, 'the panic message is Dutch and offers a reload');
  assert.equal(await alert.getByRole('button').count(), 1, 'the panic message has a reload button');
  await context.close();
});

test('every view runs with zero securitypolicyviolation events', async () => {
  const article = articles.find((a) => a.comments.length > 0);
  const passage = article.passages.at(-1).id;
  const { page, problems, violations, context } = await securePage();
  const views = [
    ['Zoeken', '', 'zoeken'],
    ['Zoeken with hits and filters', '?q=bezuinigingen&kant=kritisch&thema=geld', 'zoeken'],
    ['Zoeken without hits', '?q=xyzzyxq', 'zoeken'],
    ['Teksten', '?view=teksten', 'documents'],
    ['Lezen', `?doc=${article.id}`, 'document'],
    ['Lezen at a passage, with marks', `?doc=${article.id}&passage=${passage}&q=gemeenten`, 'document'],
    ['Lezen of a comment', `?doc=${article.comments[0]}`, 'document'],
    ['not found', '?doc=bestaat-niet', 'not-found'],
    ['Begrippen', '?view=begrippen', 'begrippen'],
    ['Begrippen at a term', '?view=begrippen&begrip=wmo', 'begrippen'],
    ['Overzicht', '?view=overzicht', 'overzicht'],
    ['Naast elkaar', '?view=naast-elkaar', 'naast-elkaar'],
    ['Naast elkaar per kernvraag', '?view=naast-elkaar&groep=kernvraag&q=gemeenten', 'naast-elkaar'],
    ['Toegankelijkheid', '?view=toegankelijkheid', 'toegankelijkheid'],
    ['embed mode with accent and dark scheme', '?embed=1&q=zorg&accent=0b6e4f&modus=donker', 'zoeken'],
    ['embed mode, side by side', '?embed=1&view=naast-elkaar&modus=licht', 'naast-elkaar'],
  ];
  for (const [name, query, view] of views) {
    await visit(page, query);
    assert.equal(await page.locator(`[data-view="${view}"]`).count(), 1, `${name}: the ${view} view`);
    await page.waitForTimeout(50);
    assert.deepEqual(violations, [], `${name} (${query || 'start'}): CSP violations`);
  }
  // Interactions that add content: a glossary term's explanation, the Insluiten dialog, typing.
  await visit(page, '?doc=stop-doemdenken');
  await page.locator('[data-glossary] button').first().click();
  await visit(page, '?view=naast-elkaar&q=zorg');
  await page.getByRole('button', { name: 'Insluiten op uw eigen website' }).click();
  await page.locator('dialog[open]').waitFor();
  assert.match(await page.getByLabel('Code om in te sluiten').inputValue(), /^<iframe /);
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  await page.getByLabel('Zoek in alle teksten').fill('wijkteams');
  await afterNextFrame(page);
  await page.locator('[data-filter="thema"] input:not(:disabled)').first().check();
  await page.waitForTimeout(100);
  assert.deepEqual(violations, [], 'CSP violations during interaction');
  assert.equal(await page.locator('[role="alert"]').count(), 0, 'no panic message');
  assertClean(assert, problems);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// (b) Hostile input

/** Values that would run script if rendered as HTML or used as a URL; each sets window.__xss. */
const HOSTILE = [
  ['script tag', '<script>window.__xss=1</script>'],
  ['javascript: URL', 'javascript:window.__xss=1//'],
  ['javascript: URL, mixed case and spaces', ' JaVaScRiPt:window.__xss=1'],
  ['attribute break-out with img', '"><img src=x onerror="window.__xss=1">'],
  ['single-quote break-out with svg', "'><svg onload=window.__xss=1>"],
  ['event-handler attributes', '" autofocus onfocus="window.__xss=1" onmouseover="window.__xss=1" x="'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>'],
  ['markup and entities', '<b>vet</b> &lt;i&gt; &amp; &#60;script&#62;'],
  ['CSS and selector break-out', '"] , * { color: red } [x="'],
  ['RTL override and zero-width', '\u202Ekinderschoenen\u200B\u200C\u200D\u2066x\u2069'],
  ['emoji', '😀 👩‍👩‍👧 🇳🇱 👍🏽'],
  ['NUL and control characters', 'a\u0000b\u0001c\u001Fd'],
  ['20 000 characters', 'x'.repeat(20000)],
  ['20 000 characters of markup', '<b>'.repeat(6667)],
];

/** Raw, not-encoded query values: invalid UTF-8 percent-escapes and stray percent signs. */
const RAW = [
  ['%C3%28 (invalid UTF-8)', '%C3%28'],
  ['%FF', '%FF'],
  ['%FE%FF%00', '%FE%FF%00'],
  ['lone %', '%'],
  ['%% and %2', '%%25%2'],
  ['truncated escape', '%E0%A4%A'],
  ['overlong slash', '%C0%AF..%C0%AF'],
  ['encoded surrogate', '%ED%A0%80'],
  ['plus and ampersand', 'a+b%26c%3Dd'],
];

/** For parameters that echo nothing, a subset of each kind is enough: all values go through
 * every parameter at once in a test of their own. */
const SAMPLE = new Set(['script tag', 'javascript: URL', 'attribute break-out with img', 'event-handler attributes', 'RTL override and zero-width', 'emoji', 'NUL and control characters', '20 000 characters', '%C3%28 (invalid UTF-8)', '%FF', 'lone %']);
const ECHOED = new Set(['q', 'doc']);

const PARAMS = ['q', 'thema', 'kant', 'soort', 'document', 'jaar', 'view', 'doc', 'passage', 'begrip', 'groep', 'embed', 'accent', 'modus'];

/** The view a URL with a hostile value for `param` must show. */
function expectedView(param) {
  if (param === 'doc') return 'not-found';
  return 'zoeken';
}

/** The query string that exercises `param`: the parameter alone, or with what gives it meaning. */
function urlFor(param, encoded) {
  switch (param) {
    case 'passage': return `?doc=kinderschoenen&passage=${encoded}`;
    case 'begrip': return `?view=begrippen&begrip=${encoded}`;
    case 'groep': return `?view=naast-elkaar&groep=${encoded}`;
    default: return `?${param}=${encoded}`;
  }
}

function viewFor(param) {
  return { passage: 'document', begrip: 'begrippen', groep: 'naast-elkaar' }[param] ?? expectedView(param);
}

/** What the app makes of a query value (src/state.rs): trimmed, at most 200 characters. */
const asRead = (value) => [...value.trim()].slice(0, 200).join('');

/** Everything in the page that hostile input could have produced, as readable strings. */
async function injected(page) {
  return page.evaluate(() => {
    const found = [];
    const dangerous = new Set(['script', 'img', 'iframe', 'frame', 'object', 'embed', 'style', 'link', 'meta', 'base', 'audio', 'video', 'source', 'math']);
    // The page's own style sheet stands in the body, after the start screen (index.html).
    const own = (el) => el.localName === 'link' && el.rel === 'stylesheet' && el.parentElement === document.body
      && new URL(el.href).origin === location.origin && /\/main-[0-9a-f]+\.css$/.test(new URL(el.href).pathname);
    for (const el of document.body.querySelectorAll('*')) {
      const tag = el.localName;
      if (dangerous.has(tag) && !own(el)) found.push(`<${tag}>`);
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
        if (/^(href|src|action|formaction|xlink:href|srcdoc|style)$/i.test(name) && /javascript:|<script|expression\(/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))) {
          found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
        }
      }
    }
    if (window.__xss !== undefined) found.push('window.__xss was set: script ran');
    return found;
  });
}

/** Checks one loaded page: its view, no injection, no dialog, no panic message, clean. */
async function assertSafe(page, label, view) {
  assert.equal(await page.locator(`[data-view="${view}"]`).count(), 1, `${label}: the ${view} view`);
  assert.deepEqual(await injected(page), [], `${label}: injected`);
  assert.equal(await page.locator('dialog[open]').count(), 0, `${label}: a dialog opened`);
  const alerts = await page.locator('[role="alert"], .failure').allInnerTexts();
  assert.deepEqual(alerts, [], `${label}: the panic message (role="alert") is shown`);
}

for (const param of PARAMS) {
  test(`hostile values of ${param}= are ignored or shown as text`, async () => {
    const { page, problems, violations, context } = await securePage();
    const cases = [...HOSTILE.map(([name, v]) => [name, encodeURIComponent(v), v]), ...RAW.map(([name, raw]) => [name, raw, null])]
      .filter(([name]) => ECHOED.has(param) || SAMPLE.has(name));
    for (const [name, encoded, plain] of cases) {
      const query = urlFor(param, encoded);
      const label = `${param}= ${name}`;
      await visit(page, query);
      await assertSafe(page, label, viewFor(param));
      if (plain !== null && asRead(plain) !== '') {
        // Echoed values are shown as the very text given (after the app's trimming and cut).
        if (param === 'q') {
          assert.equal(await page.getByLabel('Zoek in alle teksten').inputValue(), asRead(plain), `${label}: the search box shows the query as text`);
        }
        if (param === 'doc') {
          const text = await page.locator('[data-view="not-found"]').evaluate((el) => el.textContent);
          assert.ok(text.includes(asRead(plain)), `${label}: the not-found view names the document as text`);
        }
      }
      if (param === 'accent') {
        assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue('--verkenner-color-accent')), '', `${label}: no accent colour`);
      }
      if (param === 'modus') {
        assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-color-scheme')), null, `${label}: no forced scheme`);
      }
      if (param === 'embed') {
        assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-embed')), false, `${label}: no embed mode`);
      }
      assert.deepEqual(violations, [], `${label}: CSP violations`);
    }
    assertClean(assert, problems);
    await context.close();
  });
}

test('hostile values in every parameter at once are ignored or shown as text', async () => {
  // As a pasted link from a hostile page would have them; with and without a document.
  const { page, problems, violations, context } = await securePage();
  for (const [name, encoded] of [...HOSTILE.map(([n, v]) => [n, encodeURIComponent(v)]), ...RAW]) {
    const all = (params) => '?' + params.map((p) => `${p}=${encoded}`).join('&');
    await visit(page, all(PARAMS.filter((p) => p !== 'doc' && p !== 'passage')));
    await assertSafe(page, `every parameter but doc: ${name}`, 'zoeken');
    await visit(page, all(PARAMS));
    await assertSafe(page, `every parameter: ${name}`, 'not-found');
  }
  assert.deepEqual(violations, [], 'CSP violations');
  assertClean(assert, problems);
  await context.close();
});

test('hostile queries typed into the search box stay text, in Zoeken and Naast elkaar', async () => {
  const { page, problems, violations, context } = await securePage();
  for (const [view, start] of [['zoeken', ''], ['naast-elkaar', '?view=naast-elkaar']]) {
    await visit(page, start);
    const box = page.getByLabel('Zoek in alle teksten');
    for (const [name, value] of HOSTILE) {
      const label = `${view}, typed ${name}`;
      if (value.length > 40 || view !== 'zoeken') {
        await box.fill(value);
      } else {
        await box.fill('');
        await box.pressSequentially(value.replace(/\u0000/g, ''));
        await box.fill(value); // NUL cannot be typed; fill sets it as a paste would
      }
      await page.waitForTimeout(30);
      await assertSafe(page, label, view);
      assert.equal(await box.inputValue(), value, `${label}: the box keeps the text as typed`);
      // The address follows once typing pauses.
      await page.waitForFunction((v) => new URL(location.href).searchParams.get('q') === v, value, { timeout: 5000 }).catch(() => {});
      const inUrl = new URL(page.url()).searchParams.get('q');
      assert.equal(inUrl, value, `${label}: the URL holds the query as text`);
    }
    // Reloading the URL the typing produced shows the same text.
    await box.fill(HOSTILE[3][1]);
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('q') === v, HOSTILE[3][1]);
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByLabel('Zoek in alle teksten').inputValue(), HOSTILE[3][1], `${view}: the reloaded URL shows the query`);
    await assertSafe(page, `${view} after reload`, view);
  }
  // A hostile query carried into a document, its back link, and the Insluiten code.
  await visit(page, `?q=${encodeURIComponent(HOSTILE[3][1] + ' wijkteams')}`);
  await page.locator('.hits [data-passage] h2 a').first().click();
  await page.locator('[data-view="document"]').waitFor();
  await assertSafe(page, 'document opened from a hostile query', 'document');
  await page.locator('.reader__back a').click();
  await page.locator('[data-view="zoeken"]').waitFor();
  assert.equal(await page.getByLabel('Zoek in alle teksten').inputValue(), HOSTILE[3][1] + ' wijkteams', 'the back link restores the query as text');
  await page.getByRole('button', { name: 'Insluiten op uw eigen website' }).click();
  const code = await page.getByLabel('Code om in te sluiten').inputValue();
  assert.ok(!/<img|onerror="/i.test(code.replace(/^<iframe [^>]*><\/iframe>\n<script [^>]*><\/script>$/, '')), `the embed code holds no markup beyond its own: ${code}`);
  assert.equal((code.match(/</g) ?? []).length, 4, `the embed code has exactly its iframe and script tags: ${code}`);
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  assert.deepEqual(violations, [], 'CSP violations');
  assertClean(assert, problems);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// (c) A whole session leaves nothing behind

/** Cookies, storage and caches as the page sees them. */
async function leftovers(page) {
  return page.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
}

test('a full session sets no cookie, stores nothing, caches only its own build, asks no other origin', async () => {
  const { page, problems, violations, context } = await securePage();
  const article = articles.find((a) => a.comments.length > 0);
  await visit(page, '');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || document.documentElement.dataset.offline === 'ready', null, { timeout: 20000 });
  // Zoeken: type, filter, open a hit, come back.
  await page.getByLabel('Zoek in alle teksten').fill('bezuinigingen');
  await page.locator('[data-filter="kant"][data-value="kritisch"] label').click();
  await page.locator('.hits [data-passage] h2 a').first().click();
  await page.locator('[data-view="document"]').waitFor();
  await page.locator('.reader__back a').click();
  await page.locator('[data-view="zoeken"]').waitFor();
  // Every other view, through the site navigation and links.
  for (const [link, view] of [['Naast elkaar', 'naast-elkaar'], ['Teksten', 'documents'], ['Begrippen', 'begrippen'], ['Overzicht', 'overzicht']]) {
    await page.locator('.site-nav').getByRole('link', { name: link, exact: true }).click();
    await page.locator(`[data-view="${view}"]`).waitFor();
  }
  await page.locator('.site-nav').getByRole('link', { name: 'Naast elkaar', exact: true }).click();
  await page.getByRole('link', { name: 'kernvraag' }).click();
  await page.locator('.site-nav').getByRole('link', { name: 'Teksten', exact: true }).click();
  await page.locator(`[data-document="${article.id}"] h2 a`).click();
  await page.locator(`[data-view="document"][data-document="${article.id}"]`).waitFor();
  await page.locator('[data-glossary] button').first().click();
  await page.locator('[data-glossary] .term__pop a').first().click();
  await page.locator('[data-view="begrippen"]').waitFor();
  await page.getByLabel('Zoek een begrip').fill('wmo');
  await page.getByRole('link', { name: 'Toegankelijkheid', exact: true }).click();
  await page.locator('[data-view="toegankelijkheid"]').waitFor();
  await page.getByRole('button', { name: 'Insluiten op uw eigen website' }).click();
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  await page.goBack();
  await page.goBack();
  await visit(page, '?embed=1&q=zorg&accent=0b6e4f&modus=donker');
  await page.reload();
  await appReady(page);

  const seen = await leftovers(page);
  assert.deepEqual(await context.cookies(), [], 'no cookies in the browser context');
  assert.equal(seen.cookie, '', 'document.cookie is empty');
  assert.deepEqual(seen.local, [], 'localStorage is empty (the README documents no preference)');
  assert.deepEqual(seen.session, [], 'sessionStorage is empty');
  assert.deepEqual(seen.databases, [], 'no IndexedDB database');
  assert.ok(seen.caches.length >= 1, `the service worker cached the build: ${seen.caches}`);
  for (const name of seen.caches) assert.match(name, /^verkenner-[0-9a-f]+$/, `cache ${name} is one of the app's (src/web/sw.js)`);
  assert.deepEqual(violations, [], 'CSP violations');
  assert.equal(await page.locator('[role="alert"]').count(), 0, 'no panic message');
  assertClean(assert, problems); // includes: no request to another origin
  await context.close();
});
