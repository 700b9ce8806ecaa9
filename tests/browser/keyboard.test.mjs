// The main task with the keyboard alone, no mouse at all: find the search box, search, filter,
// open a hit, read it, switch to Naast elkaar, come back to the search as it was. Every element
// that receives focus on the way must be visible and show a focus indicator; axe-core checks
// the views where the walk ends.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, assertClean, axeViolations, launch, openPage, serveDist } from './harness.mjs';

let browser, server;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The focused element as the walk sees it: a short description, whether it is visible on
 * screen, and whether it shows a focus indicator (an outline or a box shadow).
 */
function focused(page) {
  return page.evaluate(async () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
      return { what: 'body', visible: false, indicator: false, none: true };
    }
    // The page scrolls smoothly to the focused element: wait until it stops moving.
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    let box = el.getBoundingClientRect();
    for (let i = 0, still = 0; i < 90 && still < 3; i++) {
      await frame();
      const next = el.getBoundingClientRect();
      still = next.top === box.top && next.left === box.left ? still + 1 : 0;
      box = next;
    }
    const style = getComputedStyle(el);
    const hidden = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (n.hidden || s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0 || n.getAttribute('aria-hidden') === 'true') return true;
      }
      return false;
    };
    const onScreen = box.width >= 2 && box.height >= 2 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const label = (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const where = el.closest('[data-view]')?.dataset.view ?? el.closest('header, footer, nav')?.localName ?? '';
    return {
      what: `${el.localName}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${label}" in ${where || 'page'}`,
      visible: onScreen && !hidden(el),
      indicator: outline || shadow,
      none: false,
    };
  });
}

/**
 * A keyboard walk that checks every focus stop. `press` sends a key; `until` moves focus with
 * Tab (or Shift+Tab) until a predicate holds in the page.
 */
function walker(page) {
  const stops = [];
  const bad = [];
  const check = async (why) => {
    const f = await focused(page);
    stops.push(`${why}: ${f.what}`);
    if (f.none) bad.push(`${why}: focus is on no element (body)`);
    else if (!f.visible) bad.push(`${why}: focus on an invisible element ${f.what}`);
    else if (!f.indicator) bad.push(`${why}: no visible focus indicator on ${f.what}`);
    return f;
  };
  return {
    stops,
    bad,
    check,
    async press(key, why = key) {
      await page.keyboard.press(key);
      await page.waitForTimeout(60); // one frame or so: the app moves focus in requestAnimationFrame
      return check(why);
    },
    async until(predicate, arg, { back = false, max = 80, why = 'Tab' } = {}) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        await check(`${why} ${i + 1}`);
        if (await page.evaluate(predicate, arg)) return true;
      }
      return false;
    },
  };
}

const activeIs = (selector) => document.activeElement?.matches(selector) ?? false;

for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['320 px wide', { width: 320, height: 640 }]]) {
  test(`search, filter, open a hit, Naast elkaar and back, with the keyboard alone (${size})`, (t) => mainTask(t, viewport));
}

/** The walk: every step by keyboard, every focus stop checked. */
async function mainTask(t, viewport) {
  const { page, problems, context } = await openPage(browser, server, { viewport });
  await page.goto(server.url);
  await appReady(page);
  const walk = walker(page);
  const query = 'bezuinigingen';
  const filter = '[data-filter="kant"][data-value="kritisch"] input';

  // 1. Tab: the skip link comes first and is visible when focused; it leads to the content,
  // where the search box is the first stop.
  await walk.press('Tab', 'first Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link', 'the first Tab reaches the skip link');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(60);
  // The content container takes focus (tabindex=-1, no indicator needed: it is no control).
  assert.ok(await page.evaluate(activeIs, 'main#inhoud'), 'the skip link moves focus to the content');
  assert.ok(await walk.until(activeIs, '#zoekveld', { max: 5, why: 'Tab after the skip link' }), 'Tab from the content reaches the search box');

  // 2. Type a query; results follow as one types.
  await page.keyboard.type(query, { delay: 20 });
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
  await page.locator('.hits [data-passage]').first().waitFor();
  const before = await page.locator('.hits [data-passage]').count();

  // 3. Tab to the stance filter "kritisch" and toggle it with Space; focus stays on it. On a
  // narrow screen the filters start folded: Tab to their summary and open it with Enter first.
  const folded = !(await page.locator('.filters details').evaluate((d) => d.open));
  assert.equal(folded, viewport.width < 960, 'the filters start folded only on a narrow screen');
  if (folded) {
    assert.ok(await walk.until(activeIs, '.filters summary', { why: 'Tab to the folded filters' }), 'Tab reaches the summary of the filters');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(60);
    assert.ok(await page.locator('.filters details').evaluate((d) => d.open), 'Enter on the summary opens the filters');
  }
  assert.ok(await walk.until(activeIs, filter, { why: 'Tab to the filter' }), 'Tab reaches the kritisch filter');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('kant') === 'kritisch');
  await page.waitForTimeout(100);
  await walk.check('after Space on the filter');
  assert.equal(await page.locator(filter).isChecked(), true, 'Space checked the filter');
  assert.ok(await page.evaluate(activeIs, filter), `focus stays on the filter after Space, not ${(await focused(page)).what}`);
  const after = await page.locator('.hits [data-passage]').count();
  assert.ok(after > 0 && after < before, `the filter narrows the hits: ${before} -> ${after}`);

  // 4. Tab on to the first hit's link and open it with Enter.
  assert.ok(await walk.until(() => document.activeElement?.matches('.hits [data-passage] h2 a') ?? false, null, { why: 'Tab to a hit' }), 'Tab reaches a hit');
  const passage = await page.evaluate(() => document.activeElement.closest('[data-passage]').dataset.passage);
  await page.keyboard.press('Enter');
  const target = page.locator(`[data-view="document"] [data-passage="${passage}"]`);
  await target.waitFor();
  assert.equal(await target.getAttribute('data-target'), 'true', 'the hit opens at its passage');
  await page.waitForFunction((id) => document.activeElement?.closest(`[data-passage="${id}"]`) !== null, passage, { timeout: 3000 })
    .catch(() => {});
  const onPassage = await walk.check('after Enter on the hit');
  assert.ok(await page.evaluate((id) => document.activeElement?.closest(`[data-passage="${id}"]`) !== null, passage),
    `focus moves to the opened passage, not ${onPassage.what}`);
  assert.ok((await target.locator('mark').count()) > 0, 'the search words are marked in the passage');
  const readerAxe = await axeViolations(page);

  // 5. Shift+Tab back to the site navigation and switch to Naast elkaar.
  const naast = 'nav.site-nav a[href*="view=naast-elkaar"]';
  assert.ok(await walk.until(activeIs, naast, { back: true, why: 'Shift+Tab to Naast elkaar' }), 'Shift+Tab reaches the Naast elkaar link');
  await page.keyboard.press('Enter');
  await page.locator('[data-view="naast-elkaar"]').waitFor();
  await page.waitForTimeout(100);
  const onSides = await walk.check('after Enter on Naast elkaar');
  assert.ok(await page.evaluate(activeIs, '[data-view="naast-elkaar"] h1'), `focus moves to the heading of Naast elkaar, not ${onSides.what}`);
  const sidesAxe = await axeViolations(page);

  // 6. Back: Alt+Left, as a keyboard user goes back; then the reading view's own back link.
  await page.keyboard.press('Alt+ArrowLeft');
  const wentBack = await page.locator('[data-view="document"]').waitFor({ timeout: 3000 }).then(() => true, () => false);
  if (!wentBack) {
    // Headless Chromium has no browser UI to take the shortcut: the history step it would make.
    await page.goBack();
    await page.locator('[data-view="document"]').waitFor();
  }
  t.diagnostic(wentBack ? 'Alt+Left went back' : 'Alt+Left is not handled by headless Chromium: went back through history instead');
  await page.waitForTimeout(100);
  await walk.check('back in the reading view');
  const backLink = '.reader__back a';
  assert.ok(await walk.until(activeIs, backLink, { back: true, why: 'Shift+Tab to the back link' }) || await walk.until(activeIs, backLink, { why: 'Tab to the back link' }),
    'the back link is reachable');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Terug naar de zoekresultaten/);
  await page.keyboard.press('Enter');
  await page.locator('[data-view="zoeken"]').waitFor();
  await page.waitForTimeout(100);
  const restored = await walk.check('after Enter on the back link');
  assert.equal(await page.getByLabel('Zoek in alle teksten').inputValue(), query, 'the query is restored');
  assert.equal(await page.locator(filter).isChecked(), true, 'the filter is restored');
  assert.equal(await page.locator('.hits [data-passage]').count(), after, 'the same hits are listed');
  assert.ok(await page.evaluate(activeIs, '#zoekveld'), `focus returns to the search box, not ${restored.what}`);

  t.diagnostic(`${walk.stops.length} focus stops checked`);
  // 7. Every stop on the way was visible and showed where focus is; axe finds nothing.
  assert.deepEqual(walk.bad, [], `focus problems on the way:\n${walk.bad.join('\n')}\n\nall stops:\n${walk.stops.join('\n')}`);
  const searchAxe = await axeViolations(page);
  const axe = [...readerAxe, ...sidesAxe, ...searchAxe];
  assert.deepEqual(axe, [], `axe-core on the reading view, Naast elkaar and Zoeken:\n${axe.join('\n')}`);
  assertClean(assert, problems);
  await context.close();
}

test('in Naast elkaar, slash focuses the search box and every Tab stop is visible with an indicator', async () => {
  const { page, problems, context } = await openPage(browser, server);
  await page.goto(server.url + '?view=naast-elkaar&q=zorg');
  await appReady(page);
  const walk = walker(page);
  await page.keyboard.press('/');
  await walk.check('after /');
  assert.ok(await page.evaluate(activeIs, '#zoekveld'), 'slash focuses the search box in Naast elkaar');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  // Tab on through the search box, the filters and into the columns: every stop visible, with
  // an indicator.
  const seen = new Set();
  for (let i = 0; i < 50; i++) {
    await page.keyboard.press('Tab');
    const f = await walk.check(`Tab ${i + 1}`);
    if (f.none) break; // left the page
    seen.add(f.what);
  }
  assert.ok(seen.size > 10, `Tab visits the view's controls: ${seen.size} stops`);
  assert.deepEqual(walk.bad.filter((b) => !/focus is on no element/.test(b)), [], `focus problems:\n${walk.bad.join('\n')}`);
  assertClean(assert, problems);
  await context.close();
});

test('the Insluiten dialog opens, is read and closes by keyboard, and focus returns', async () => {
  const { page, problems, context } = await openPage(browser, server);
  await page.goto(server.url + '?q=zorg&kant=kritisch');
  await appReady(page);
  const walk = walker(page);
  const button = '.embed-button';
  await page.locator(button).focus(); // a shortcut for the long Tab walk through every hit
  await walk.check('the Insluiten button');
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').waitFor();
  await walk.check('the dialog opened');
  assert.ok(await page.evaluate(() => document.activeElement.closest('dialog[open]') !== null), 'focus moves into the dialog');
  assert.ok(await walk.until(activeIs, '#insluitcode', { back: true, max: 3, why: 'Shift+Tab to the code' }), 'the code is reachable');
  assert.match(await page.evaluate(() => document.activeElement.value), /q=zorg&amp;kant=kritisch&amp;embed=1/, 'the code presets the search');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('dialog[open]') === null);
  await walk.check('after Escape');
  assert.ok(await page.evaluate(activeIs, button), 'focus returns to the Insluiten button');
  assert.deepEqual(walk.bad, [], `focus problems:\n${walk.bad.join('\n')}`);
  assertClean(assert, problems);
  await context.close();
});

test('in every other view, each Tab stop is visible and shows where focus is', async () => {
  const { page, problems, context } = await openPage(browser, server);
  const bad = [];
  for (const query of ['?view=teksten', '?doc=stop-doemdenken&q=wijkteams', '?view=begrippen', '?view=overzicht', '?view=toegankelijkheid', '?embed=1&q=zorg', '?doc=bestaat-niet']) {
    await page.goto(server.url + query);
    await appReady(page);
    if (query === '?view=begrippen') {
      // A narrowed list hides entries: nothing inside them may take focus.
      await page.getByLabel('Zoek een begrip').fill('wajong');
      await page.keyboard.press('Shift+Tab');
    }
    const walk = walker(page);
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if ((await walk.check(`${query} Tab ${i + 1}`)).none) break; // past the last stop
    }
    bad.push(...walk.bad.filter((b) => !/focus is on no element/.test(b)));
    assert.ok(walk.stops.length >= 5, `${query}: only ${walk.stops.length} Tab stops`);
  }
  assert.deepEqual(bad, [], `focus problems:\n${bad.join('\n')}`);
  assertClean(assert, problems);
  await context.close();
});
