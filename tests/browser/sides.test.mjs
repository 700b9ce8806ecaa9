// Naast elkaar: the two columns, narrowed by search and filters, grouped per theme or per
// key question, restored from a link, usable at phone width.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, assertClean, axeViolations, launch, openPage, screenshot, serveDist } from './harness.mjs';

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

const side = (page, group, name) => page.locator(`[data-group="${group}"] [data-side="${name}"]`);
const ids = (locator) => locator.locator('[data-passage]').evaluateAll((els) => els.map((el) => el.dataset.passage));

test('each column holds the passages of its side', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar');
  const optimistic = await ids(side(page, 'geld', 'optimistisch'));
  const critical = await ids(side(page, 'geld', 'kritisch'));
  assert.ok(optimistic.includes('stop-doemdenken-13'), `${optimistic}`);
  assert.ok(critical.includes('hoogendijk-2'), `${critical}`);
  assert.ok(!critical.includes('stop-doemdenken-13') && !optimistic.includes('hoogendijk-2'));
  assert.ok((await ids(page.locator('[data-group="geld"] [data-side="gemengd"]'))).includes('hoogendijk-3'));
  for (const stance of await page.locator('[data-side="kritisch"] [data-passage]').evaluateAll((els) => els.map((el) => el.dataset.stance))) {
    assert.equal(stance, 'kritisch');
  }
  assert.match(await page.locator('[data-group="geld"] .balance__numbers').innerText(), /\d+ optimistisch tegenover \d+ kritisch/);
  assertClean(assert, problems);
  await context.close();
});

test('a search narrows both columns and their counts', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar');
  const before = await page.locator('.search__count').innerText();
  await page.getByLabel('Zoek in alle teksten').fill('bezuinigingen');
  await page.waitForFunction((b) => document.querySelector('.search__count').innerText !== b, before);
  const all = await page.locator('[data-side] [data-passage]').evaluateAll((els) => [...new Set(els.map((el) => el.dataset.passage))]);
  assert.ok(all.length > 0 && all.length < 10, `${all}`);
  assert.ok(all.includes('hoogendijk-2'));
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'bezuinigingen');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'naast-elkaar', 'typing keeps the view');
  // A theme where the search leaves one side empty says so plainly.
  const empty = await page.locator('.side__empty').count();
  assert.ok(empty > 0, 'an empty side is explained');
  assertClean(assert, problems);
  await context.close();
});

test('switching grouping keeps the query, and the link restores grouping and filters', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar&q=gemeenten&kant=kritisch,optimistisch');
  await page.getByRole('link', { name: 'kernvraag' }).click();
  await page.locator('[data-group="dichter-bij-de-burger"]').waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('groep'), 'kernvraag');
  assert.equal(url.searchParams.get('q'), 'gemeenten');
  assert.equal(url.searchParams.get('kant'), 'kritisch,optimistisch');
  assert.match(await page.locator('[data-group="dichter-bij-de-burger"] h2').innerText(), /dichter bij de burger/);
  const restored = await openPage(browser, server);
  await restored.page.goto(page.url());
  await restored.page.locator('[data-group="dichter-bij-de-burger"]').waitFor();
  assert.equal(await restored.page.getByLabel('Zoek in alle teksten').inputValue(), 'gemeenten');
  assert.equal(await restored.page.locator('[data-filter="kant"][data-value="kritisch"] input').isChecked(), true);
  assert.equal(await restored.page.locator('[data-side="gemengd"]').count(), 0, 'the stance filter leaves out the mixed ones');
  assertClean(assert, problems);
  assertClean(assert, restored.problems);
  await restored.context.close();
  await context.close();
});

test('at phone width both sides are there, one under the other, with their counts', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar&groep=kernvraag', { viewport: { width: 360, height: 740 } });
  // On a phone a group other than the first starts folded: the list at the top opens it.
  await page.locator('.group-index [data-group-link="kan-het-goedkoper"] a').click();
  const o = side(page, 'kan-het-goedkoper', 'optimistisch');
  const k = side(page, 'kan-het-goedkoper', 'kritisch');
  await o.scrollIntoViewIfNeeded();
  assert.match(await o.locator('h3').innerText(), /Optimistisch: kansen \(\d+\)/);
  await k.scrollIntoViewIfNeeded();
  assert.match(await k.locator('h3').innerText(), /Kritisch: zorgen \(\d+\)/);
  const [ob, kb] = [await o.boundingBox(), await k.boundingBox()];
  assert.ok(kb.y > ob.y, 'stacked');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await screenshot(page, 'naast-elkaar-phone');
  assertClean(assert, problems);
  await context.close();
});

for (const [mode, options] of [['light', {}], ['dark', { colorScheme: 'dark' }], ['320px', { viewport: { width: 320, height: 640 } }]]) {
  test(`axe-core finds no violations side by side (${mode})`, async () => {
    for (const query of ['?view=naast-elkaar', '?view=naast-elkaar&groep=kernvraag&q=zorg']) {
      const { page, problems, context } = await open(query, options);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${mode} ${query}:\n${violations.join('\n')}`);
      if (mode === 'light') await screenshot(page, `naast-elkaar-desktop${query.includes('kernvraag') ? '-kernvraag' : ''}`);
      assertClean(assert, problems);
      await context.close();
    }
  });
}
