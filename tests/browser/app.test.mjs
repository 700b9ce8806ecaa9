// The foundation, end to end: the document list, the reading view, state in the URL, bad
// parameters, accessibility — acting as a reader would, in Debian's headless Chromium,
// against the built dist/ served under a deep sub-path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  appReady, assertClean, axeViolations, corpusArticles, launch, openPage, screenshot, serveDist,
} from './harness.mjs';

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

/** Opens the app at `query` (relative to the served path) and waits for a view. */
async function open(query = '', options) {
  const session = await openPage(browser, server, options);
  await session.page.goto(server.url + query);
  await appReady(session.page);
  return session;
}

const withComments = () => articles.filter((a) => a.comments.length > 0);

test('the documents view lists all five documents with their titles and stance counts', async () => {
  const { page, problems, context } = await open('?view=teksten');
  assert.equal(articles.length, 5);
  const items = page.locator('[data-view="documents"] [data-document]');
  assert.equal(await items.count(), 5);
  for (const article of articles) {
    const item = page.locator(`[data-view="documents"] [data-document="${article.id}"]`);
    assert.equal(await item.count(), 1, `${article.id} is listed`);
    assert.equal((await item.locator('h2 a').innerText()).trim(), article.title);
    assert.equal(await item.locator('h2 a').getAttribute('href'), `?doc=${article.id}`);
    const text = await item.innerText();
    for (const word of ['optimistisch', 'kritisch', 'gemengd']) assert.match(text, new RegExp(word), `${article.id} shows ${word}`);
  }
  assert.equal(await page.title(), 'Verkenner sociaal domein');
  assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Teksten');
  assertClean(assert, problems);
  await context.close();
});

test('clicking a document opens it with its passages, stances, themes and comments', async () => {
  const article = withComments()[0];
  const { page, problems, context } = await open('?view=teksten');
  await page.click(`[data-document="${article.id}"] h2 a`);
  const view = page.locator(`[data-view="document"][data-document="${article.id}"]`);
  await view.waitFor();
  assert.equal(new URL(page.url()).search, `?doc=${article.id}`);
  assert.equal((await view.locator('h1').innerText()).trim(), article.title);

  const shown = await view.locator('[data-passage]').evaluateAll((els) =>
    els.map((el) => ({ id: el.dataset.passage, stance: el.dataset.stance, text: el.innerText })));
  assert.deepEqual(shown.map(({ id, stance }) => ({ id, stance })), article.passages,
    'every passage of the file is shown, in order, with its stance');
  const labels = { optimistisch: 'Optimistisch', kritisch: 'Kritisch', gemengd: 'Gemengd of neutraal' };
  for (const passage of shown) {
    assert.ok(passage.text.includes(labels[passage.stance]), `${passage.id} says its stance in words`);
  }
  assert.ok(await view.locator('[data-passage] .theme').count() > 0, 'themes are shown');

  const comments = view.locator('[data-comments] [data-comment]');
  assert.deepEqual(await comments.evaluateAll((els) => els.map((el) => el.dataset.comment)), article.comments);
  for (const id of article.comments) {
    const name = await view.locator(`[data-comment="${id}"] h3`).innerText();
    assert.ok(name.trim().length > 0, `comment ${id} names its author`);
  }
  assert.match(await page.title(), /Verkenner sociaal domein$/);
  assertClean(assert, problems);
  await context.close();
});

test('a pasted link restores the reading view, and Back and Forward move between views', async () => {
  const [first, second] = articles;
  const { page, problems, context } = await open(`?doc=${first.id}`);
  await page.locator(`[data-view="document"][data-document="${first.id}"]`).waitFor();
  await page.click('.reader__back a');
  await page.locator('[data-view="documents"]').waitFor();
  await page.click(`[data-document="${second.id}"] h2 a`);
  await page.locator(`[data-view="document"][data-document="${second.id}"]`).waitFor();

  await page.goBack();
  await page.locator('[data-view="documents"]').waitFor();
  assert.equal(new URL(page.url()).search, '?view=teksten');
  await page.goBack();
  await page.locator(`[data-view="document"][data-document="${first.id}"]`).waitFor();
  await page.goForward();
  await page.locator('[data-view="documents"]').waitFor();
  await page.goForward();
  await page.locator(`[data-view="document"][data-document="${second.id}"]`).waitFor();
  assert.equal(new URL(page.url()).search, `?doc=${second.id}`);
  assertClean(assert, problems);
  await context.close();
});

test('a link to a passage scrolls to it and marks it', async () => {
  const article = articles.find((a) => a.passages.length > 8);
  const target = article.passages.at(-1).id;
  const { page, problems, context } = await open(`?doc=${article.id}&passage=${target}`, { viewport: { width: 390, height: 700 } });
  const passage = page.locator(`[data-passage="${target}"]`);
  await passage.waitFor();
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-passage="${id}"]`);
    const box = el.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }, target, { timeout: 5000 });
  assert.equal(await passage.getAttribute('data-target'), 'true');
  assert.equal(await page.locator('[data-target]').count(), 1, 'only that passage is marked');
  assertClean(assert, problems);
  await context.close();
});

test('a link to a comment opens its article with the comment marked', async () => {
  const article = withComments()[0];
  const comment = article.comments.at(-1);
  const { page, problems, context } = await open(`?doc=${comment}`);
  await page.locator(`[data-view="document"][data-document="${article.id}"]`).waitFor();
  assert.equal(await page.locator(`[data-comment="${comment}"]`).getAttribute('data-target'), 'true');
  assertClean(assert, problems);
  await context.close();
});

test('an unknown document gets a clear Dutch answer and a way back', async () => {
  const { page, problems, context } = await open('?doc=bestaat-niet');
  const view = page.locator('[data-view="not-found"]');
  await view.waitFor();
  assert.match(await view.innerText(), /bestaat niet/);
  assert.match(await view.innerText(), /bestaat-niet/);
  await view.locator('a').click();
  await page.locator('[data-view="documents"]').waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('malformed and hostile parameters never break the page or inject markup', async () => {
  // Each payload would set window.__xss if it ever ran; dialogs (alert) are caught by the harness.
  const img = encodeURIComponent('<img src=x onerror="window.__xss=1">');
  const hostile = [
    // A `doc` that names no document: the not-found view.
    ['?doc=nope', 'not-found'],
    ['?doc=%E0%A4%A', 'not-found'],
    ['?doc=%', 'not-found'],
    [`?x=<script>window.__xss=1</script>&doc=${img}`, 'not-found'],
    [`?doc=${'x'.repeat(20000)}`, 'not-found'],
    ['?doc=javascript:alert(1)&passage=%22%5D%3Cb%3E', 'not-found'],
    ['?doc=%E2%80%AEkinderschoenen%E2%80%8B', 'not-found'],
    // No `doc`: the start view, whatever else the query holds.
    ['?x=<script>alert(1)</script>', 'zoeken'],
    [`?x=<script>window.__xss=1</script>&q=${img}`, 'zoeken'],
    [`?q=${'zorg '.repeat(4000)}`, 'zoeken'],
    ['?view=%E0%A4%A&thema=%&kant=<b>x</b>', 'zoeken'],
  ];
  for (const [query, view] of hostile) {
    const label = query.length > 80 ? `${query.slice(0, 60)}… (${query.length} chars)` : query;
    const { page, problems, context } = await open(query);
    assert.equal(await page.locator(`[data-view="${view}"]`).count(), 1, `${label}: the ${view} view`);
    assert.equal(await page.locator('body img, body script, body iframe, main b').count(), 0, `${label}: no injected element`);
    assert.equal(await page.evaluate(() => window.__xss), undefined, `${label}: no script ran`);
    assertClean(assert, problems);
    await context.close();
  }
  const { page, problems, context } = await open('?doc=kinderschoenen&unknown=1&passage=');
  await page.locator('[data-view="document"][data-document="kinderschoenen"]').waitFor();
  assertClean(assert, problems);
  await context.close();
});

for (const [mode, options] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['320px', { viewport: { width: 320, height: 640 } }],
]) {
  test(`axe-core finds no WCAG 2.1 AA violations (${mode})`, async () => {
    const article = withComments()[0];
    for (const query of ['', '?q=zorg&kant=kritisch', '?q=xyzzyxq', '?view=teksten', `?doc=${article.id}`, `?doc=${article.id}&q=gemeenten`, '?doc=bestaat-niet']) {
      const { page, problems, context } = await open(query, options);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${mode} ${query || 'start'}:\n${violations.join('\n')}`);
      assertClean(assert, problems);
      await context.close();
    }
  });
}

test('the page is usable with the keyboard alone', async () => {
  const article = articles[0];
  const { page, problems, context } = await open('?view=teksten');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((id) => document.activeElement.closest(`[data-document="${id}"]`) !== null, article.id);
  }
  assert.ok(reached, 'the first document link is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.locator(`[data-view="document"][data-document="${article.id}"]`).waitFor();
  await page.waitForFunction(() => document.activeElement.tagName === 'H1');
  assertClean(assert, problems);
  await context.close();
});

test('screenshots of each view at phone and desktop width', async () => {
  const article = withComments()[0];
  for (const [name, width] of [['phone', 390], ['desktop', 1280]]) {
    for (const [view, query] of [['zoeken', '?q=zorg'], ['documents', '?view=teksten'], ['document', `?doc=${article.id}`]]) {
      const { page, problems, context } = await open(query, { viewport: { width, height: 900 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${view} at ${width}px scrolls sideways by ${overflow}px`);
      await screenshot(page, `${view}-${name}`);
      assertClean(assert, problems);
      await context.close();
    }
  }
});
