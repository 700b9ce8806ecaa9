// A citizen finds their way, on a phone (390 px) as most do: the page is never blank and
// starts by saying what it is; search says what it did and bridges everyday words to the
// texts; Naast elkaar fits a phone; every view passes axe and has tap targets of at least
// 24 px (44 px for the main navigation).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterNextFrame, appReady, assertClean, axeViolations, launch, openPage, repo, screenshot, serveDist } from './harness.mjs';
import { startServer } from './server.mjs';

let browser, server;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone: 390 by 844 CSS pixels, touch, as an iPhone 12 to 15. */
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function open(query = '', options = PHONE) {
  const session = await openPage(browser, server, options);
  await session.page.goto(server.url + query);
  await appReady(session.page);
  return session;
}

/** The text of an element with its whitespace collapsed. */
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

// Search says what it did, and bridges everyday words to the texts.

/** Types a query into the search box as a person would, and waits for the answer. */
async function search(page, query) {
  await page.locator('#zoekveld').fill('');
  await page.locator('#zoekveld').pressSequentially(query, { delay: 20 });
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query, { timeout: 5000 });
  await afterNextFrame(page);
}

/** The signposts' links as [kind, id, text]. */
const targets = (locator) => locator.locator('a[data-target-kind]').evaluateAll((els) => els.map((a) => [a.dataset.targetKind, a.dataset.targetId, a.textContent]));

/** How many passages carry a theme, counted in the corpus files. */
async function themeCount(theme) {
  const { readFile, readdir } = await import('node:fs/promises');
  const dir = join(repo, 'corpus', 'documents');
  let n = 0;
  for (const file of await readdir(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    n += [...text.matchAll(/^::: [a-z0-9-]+ \| \w+ \| (.*)$/gm)].filter((m) => m[1].split(',').map((t) => t.trim()).includes(theme)).length;
  }
  return n;
}

test('"huishoudelijke hulp": where it belongs, and that only "hulp" is in the texts', async () => {
  const { page, problems, context } = await open();
  await search(page, 'huishoudelijke hulp');
  const bridge = page.locator('[data-everyday="huishoudelijke hulp"]');
  assert.match(await text(bridge), /^Het woord “huishoudelijke hulp” staat niet in de teksten\. Het hoort bij: Thema: Zorg en ondersteuning \(Wmo\), \d+ tekstdelen · Begrip: Wmo 2015$/);
  assert.deepEqual(await targets(bridge), [['thema', 'wmo', `Thema: Zorg en ondersteuning (Wmo), ${await themeCount('wmo')} tekstdelen`], ['begrip', 'wmo', 'Begrip: Wmo 2015']]);
  assert.match(await text(page.locator('[data-missing]')), /^Niet gevonden in de teksten: huishoudelijke\./);
  // The hits below are about "hulp", and say so.
  const first = await text(page.locator('.hits .hit').first());
  assert.match(first, /hulp/i);
  await bridge.locator('a[data-target-kind="thema"]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('thema') === 'wmo');
  await page.waitForFunction(() => /tekstdelen gevonden/.test(document.querySelector('.search__count')?.textContent));
  assert.match(await text(page.locator('.search__count')), new RegExp(`^${await themeCount('wmo')} tekstdelen gevonden`));
  assertClean(assert, problems);
  await context.close();
});

test('"thuiszorg" and "wachtlijst": not in the texts, and where the texts talk about them', async () => {
  const { page, problems, context } = await open();
  await search(page, 'thuiszorg');
  const thuiszorg = page.locator('[data-everyday="thuiszorg"]');
  assert.match(await text(thuiszorg), /^Het woord “thuiszorg” staat niet in de teksten\. Het hoort bij: Thema: Zorg en ondersteuning \(Wmo\)/);
  assert.deepEqual((await targets(thuiszorg)).map(([k, id]) => `${k}:${id}`), ['thema:wmo', 'begrip:wmo', 'begrip:zorgaanbieder']);
  assert.equal(await page.locator('[data-missing]').count(), 0, 'said once, by the bridge');
  await search(page, 'wachtlijst');
  const wachtlijst = page.locator('[data-everyday="wachtlijst"]');
  assert.deepEqual((await targets(wachtlijst)).map(([k, id]) => `${k}:${id}`), ['thema:jeugd', 'thema:wmo', 'thema:kwetsbaar', 'begrip:jeugdwet', 'begrip:wmo']);
  assert.match(await text(page.locator('.search__count')), /^Geen tekstdelen gevonden/);
  await wachtlijst.locator('a[data-target-id="jeugdwet"]').click();
  await page.locator('[data-view="begrippen"] [data-term="jeugdwet"][data-target]').waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('"wmo" and "participatiewet": the law\'s glossary entry and theme above the hits', async () => {
  const { page, problems, context } = await open();
  await search(page, 'wmo');
  const named = page.locator('[data-named]');
  assert.deepEqual(await targets(named), [['thema', 'wmo', `Thema: Zorg en ondersteuning (Wmo), ${await themeCount('wmo')} tekstdelen`], ['begrip', 'wmo', 'Begrip: Wmo 2015']]);
  assert.ok((await page.locator('.hits [data-passage]').count()) > 0);
  await search(page, 'participatiewet');
  assert.deepEqual((await targets(page.locator('[data-named]'))).map(([k, id]) => `${k}:${id}`), ['begrip:participatiewet']);
  await page.locator('.hits [data-passage="nivel-proeftuinen-0"]').waitFor();
  await search(page, 'participatiewt');
  assert.equal(await text(page.locator('[data-loose="participatiewt"]')), '“participatiewt” is gevonden als “participatiewet” (bijna dezelfde spelling).');
  assertClean(assert, problems);
  await context.close();
});

test('"eigen bijdrage" does not mark "eigenlijk"', async () => {
  const { page, problems, context } = await open('?q=eigen+bijdrage');
  await page.locator('.hits [data-passage]').first().waitFor();
  const marks = await page.locator('.hits mark').allInnerTexts();
  assert.ok(marks.length > 0 && !marks.some((m) => /eigenlijk/i.test(m)), `${marks}`);
  assertClean(assert, problems);
  await context.close();
});

// Never blank, and a start that explains.

test('without JavaScript the page shows the introduction and says it needs JavaScript', async () => {
  const { page, problems, context } = await openPage(browser, server, { ...PHONE, javaScriptEnabled: false });
  await page.goto(server.url);
  const intro = page.locator('#start .intro');
  assert.equal(await page.locator('#start h1').isVisible(), true);
  const said = await text(intro);
  for (const needle of ['Wat vinden mensen van de hulp door de gemeente?', 'Voor wie?', 'Wat staat erin?', 'Nieuwsberichten, een opiniestuk']) {
    assert.ok(said.includes(needle), `the introduction says ${needle}: ${said}`);
  }
  assert.equal(await page.locator('.start__loading').isVisible(), false, 'no promise of loading without JavaScript');
  assert.match(await text(page.locator('.start__noscript')), /werkt met JavaScript/);
  assertClean(assert, problems);
  await context.close();
});

test('while the app loads, the introduction and its loading line pass axe', async () => {
  const { page, context } = await openPage(browser, server, PHONE);
  // The app's code never arrives: the page stays as the HTML made it.
  await page.route('**/*.wasm', () => {});
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.locator('#start .start__loading').waitFor({ state: 'visible' });
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  await context.close();
});

test('the introduction is painted before the app arrives', async () => {
  const { page, context } = await openPage(browser, server, PHONE);
  // The app's code never arrives: what is painted is the page's own introduction.
  await page.route(/\.wasm$/, () => {});
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'), null, { timeout: 10000 });
  const seen = await page.evaluate(() => ({
    title: document.querySelector('#start .intro__title')?.checkVisibility(),
    loading: document.querySelector('.start__loading')?.checkVisibility(),
    header: getComputedStyle(document.querySelector('#start .site-header')).backgroundColor,
  }));
  assert.deepEqual(seen, { title: true, loading: true, header: 'rgb(27, 79, 114)' }, 'the introduction, styled, with its loading line');
  await context.close();
});

test('during the first second on a slow connection the introduction is on the screen', async () => {
  // A host that compresses what it sends, as static hosts do, on slow 4G as Lighthouse
  // simulates it (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up). The processor is not
  // slowed: on a machine shared with other work that would time the machine, not the page.
  const host = await startServer({ root: join(repo, 'dist'), prefix: '/gemeente/verkenner/', gzip: true });
  const { page, problems, context } = await openPage(browser, host, PHONE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await page.goto(host.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'), null, { timeout: 10000 });
  const seen = await page.evaluate(() => ({
    paint: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint').startTime,
    title: document.querySelector('#start .intro__title')?.checkVisibility(),
    app: document.querySelectorAll('[data-view]').length,
  }));
  console.log(`first contentful paint on slow 4G: ${Math.round(seen.paint)} ms`);
  assert.ok(seen.paint < 1000, `first contentful paint at ${seen.paint} ms`);
  assert.deepEqual([seen.title, seen.app], [true, 0], 'the introduction is the HTML\'s, before the app runs');
  await appReady(page);
  assert.equal(await page.locator('#start').count(), 0, 'the app replaces the HTML introduction');
  assert.equal(await page.locator('.start__loading').count(), 0);
  assertClean(assert, problems);
  await context.close();
  await host.close();
});

test('the start page opens with the introduction and example questions, not a count', async () => {
  const parts = ':is(h1, .intro__text, .intro__points)';
  const html = await (async () => {
    const s = await openPage(browser, server, PHONE);
    await s.page.route('**/*.wasm', () => {});
    await s.page.goto(server.url, { waitUntil: 'domcontentloaded' });
    const said = (await s.page.locator(`#start .intro ${parts}`).allInnerTexts()).join(' ');
    await s.context.close();
    return said;
  })();
  const { page, problems, context } = await open();
  assert.equal((await page.locator(`[data-intro] ${parts}`).allInnerTexts()).join(' '), html, 'the app says what the HTML says');
  assert.equal(await text(page.locator('h1').first()), 'Wat vinden mensen van de hulp door de gemeente?');
  const body = await text(page.locator('main'));
  assert.ok(!/tekstdelen gevonden/.test(body), `no count of everything before anything was asked: ${body.slice(0, 400)}`);
  assert.equal(await page.locator('.search__keys').isVisible(), false, 'a phone is not told about keys');
  const examples = page.locator('[data-example]');
  assert.ok((await examples.count()) >= 4, 'a few example questions');
  await examples.first().click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'thuiszorg');
  assert.equal(await page.locator('#zoekveld').inputValue(), 'thuiszorg');
  assert.equal(await page.locator('[data-intro]').count(), 0, 'a search shows results, not the introduction');
  await page.goBack();
  await page.locator('[data-intro]').waitFor();
  // Typing on the start page: the examples give way to the hits, the box stays where it is.
  const box = await page.locator('#zoekveld').boundingBox();
  await page.locator('#zoekveld').fill('zorg');
  await page.locator('.hits [data-passage]').first().waitFor();
  assert.equal(await page.locator('[data-example]').count(), 0);
  assert.deepEqual(await page.locator('#zoekveld').boundingBox(), box, 'the search box did not move');
  assertClean(assert, problems);
  await context.close();
});

test('on a desktop the search box tells about its keys', async () => {
  const { page, problems, context } = await open('', { viewport: { width: 1280, height: 900 } });
  assert.match(await text(page.locator('#zoekhulp')), /Druk op \/ om hier te zoeken/);
  assertClean(assert, problems);
  await context.close();
});

// The smaller things.

test('the overview table fits a 320 px screen and its counts are reachable by keyboard', async () => {
  const { page, problems, context } = await open('?view=overzicht', { viewport: { width: 320, height: 640 } });
  const fit = await page.evaluate(() => {
    const box = document.querySelector('.matrix__scroll');
    const table = box.querySelector('table').getBoundingClientRect();
    return { overflow: box.scrollWidth - box.clientWidth, right: table.right, width: innerWidth };
  });
  assert.ok(fit.overflow <= 0 && fit.right <= fit.width, `the table fits: ${JSON.stringify(fit)}`);
  const cell = page.locator('.matrix tr[data-theme="wmo"] td[data-stance="optimistisch"] a');
  assert.equal(await cell.isVisible(), true);
  assert.match(await cell.getAttribute('aria-label'), /over zorg en ondersteuning \(Wmo\) die optimistisch zijn/);
  // Every count link is reached by Tab, in reading order.
  const links = await page.locator('.matrix a').count();
  let reached = 0;
  await page.locator('h1').focus();
  for (let i = 0; i < 80 && reached < links; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement.closest('.matrix') && document.activeElement.tagName === 'A')) reached++;
  }
  assert.equal(reached, links, 'every count is reached by keyboard');
  assert.match(await text(page.locator('.overview__note')), /^Van de \d+ tekstdelen hebben er \d+ een datum/);
  assertClean(assert, problems);
  await context.close();
});

test('moving between views keeps the search and the filters', async () => {
  const { page, problems, context } = await open('?q=zorg&thema=geld');
  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Naast elkaar' }).click();
  await page.locator('[data-view="naast-elkaar"]').waitFor();
  let url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'zorg');
  assert.equal(url.searchParams.get('thema'), 'geld');
  assert.equal(await page.locator('#zoekveld').inputValue(), 'zorg');
  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Teksten' }).click();
  await page.locator('[data-view="documents"]').waitFor();
  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Zoeken' }).click();
  await page.locator('[data-view="zoeken"]').waitFor();
  url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'zorg');
  assert.equal(url.searchParams.get('thema'), 'geld');
  assert.equal(await page.locator('#zoekveld').inputValue(), 'zorg');
  assertClean(assert, problems);
  await context.close();
});

test('Back returns to the same place in the list of hits', async () => {
  const { page, problems, context } = await open('?q=gemeenten');
  await page.locator('.hits [data-passage]').nth(6).waitFor();
  const link = page.locator('.hits .hit').nth(6).locator('h2 a');
  await link.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 37));
  const before = await page.evaluate(() => scrollY);
  assert.ok(before > 800, `scrolled down to ${before}`);
  await link.click();
  await page.locator('[data-view="document"]').waitFor();
  await page.goBack();
  await page.locator('[data-view="zoeken"]').waitFor();
  await page.waitForFunction((y) => Math.abs(scrollY - y) <= 2, before, { timeout: 3000 }).catch(() => {});
  const after = await page.evaluate(() => scrollY);
  assert.ok(Math.abs(after - before) <= 2, `back at ${after}, was at ${before}`);
  assertClean(assert, problems);
  await context.close();
});

test('a glossary popup closes on a tap outside it', async () => {
  const { page, problems, context } = await open('?doc=stop-doemdenken');
  const term = page.locator('[data-passage="stop-doemdenken-6"] [data-glossary="wijkteam"]');
  await term.locator('button').tap();
  const pop = term.locator('.term__pop');
  assert.equal(await pop.isVisible(), true);
  await pop.tap();
  assert.equal(await pop.isVisible(), true, 'a tap inside keeps it open');
  await page.locator('h1').tap();
  await page.waitForFunction(() => document.querySelectorAll('.term__pop:not([hidden])').length === 0);
  assertClean(assert, problems);
  await context.close();
});

test('a passage opened from a hit shows the title and kind of its document', async () => {
  const { page, problems, context } = await open('?q=mantelzorgers');
  await page.locator('.hits .hit h2 a').first().click();
  const target = page.locator('[data-view="document"] [data-target]');
  await target.waitFor();
  const from = target.locator('[data-from]').first();
  assert.equal(await from.isVisible(), true);
  // The passage is scrolled into view (smoothly, where the reader allows motion).
  await page.waitForFunction(() => { const r = document.querySelector('[data-target] [data-from]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }, null, { timeout: 3000 })
    .catch(() => assert.fail('the title and kind are on the screen with the passage'));
  const title = await text(page.locator('[data-view="document"] h1'));
  assert.match(await text(from), new RegExp(`^(Nieuws|Opinie|Persbericht|Reactie).*: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  assertClean(assert, problems);
  await context.close();
});

test('the Participatiewet paragraph is text, labelled as the web page\'s introduction', async () => {
  const { page, problems, context } = await open('?doc=nivel-proeftuinen&passage=nivel-proeftuinen-0');
  const passage = page.locator('[data-passage="nivel-proeftuinen-0"]');
  assert.match(await text(passage), /Sinds 1 januari 2015 is de Participatiewet van kracht/);
  assert.equal(await text(passage.locator('[data-page-intro]')), 'Inleiding van de webpagina, boven het artikel');
  assertClean(assert, problems);
  await context.close();
});

test('the words are plain: tagline, footer without version, version on the accessibility page', async () => {
  const { page, problems, context } = await open();
  assert.equal(await text(page.locator('.site-header__tagline')), 'Teksten over jeugdhulp, zorg en werk, nu de gemeente die regelt');
  const footer = await text(page.locator('.site-footer'));
  assert.ok(!/Versie|Offline/.test(footer), `no version or offline jargon in the footer: ${footer}`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid', exact: true }).click();
  await page.locator('[data-view="toegankelijkheid"] [data-build]').waitFor();
  assertClean(assert, problems);
  await context.close();
});

// Naast elkaar at phone length.

test('Naast elkaar by theme is at most 8 screens long on a phone, before anything unfolds', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar');
  await page.locator('[data-group]').first().waitFor();
  const { height, screen } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, screen: innerHeight }));
  console.log(`Naast elkaar by theme at 390 px: ${height} px, ${(height / screen).toFixed(1)} screens`);
  assert.ok(height <= 8 * screen, `${height} px is ${(height / screen).toFixed(1)} screens of ${screen} px`);
  // Every column shows its first three cards, and "Toon alle N" for the rest.
  for (const column of await page.locator('[data-group] details.group__fold[open] [data-side]').all()) {
    const shown = await column.locator('[data-passage]:visible').count();
    const all = await column.locator('[data-passage]').count();
    assert.equal(shown, Math.min(all, 3));
    if (all > 3) assert.equal(await text(column.getByRole('button', { name: `Toon alle ${all}` })), `Toon alle ${all}`);
  }
  assertClean(assert, problems);
  await context.close();
});

test('the list of groups leads to each group with its counts; a column unfolds to all its cards', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar');
  const links = page.locator('.group-index [data-group-link]');
  assert.equal(await links.count(), await page.locator('[data-group]').count(), 'one link per group');
  const geld = page.locator('.group-index [data-group-link="geld"]');
  const counts = (await text(geld)).match(/(\d+) optimistisch, (\d+) kritisch, (\d+) gemengd/);
  assert.ok(counts, await text(geld));
  const group = page.locator('[data-group="geld"]');
  assert.equal(await group.locator('details.group__fold').getAttribute('open'), null, 'folded at first on a phone');
  await geld.getByRole('link').click();
  await page.waitForFunction(() => document.querySelector('[data-group="geld"] details.group__fold').open);
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-group]')?.dataset.group), 'geld', 'focus moves to the group');
  const critical = group.locator('[data-side="kritisch"]');
  assert.equal(await critical.locator('[data-passage]').count(), Number(counts[2]), 'the link counts what the column holds');
  const more = critical.getByRole('button', { name: /^Toon alle/ });
  await more.click();
  assert.equal(await critical.locator('[data-passage]:visible').count(), Number(counts[2]));
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  assertClean(assert, problems);
  await context.close();
});

test('a theme filter shows that theme alone, and the summary names it', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar&thema=geld');
  const groups = await page.locator('[data-group]').evaluateAll((els) => els.map((el) => el.dataset.group));
  assert.deepEqual(groups, ['geld']);
  assert.equal(await page.locator('[data-group="geld"] details.group__fold').getAttribute('open'), '', 'open');
  assert.match(await text(page.locator('.search__count')), /^Over geld en bezuinigingen: \d+ optimistisch, \d+ kritisch, \d+ gemengd of neutraal\.$/);
  assertClean(assert, problems);
  await context.close();
});

// Every view: axe and tap targets at 390 px.

/** Interactive elements smaller than 24 by 24 px, except links and buttons inside a sentence
 * (WCAG 2.5.8 exempts those); and main navigation links under 44 px tall. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const inSentence = (el) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const block = el.parentElement.closest('p, li, dd, td, span.term__pop, label');
      if (!block) return false;
      const rest = [...block.childNodes].filter((n) => !n.contains(el) && n !== el).map((n) => n.textContent).join('');
      return /[a-z]{2}/i.test(rest);
    };
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
      if (!el.checkVisibility() || el.closest('[inert], [aria-hidden="true"], .warm-up')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const nav = el.closest('.site-nav');
      const min = nav ? 44 : 24;
      if ((r.height < min - 0.5 || r.width < 24 - 0.5) && (nav || !inSentence(el))) {
        small.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return small;
  });
}

const VIEWS = [
  '', '?q=zorg', '?q=thuiszorg', '?view=naast-elkaar', '?view=naast-elkaar&groep=kernvraag',
  '?view=teksten', '?doc=stop-doemdenken', '?doc=nivel-proeftuinen&passage=nivel-proeftuinen-0',
  '?view=begrippen', '?view=begrippen&begrip=wmo', '?view=overzicht', '?view=toegankelijkheid',
];

test('every view at 390 px passes axe and has tap targets of at least 24 px', async () => {
  for (const query of VIEWS) {
    const { page, problems, context } = await open(query);
    await afterNextFrame(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${query}:\n${violations.join('\n')}`);
    const small = await smallTargets(page);
    assert.deepEqual(small, [], `${query || 'start'}: targets under 24 px (44 px in the menu)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${query} scrolls sideways by ${overflow}px`);
    assertClean(assert, problems);
    await context.close();
  }
});

test('screenshots at 390 px', async () => {
  for (const [name, query] of [['start', ''], ['thuiszorg', '?q=thuiszorg'], ['naast-elkaar', '?view=naast-elkaar'], ['overzicht-320', '?view=overzicht']]) {
    const { page, context } = await open(query, name.endsWith('320') ? { ...PHONE, viewport: { width: 320, height: 640 } } : PHONE);
    await screenshot(page, `citizen-${name}`);
    await context.close();
  }
});
