// Zoeken, the start view: typing, marks, filters with counts, no results, opening a hit,
// Back, and hostile input — as a reader does it, in Debian's headless Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterNextFrame, appReady, assertClean, launch, openPage, repo, serveDist } from './harness.mjs';

let browser, server;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = '', options) {
  const session = await openPage(browser, server, options);
  await session.page.goto(server.url + query);
  await appReady(session.page);
  return session;
}

const countText = (page) => page.locator('.search__count').innerText();
const hitIds = (page) => page.locator('.hits [data-passage]').evaluateAll((els) => els.map((el) => el.dataset.passage));

test('the start view searches as you type and marks the matched words', async () => {
  const { page, problems, context } = await open();
  const box = page.getByLabel('Zoek in alle teksten');
  assert.equal(await box.getAttribute('type'), 'search');
  assert.match(await countText(page), /^Alle 79 tekstdelen/, 'an empty query lists the whole corpus');
  await box.click();
  const historyBefore = await page.evaluate(() => history.length);
  await page.keyboard.type('bezuinigingen', { delay: 20 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'bezuinigingen');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'zoekveld', 'focus stays in the box');
  const ids = await hitIds(page);
  assert.equal(ids[0], 'hoogendijk-7');
  assert.ok(ids.includes('mijn-mening-2-1'));
  const marks = await page.locator('.hits [data-passage="hoogendijk-7"] mark').allInnerTexts();
  assert.ok(marks.some((m) => /bezuinigingen/i.test(m)), `marked: ${marks}`);
  assert.match(await page.locator('.hits [data-passage="hoogendijk-2"] .hit__why').innerText(), /Waarom deze treffer/);
  // Typing replaced the history entry instead of adding one per letter.
  assert.equal(await page.evaluate(() => history.length), historyBefore);
  assertClean(assert, problems);
  await context.close();
});

test('a keystroke changes the hits on the screen at once, and the hits off the screen and the filter counts right after', async () => {
  // Every stance chosen: every passage, without the start page's introduction above the list
  // (it goes on the first move, which would move the rows this test follows).
  const { page, problems, context } = await open('?kant=optimistisch,kritisch,gemengd');
  await page.waitForSelector('.hits li');
  // Each keystroke: the rows at the first frame after it (which rows are on the screen, and
  // what they show) and the filter counts, and the same once the page is still.
  await page.evaluate(() => {
    window.__frames = [];
    const rows = () => [...document.querySelectorAll('.hits > li:not([hidden])')].map((li) => {
      const box = li.getBoundingClientRect();
      return { id: li.dataset.passage, seen: box.bottom > 0 && box.top < innerHeight };
    });
    const counts = () => [...document.querySelectorAll('.filters__count')].map((c) => c.textContent).join(' ');
    const now = () => ({ rows: rows(), counts: counts() });
    document.addEventListener('input', () => requestAnimationFrame(() => window.__frames.push(now())), true);
    window.__now = now;
  });
  const settled = () => page.evaluate(() => new Promise((ok) => setTimeout(() => requestAnimationFrame(() => setTimeout(() => ok(window.__now()), 50)), 100)));
  // The page has said which rows are on the screen before the reader types.
  await page.waitForTimeout(300);
  const check = async (act, where) => {
    const { rows: before, counts: beforeCounts } = await settled();
    const frames = await page.evaluate(() => window.__frames.length);
    await act();
    await page.waitForFunction((n) => window.__frames.length > n, frames);
    const { rows: first, counts: firstCounts } = (await page.evaluate(() => window.__frames))[frames];
    const { rows: after, counts: afterCounts } = await settled();
    const seen = first.filter((row) => row.seen);
    assert.ok(seen.length >= 2 && seen.length < first.length, `${where}: some rows on the screen, not all (${seen.length} of ${first.length})`);
    first.forEach((row, i) => {
      if (row.seen) assert.equal(row.id, after[i].id, `${where}: row ${i + 1} is on the screen and shows its new hit in the first frame`);
    });
    const late = first.map((row, i) => (!row.seen && row.id !== after[i].id ? i : -1)).filter((i) => i >= 0);
    assert.ok(late.length > 0, `${where}: rows off the screen follow after the first frame: ${JSON.stringify({ before: before.map((r) => r.id), first, after: after.map((r) => r.id) })}`);
    assert.ok(late.every((i) => before[i].id === first[i].id), `${where}: a row off the screen showed its old hit until then`);
    assert.equal(firstCounts, beforeCounts, `${where}: the filter counts are the old ones in the first frame`);
    assert.notEqual(afterCounts, beforeCounts, `${where}: then the filter counts follow`);
  };
  // A first letter changes every row.
  await page.locator('#zoekveld').focus();
  await check(() => page.keyboard.press('b'), 'typing at the top');
  await page.keyboard.press('Escape');
  // Scrolled down to the last hits, a filter chosen with the keyboard (typing would scroll the
  // search box back into view): the last hits change at once, the first ones after.
  await page.locator('.hits > li:not([hidden])').last().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.evaluate(() => document.getElementById('f-kant-kritisch').focus({ preventScroll: true }));
  await check(() => page.keyboard.press(' '), 'a filter, scrolled to the last hits');
  assertClean(assert, problems);
  await context.close();
});

test('fewer hits hide the rows past them and more show them again: the same rows, never a stale one', async () => {
  const { page, problems, context } = await open();
  const box = page.getByLabel('Zoek in alle teksten');
  const rows = () => page.evaluate(() => [...document.querySelectorAll('.hits > li')].map((li) => ({
    same: li.__row !== undefined, row: li.__row, hidden: li.hidden, shown: li.checkVisibility(), id: li.dataset.passage ?? null,
  })));
  // Each row the list has now gets a name that only this very element carries.
  await page.evaluate(() => document.querySelectorAll('.hits > li').forEach((li, i) => { li.__row = i; }));
  const settle = () => afterNextFrame(page);
  await box.fill('zelfredzaamheid');
  await page.waitForFunction(() => document.querySelector('.search__count')?.textContent.startsWith('3 '));
  await settle();
  let now = await rows();
  assert.equal(now.length, 10, 'the rows stay');
  assert.ok(now.every((r, i) => r.same && r.row === i), 'the same elements, in their places');
  assert.deepEqual(now.map((r) => r.shown), [true, true, true, false, false, false, false, false, false, false], 'three shown, the rest hidden');
  assert.ok(now.slice(3).every((r) => r.hidden && r.id === null), 'a hidden row names no passage');
  assert.equal(await page.getByRole('listitem').filter({ has: page.locator('.hit__title') }).count(), 3, 'only the shown rows are list items to assistive technology');
  // No hits at all: the list is hidden, and comes back with the next hits.
  await box.fill('xqzv');
  await page.waitForSelector('[data-no-results]');
  assert.equal(await page.locator('ol.hits').isVisible(), false, 'no empty list beside the message');
  await box.fill('zorg');
  await page.waitForFunction(() => document.querySelectorAll('.hits > li:not([hidden])').length === 10);
  await settle();
  now = await rows();
  assert.ok(now.every((r, i) => r.same && r.row === i && r.shown && !r.hidden), 'the same ten rows, all shown');
  assert.equal(await page.locator('[data-no-results]').count(), 0);
  // They show what a list built afresh for the same query shows.
  const fresh = await open('?q=zorg');
  assert.deepEqual(now.map((r) => r.id), await hitIds(fresh.page), 'the hits of a fresh list, in its order');
  const snippets = (p) => p.locator('.hits > li:not([hidden]) .hit__snippet').allInnerTexts();
  assert.deepEqual(await snippets(page), await snippets(fresh.page), 'and their snippets');
  assertClean(assert, fresh.problems);
  await fresh.context.close();
  assertClean(assert, problems);
  await context.close();
});

test('the warm-up after start-up (a copy of the list nobody sees) leaves the page as it was', async () => {
  const { page, problems, context } = await openPage(browser, server);
  // From the start: whenever a copy enters the page, it must be hidden from everyone, and no
  // id may then appear twice.
  await page.addInitScript(() => {
    window.__copies = [];
    new MutationObserver((list) => {
      if (!list.some((m) => [...m.addedNodes].some((n) => n.classList?.contains('warm-up')))) return;
      const copy = document.querySelector('.warm-up');
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      window.__copies.push({
        hidden: copy.getAttribute('aria-hidden') === 'true' && copy.inert && getComputedStyle(copy).visibility === 'hidden',
        dupes: ids.length - new Set(ids).size,
        lists: copy.querySelectorAll('.hits').length,
      });
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url + '?q=zorg&kant=kritisch');
  await appReady(page);
  await page.waitForSelector('.hits li');
  const seen = () => page.evaluate(() => ({
    title: document.title,
    address: location.href,
    count: document.querySelector('.search__count').textContent,
    hits: [...document.querySelectorAll('.hits [data-passage]')].map((el) => el.dataset.passage).join(),
    checked: [...document.querySelectorAll('.filters input:checked')].map((el) => el.id).join(),
  }));
  const before = await seen();
  // Changes inside <main> from now on. The warm-up is often over by this point (the copies above
  // were watched from the start); a copy typing into the page would still leave it changed.
  await page.evaluate(() => {
    window.__changes = 0;
    new MutationObserver((list) => { window.__changes += list.length; }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.waitForTimeout(1500);
  const copies = await page.evaluate(() => window.__copies);
  assert.equal(copies.length, 1, 'one copy entered the page');
  assert.deepEqual(copies[0], { hidden: true, dupes: 0, lists: 1 }, 'hidden, inert and aria-hidden, with no id twice');
  assert.equal(await page.locator('.warm-up').count(), 0, 'the copy is gone');
  assert.equal(await page.evaluate(() => window.__changes), 0, 'nothing in the page changed while the warm-up ran');
  const after = await seen();
  assert.deepEqual(after, before);
  // And it is the page the address asked for (the warm-up may have run before the first look).
  assert.match(after.address, /\?q=zorg&kant=kritisch$/);
  assert.equal(after.checked, 'f-kant-kritisch');
  assert.equal(await page.getByLabel('Zoek in alle teksten').inputValue(), 'zorg');
  const stances = await page.locator('.hits .stance').evaluateAll((els) => els.map((el) => el.dataset.stance));
  assert.ok(stances.length > 0 && stances.every((s) => s === 'kritisch'), `stances: ${stances}`);
  // Typing still answers, from the query and filter in the address.
  await page.getByLabel('Zoek in alle teksten').fill('bezuinigingen');
  await page.waitForFunction((hits) => [...document.querySelectorAll('.hits [data-passage]')].map((el) => el.dataset.passage).join() !== hits, before.hits);
  assert.match(await countText(page), /gevonden/);
  assertClean(assert, problems);
  await context.close();
});

test('"Waarom deze treffer?" opens and closes the reasons, by mouse and keyboard, and they follow the hit', async () => {
  const { page, problems, context } = await open();
  const box = page.getByLabel('Zoek in alle teksten');
  // No query, no reasons: the control is not shown.
  assert.equal(await page.locator('.hits .hit__why button:visible').count(), 0);
  await box.fill('bezuinigingen ');
  const first = page.locator('.hits > li:not([hidden])').first();
  await page.waitForFunction(() => document.querySelector('.hits > li:not([hidden])')?.dataset.passage === 'hoogendijk-7');
  const toggle = first.getByRole('button', { name: 'Waarom deze treffer?' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await first.locator('.hit__why li').count(), 0, 'closed, nothing is written out');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await first.locator('.hit__why li').allInnerTexts(), ['\u201cbezuinigingen\u201d staat in de tekst.']);
  // The open row shows the reasons of whatever hit typing puts in it.
  await box.fill('kwetsbare mensen');
  await page.waitForFunction(() => document.querySelector('.hits > li:not([hidden])')?.dataset.passage !== 'hoogendijk-7');
  const reasons = await first.locator('.hit__why li').allInnerTexts();
  assert.ok(reasons.length > 0 && reasons.every((r) => !/bezuinigingen/.test(r)) && reasons.some((r) => /kwetsba|mensen/.test(r)), `reasons: ${reasons}`);
  // Enter on the focused control closes it again.
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await first.locator('.hit__why li').count(), 0);
  assertClean(assert, problems);
  await context.close();
});

test('two filters combine and the counts follow', async () => {
  const { page, problems, context } = await open('?q=gemeenten');
  const total = Number((await countText(page)).match(/^(\d+)/)[1]);
  await page.locator('[data-filter="kant"][data-value="kritisch"] label').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('kant') === 'kritisch');
  await afterNextFrame(page);
  const kritisch = Number((await countText(page)).match(/^(\d+)/)[1]);
  assert.ok(kritisch < total, `${kritisch} < ${total}`);
  for (const stance of await page.locator('.hits [data-passage]').evaluateAll((els) => els.map((el) => el.querySelector('.stance')?.dataset.stance))) {
    assert.equal(stance, 'kritisch');
  }
  const themeLabel = page.locator('[data-filter="thema"][data-value="geld"] label');
  const themeCount = Number((await themeLabel.innerText()).match(/\((\d+)\)/)[1]);
  await themeLabel.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('thema') === 'geld');
  assert.equal(Number((await countText(page)).match(/^(\d+)/)[1]), themeCount, 'the count on the label is what you get');
  // A value with no hits under the query stays visible but cannot be chosen.
  await afterNextFrame(page);
  const disabled = await page.locator('.filters input:disabled').count();
  assert.ok(disabled > 0, 'some values are disabled');
  await page.click('.filters__clear');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('kant'));
  assert.equal(Number((await countText(page)).match(/^(\d+)/)[1]), total);
  assertClean(assert, problems);
  await context.close();
});

test('on a phone the filters start folded, so the hits come right under the search box', async () => {
  const { page, problems, context } = await open('?q=zorg&kant=kritisch&thema=geld', { viewport: { width: 412, height: 915 } });
  const details = page.locator('.filters details');
  const summary = page.locator('.filters summary');
  assert.equal(await details.evaluate((d) => d.open), false, 'folded on a narrow screen');
  // What a screen reader hears of the summary: the style sheet adds "(aan)" while filters are on.
  const said = () => summary.ariaSnapshot();
  assert.match(await said(), /"Filters"[^]*text: \(aan\)/, 'the summary says filters are on');
  assert.equal(await page.locator('[data-filter="kant"][data-value="kritisch"] input').isVisible(), false);
  const firstHit = await page.locator('.hits [data-passage]').first().boundingBox();
  assert.ok(firstHit.y < 915, `the first hit starts on the first screen (at ${firstHit.y} px)`);
  // Typing still updates the folded filters, and opening them shows the counts of this query.
  await page.getByLabel('Zoek in alle teksten').fill('jeugd');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'jeugd');
  await summary.click();
  assert.equal(await details.evaluate((d) => d.open), true, 'the summary opens them');
  const kritisch = page.locator('[data-filter="kant"][data-value="kritisch"]');
  assert.equal(await kritisch.locator('input').isVisible(), true);
  assert.equal(await kritisch.locator('input').isChecked(), true, 'the chosen filter is checked');
  await kritisch.locator('label').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('kant'));
  assert.match(await said(), /"Filters"[^]*text: \(aan\)/, 'one filter is still on');
  await page.click('.filters__clear');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('thema'));
  assert.doesNotMatch(await said(), /aan/, 'no "(aan)" without filters');
  assert.match(await said(), /Filters/);
  assertClean(assert, problems);
  await context.close();
  // On a wide screen they are open beside the results.
  const wide = await open('?q=zorg');
  assert.equal(await wide.page.locator('.filters details').evaluate((d) => d.open), true, 'open on a wide screen');
  assert.equal(await wide.page.locator('[data-filter="kant"][data-value="kritisch"] input').isVisible(), true);
  assertClean(assert, wide.problems);
  await wide.context.close();
});

test('no results says why and offers a word from the corpus that works', async () => {
  const { page, problems, context } = await open('?q=qqqzzzjjj');
  await page.locator('[data-no-results]').waitFor();
  assert.match(await page.locator('[data-no-results]').innerText(), /Geen enkel tekstdeel/);
  await page.goto(server.url + '?q=jeugd&kant=optimistisch&soort=reactie');
  await appReady(page);
  await page.locator('[data-no-results]').waitFor();
  await page.getByText('Zoek zonder filters').click();
  await page.waitForFunction(() => document.querySelectorAll('.hits [data-passage]').length > 0);
  assert.equal(new URL(page.url()).searchParams.get('kant'), null);
  assertClean(assert, problems);
  await context.close();
});

test('a suggestion for a misspelled word is clickable and finds passages', async () => {
  // Four letters get no typo tolerance, so "zrog" finds nothing; "zorg" is one swap away.
  const { page, problems, context } = await open('?q=zrog');
  await page.locator('[data-no-results]').waitFor();
  const suggestion = page.locator('.suggestion', { hasText: /^zorg$/ });
  await suggestion.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'zorg');
  assert.ok((await hitIds(page)).length > 5);
  // The search box says what was searched, also after Back and Forward in this view.
  const box = page.getByLabel('Zoek in alle teksten');
  assert.equal(await box.inputValue(), 'zorg');
  await page.goBack();
  await page.locator('[data-no-results]').waitFor();
  assert.equal(await box.inputValue(), 'zrog');
  await page.goForward();
  await page.waitForFunction(() => document.querySelectorAll('.hits [data-passage]').length > 5);
  assert.equal(await box.inputValue(), 'zorg');
  // Typed on, it keeps what is typed.
  await box.press('End');
  await box.pressSequentially('en');
  await page.waitForFunction(() => /^\d+ tekstdelen gevonden/.test(document.querySelector('.search__count').innerText));
  assert.equal(await box.inputValue(), 'zorgen');
  assertClean(assert, problems);
  await context.close();
});

test('opening a hit lands on the marked passage, and Back restores the query and filters', async () => {
  const { page, problems, context } = await open('?q=wijkteams&kant=optimistisch');
  await page.locator('.hits [data-passage="stop-doemdenken-6"] h2 a').click();
  const passage = page.locator('[data-view="document"] [data-passage="stop-doemdenken-6"]');
  await passage.waitFor();
  assert.equal(await passage.getAttribute('data-target'), 'true');
  assert.ok((await passage.locator('mark').allInnerTexts()).some((m) => /wijkteams/i.test(m)), 'search terms marked in the text');
  await page.goBack();
  await page.locator('[data-view="zoeken"]').waitFor();
  assert.equal(await page.getByLabel('Zoek in alle teksten').inputValue(), 'wijkteams');
  assert.equal(await page.locator('[data-filter="kant"][data-value="optimistisch"] input').isChecked(), true);
  assertClean(assert, problems);
  await context.close();
});

test('each hit is a real link to its passage with the query and filters, followed in place, or left to the browser with Ctrl', async () => {
  const { page, problems, context } = await open('?q=wijkteams&kant=optimistisch');
  const box = page.getByLabel('Zoek in alle teksten');
  await box.press('End');
  await box.pressSequentially(' burger');
  // Every shown hit's address follows the query (rows off the screen a frame later).
  const expected = (id) => new RegExp(`^\\?doc=[a-z0-9-]+&passage=${id}&q=wijkteams%20burger&kant=optimistisch$`);
  await page.waitForFunction(() => [...document.querySelectorAll('.hits > li:not([hidden]) h2 a')].every((a) => a.getAttribute('href').includes('q=wijkteams%20burger')));
  const links = await page.locator('.hits > li:not([hidden])').evaluateAll((rows) => rows.map((li) => [li.dataset.passage, li.querySelector('h2 a').getAttribute('href')]));
  assert.ok(links.length > 1, 'several hits');
  for (const [id, href] of links) assert.match(href, expected(id), `the link of ${id}`);
  // With Ctrl the browser opens the address in a new tab, and this page stays where it is.
  const [id, href] = links[1];
  const [tab] = await Promise.all([context.waitForEvent('page'), page.locator(`.hits [data-passage="${id}"] h2 a`).click({ modifiers: ['Control'] })]);
  await appReady(tab);
  assert.equal(await tab.locator(`[data-view="document"] [data-passage="${id}"]`).getAttribute('data-target'), 'true', 'the new tab opens the passage');
  assert.equal(new URL(tab.url()).search, href);
  assert.equal(await page.locator('[data-view="zoeken"]').count(), 1, 'the list stays');
  assert.equal(await box.inputValue(), 'wijkteams burger');
  // A plain click opens it here.
  await page.locator(`.hits [data-passage="${id}"] h2 a`).click();
  await page.locator(`[data-view="document"] [data-passage="${id}"][data-target="true"]`).waitFor();
  assert.equal(new URL(page.url()).search, href);
  assertClean(assert, problems);
  await context.close();
});

test('the address follows typing once it pauses, and a hit opened at once still comes Back to what was typed', async () => {
  const { page, problems, context } = await open('');
  const box = page.getByLabel('Zoek in alle teksten');
  await page.evaluate(() => {
    window.__writes = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => { window.__writes += 1; return replace(...args); };
  });
  await box.pressSequentially('wijkteams', { delay: 20 });
  // While typing the address waits (it is written once typing pauses) ...
  const writes = await page.evaluate(() => window.__writes);
  assert.ok(writes < 3, `the address was written ${writes} times while 9 letters were typed`);
  await page.waitForFunction(() => document.querySelectorAll('.hits [data-passage]').length > 0);
  // ... and following a link before it is written writes it first, so Back finds it.
  await page.locator('.hits [data-passage] h2 a').first().click();
  await page.locator('[data-view="document"]').waitFor();
  await page.goBack();
  await page.locator('[data-view="zoeken"]').waitFor();
  assert.equal(await box.inputValue(), 'wijkteams');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'wijkteams');
  // A pause writes it too.
  await box.pressSequentially(' zorg');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'wijkteams zorg');
  assertClean(assert, problems);
  await context.close();
});

test("each hit shows its passage's themes in the corpus order, and none when it has none", async () => {
  const dir = join(repo, 'corpus');
  const themes = await readFile(join(dir, 'themes.toml'), 'utf8');
  const label = Object.fromEntries([...themes.matchAll(/^id = "([^"]+)"\nlabel = "([^"]+)"/gm)].map((m) => [m[1], m[2]]));
  const expected = {};
  for (const file of (await readdir(join(dir, 'documents'))).filter((f) => f.endsWith('.md'))) {
    const text = await readFile(join(dir, 'documents', file), 'utf8');
    for (const [, id, list] of text.matchAll(/^::: ([a-z0-9-]+) \| \w+ \| (.*)$/gm)) {
      expected[id] = list.trim() === '-' ? [] : list.split(',').map((t) => label[t.trim()]);
    }
  }
  const { page, problems, context } = await open('?q=boek%20bestellen');
  const shown = () => page.locator('.hits [data-passage]').evaluateAll((els) => els.map((el) => ({
    id: el.dataset.passage,
    themes: [...el.querySelectorAll('.theme')].filter((t) => t.checkVisibility()).map((t) => t.textContent),
    list: el.querySelector('.themes').checkVisibility(),
  })));
  const check = async (query) => {
    const hits = await shown();
    assert.ok(hits.length > 1, `${query}: several hits`);
    for (const hit of hits) {
      assert.deepEqual(hit.themes, expected[hit.id], `${query}: the themes of ${hit.id}`);
      assert.equal(hit.list, expected[hit.id].length > 0, `${query}: the theme list of ${hit.id} is shown only with themes`);
    }
    return hits;
  };
  assert.ok((await check('boek bestellen')).some((h) => expected[h.id].length === 0), 'a passage without themes is among the hits');
  // Typing on: the same rows now hold other passages, and their labels follow.
  await page.fill('#zoekveld', 'zorg');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'zorg');
  assert.ok((await check('zorg')).some((h) => expected[h.id].length >= 3), 'a passage with several themes is among the hits');
  assertClean(assert, problems);
  await context.close();
});

test('slash focuses the search box and Escape clears it', async () => {
  const { page, problems, context } = await open('?q=zorg');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'zoekveld');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  assert.equal(await page.getByLabel('Zoek in alle teksten').inputValue(), '');
  assertClean(assert, problems);
  await context.close();
});

test('hostile queries are shown as text and break nothing', async () => {
  for (const query of ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"\u202e\u200b😀" -', 'x'.repeat(3000)]) {
    const { page, problems, context } = await open('?q=' + encodeURIComponent(query));
    const box = page.getByLabel('Zoek in alle teksten');
    assert.equal((await box.inputValue()).length > 0, true);
    assert.equal(await page.locator('main img, main script').count(), 0, `${query.slice(0, 30)}: no injected element`);
    await box.fill(query);
    await page.waitForTimeout(50);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assertClean(assert, problems);
    await context.close();
  }
});

test('the browser folds text as the build did: diacritics, decomposed marks, ligatures, case', async () => {
  // In the wasm, folding uses the browser's own Unicode tables (src/text/unicode.rs); the
  // index was built natively. Every spelling must find exactly what the plain one finds.
  const { page, problems, context } = await open();
  const box = page.getByLabel('Zoek in alle teksten');
  const idsFor = async (query) => {
    await box.fill(query);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
    return hitIds(page);
  };
  const groups = [
    ['client', 'cliënt', 'clie\u0308nt', 'CLIËNT', 'Cliënt'],
    ['zorgcontinuiteit', 'zorgcontinuïteit', 'ZORGCONTINUÏTEIT'],
    ['financiele', 'financiële', 'ﬁnanciële'],
    ['geexperimenteerd', 'geëxperimenteerd', 'GEËXPERIMENTEERD'],
  ];
  for (const [plain, ...others] of groups) {
    const expected = await idsFor(plain);
    assert.ok(expected.length > 0, `${plain} finds passages`);
    for (const other of others) assert.deepEqual(await idsFor(other), expected, `${JSON.stringify(other)} finds what ${plain} finds`);
  }
  // The marks land on the original spelling in the text.
  await idsFor('client');
  const marks = await page.locator('.hits mark').allInnerTexts();
  assert.ok(marks.some((m) => /cliënt/i.test(m)), `marked: ${marks}`);
  assertClean(assert, problems);
  await context.close();
});

test('hits come a page at a time: "Toon meer" adds the next ones and focus moves to the first added', async () => {
  const { page, problems, context } = await open();
  assert.match(await countText(page), /^Alle 79 tekstdelen \(de eerste 10 staan hieronder\)/);
  assert.equal((await hitIds(page)).length, 10);
  const more = page.getByRole('button', { name: /^Toon 10 meer \(nu 10 van 79\)$/ });
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.hits > li:not([hidden])').length === 20);
  const focused = await page.evaluate(() => document.activeElement.closest('.hits > li:not([hidden])')?.dataset.passage);
  assert.equal(focused, (await hitIds(page))[10], 'focus on the 11th hit');
  for (const shown of [20, 30, 40, 50, 60]) {
    await page.getByRole('button', { name: `Toon 10 meer (nu ${shown} van 79)` }).click();
  }
  await page.getByRole('button', { name: /^Toon 9 meer \(nu 70 van 79\)$/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('.hits > li:not([hidden])').length === 79);
  assert.equal(await page.locator('.search__more').count(), 0, 'no button when all are shown');
  assert.match(await countText(page), /^Alle 79 tekstdelen\.$/);
  // A new query starts again at one page.
  await page.getByLabel('Zoek in alle teksten').fill('gemeente');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'gemeente');
  assert.ok((await hitIds(page)).length <= 10);
  assertClean(assert, problems);
  await context.close();
});
