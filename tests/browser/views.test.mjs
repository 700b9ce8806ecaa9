// Begrippen and Overzicht, and glossary terms in the reading view, by keyboard.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, assertClean, axeViolations, launch, openPage, screenshot, serveDist } from './harness.mjs';
import { corpusDocuments, corpusPassages, whoSpeaks } from './corpus-facts.mjs';

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

test('the glossary lists every term and its search narrows the list', async () => {
  const { page, problems, context } = await open('?view=begrippen');
  const entries = page.locator('[data-view="begrippen"] [data-term]');
  const total = await entries.count();
  assert.ok(total >= 25, `${total} terms`);
  await page.getByLabel('Zoek een begrip').fill('wajong');
  await page.waitForFunction(() => document.querySelectorAll('[data-term]:not([hidden])').length < 5);
  const visible = await page.locator('[data-term]:not([hidden])').evaluateAll((els) => els.map((el) => el.dataset.term));
  assert.ok(visible.includes('wajong'), `${visible}`);
  assertClean(assert, problems);
  await context.close();
});

test('a glossary term in a passage opens its explanation by keyboard, Escape closes it', async () => {
  const { page, problems, context } = await open('?doc=stop-doemdenken');
  const term = page.locator('[data-passage="stop-doemdenken-6"] [data-glossary="wijkteam"]');
  const button = term.locator('button');
  await button.focus();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const pop = term.locator('.term__pop');
  assert.equal(await pop.isVisible(), true);
  assert.match(await pop.innerText(), /hulpverleners/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Meer in de begrippenlijst');
  await page.keyboard.press('Escape');
  assert.equal(await pop.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'false', 'focus back on the term');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('[data-view="begrippen"] [data-term="wijkteam"][data-target]').waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('the overview shows the time line and a matrix whose cells filter the search', async () => {
  const { page, problems, context } = await open('?view=overzicht');
  assert.equal(await page.locator('.timeline [data-year="2017"] a').count(), 1);
  const cell = page.locator('.matrix tr[data-theme="geld"] td[data-stance="kritisch"] a');
  const n = Number(await cell.innerText());
  assert.ok(n > 0);
  await cell.click();
  await page.locator('[data-view="zoeken"]').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('.hits [data-passage]').length === n, n);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('thema'), 'geld');
  assert.equal(url.searchParams.get('kant'), 'kritisch');
  assertClean(assert, problems);
  await context.close();
});

test('the overview says who speaks per side: kind and role tables counted from the corpus files', async () => {
  const passages = await corpusPassages();
  const { page, problems, context } = await open('?view=overzicht');
  for (const [table, key] of [['kant-soort', (p) => [p.doc.kind]], ['kant-rol', (p) => [...new Set(p.doc.voices.map((v) => v.category))]]]) {
    const cells = await page.locator(`[data-table="${table}"] td`).evaluateAll((els) => els.map((el) => ({
      stance: el.closest('tr').dataset.stance, column: el.dataset.column, text: el.innerText,
    })));
    assert.ok(cells.length >= 9, `${table}: ${cells.length} cells`);
    for (const { stance, column, text } of cells) {
      const mine = passages.filter((p) => p.stance === stance && key(p).includes(column));
      const { total } = whoSpeaks(mine);
      const voices = `${total.voices} ${total.voices === 1 ? 'stem' : 'stemmen'}`;
      assert.equal(text.replace(/\s+/g, ' ').trim(), `${total.passages} (${voices})`, `${table} ${stance} ${column}`);
    }
  }
  const note = await page.locator('[data-makeup]').innerText();
  assert.match(note, /De kritische kant bestaat hier vooral uit reacties van lezers/);
  assert.match(note, /Vergelijk daarom stemmen, niet alleen tekstdelen/);
  assertClean(assert, problems);
  await context.close();
});

test('every glossary entry names its source, and Jeugdwet is not linked from jeugdzorg abroad', async () => {
  const { page, problems, context } = await open('?view=begrippen');
  const entries = await page.locator('[data-term]').count();
  const sources = await page.locator('[data-term] [data-source]').evaluateAll((els) => els.map((el) => el.innerText));
  assert.equal(sources.length, entries);
  assert.ok(sources.every((s) => /^Bron: \S/.test(s)), sources.join('\n'));
  assert.match(await page.locator('[data-term="jeugdwet"] [data-source]').innerText(), /Jeugdwet, artikel/);
  for (const id of ['ggz', 'het-rijk', 'awbz', 'wlz', 'college']) assert.equal(await page.locator(`[data-term="${id}"]`).count(), 1, id);
  const reading = await openPage(browser, server);
  await reading.page.goto(server.url + '?doc=stop-doemdenken');
  await appReady(reading.page);
  assert.equal(await reading.page.locator('[data-passage="stop-doemdenken-13"] [data-glossary="jeugdzorg"]').count(), 1);
  assert.equal(await reading.page.locator('[data-passage="stop-doemdenken-13"] [data-glossary="jeugdwet"]').count(), 0);
  assertClean(assert, problems);
  assertClean(assert, reading.problems);
  await reading.context.close();
  await context.close();
});

test('the reading view marks inferred metadata, dates a late comment and gives label reasons', async () => {
  const documents = await corpusDocuments();
  const { page, problems, context } = await open('?doc=nivel-proeftuinen');
  const nivel = documents.find((d) => d.id === 'nivel-proeftuinen');
  assert.equal(await page.locator('.byline .byline__inferred').count(), nivel.inferred.length);
  assert.match(await page.locator('.byline').innerText(), /Zorg&Sociaalweb \(afgeleid uit de pagina\)/);
  assert.match(await page.locator('[data-inferred-note]').innerText(), /^Afgeleid uit de pagina: /);
  const reasoned = nivel.passages.filter((p) => p.reason);
  assert.equal(await page.locator('[data-view="document"] [data-label-reason]').count(), reasoned.length);
  const first = page.locator(`[data-passage="${reasoned[0].id}"] [data-label-reason]`);
  await first.locator('summary').click();
  assert.equal(await first.locator('p').innerText(), reasoned[0].reason);
  await page.goto(server.url + '?doc=stop-doemdenken');
  await appReady(page);
  assert.match(await page.locator('[data-comment="van-vugt"] [data-date-note]').innerText(), /2017/);
  assert.equal(await page.locator('.byline__inferred').count(), 0, 'nothing inferred here');
  assert.deepEqual(await axeViolations(page), []);
  assertClean(assert, problems);
  await context.close();
});

test('a search hit opens the reason for its label, and only hits with a reason offer it', async () => {
  const passages = await corpusPassages();
  const { page, problems, context } = await open('?q=incidentenpolitiek');
  const hit = page.locator('.hits [data-passage="stop-doemdenken-11"]');
  await hit.waitFor();
  const button = hit.getByRole('button', { name: 'Waarom dit label?' });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await hit.locator('.hit__label-why p').innerText(), passages.find((p) => p.id === 'stop-doemdenken-11').reason);
  await page.getByLabel('Zoek in alle teksten').fill('Denemarken');
  const other = page.locator('.hits [data-passage="stop-doemdenken-13"]');
  await other.waitFor();
  assert.equal(await other.locator('.hit__label-why').isVisible(), false, 'no reason, no button');
  assert.deepEqual(await axeViolations(page), []);
  assertClean(assert, problems);
  await context.close();
});

for (const [mode, options] of [['light', {}], ['dark', { colorScheme: 'dark' }], ['320px', { viewport: { width: 320, height: 640 } }]]) {
  test(`axe-core finds no violations on Begrippen and Overzicht (${mode})`, async () => {
    for (const query of ['?view=begrippen', '?view=begrippen&begrip=wmo', '?view=overzicht', '?doc=nivel-proeftuinen']) {
      const { page, problems, context } = await open(query, options);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${mode} ${query}:\n${violations.join('\n')}`);
      assertClean(assert, problems);
      await context.close();
    }
  });
}

test('screenshots of Begrippen and Overzicht at phone and desktop width', async () => {
  for (const [name, width] of [['phone', 390], ['desktop', 1280]]) {
    for (const view of ['begrippen', 'overzicht']) {
      const { page, problems, context } = await open(`?view=${view}`, { viewport: { width, height: 900 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${view} at ${width}px scrolls sideways by ${overflow}px`);
      await screenshot(page, `${view}-${name}`);
      assertClean(assert, problems);
      await context.close();
    }
  }
});

test('when the app fails, a Dutch message with a reload button appears and works by keyboard', async () => {
  const { page, context } = await open('?q=zorg');
  assert.equal(await page.locator('.failure').count(), 0, 'no message while all is well');
  // The panic hook of the wasm dispatches this event after logging the panic to the console;
  // a trap without a panic surfaces as an uncaught WebAssembly.RuntimeError. Both show it.
  await page.evaluate(() => window.dispatchEvent(new Event('verkenner-panic')));
  const alert = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Laad de pagina opnieuw/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Opnieuw laden', 'focus on the button');
  await page.evaluate(() => window.dispatchEvent(new Event('verkenner-panic')));
  assert.equal(await page.locator('.failure').count(), 1, 'shown once');
  assert.deepEqual(await axeViolations(page), []);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await appReady(page);
  assert.equal(await page.locator('.failure').count(), 0, 'the reload starts afresh');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'zorg', 'the reload keeps the query');
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  await page.locator('.failure').waitFor();
  await context.close();
});

test('the accessibility statement is reachable from the footer and passes axe', async () => {
  const { page, problems, context } = await open();
  await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
  await page.locator('[data-view="toegankelijkheid"] h1').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('view'), 'toegankelijkheid');
  assert.match(await page.title(), /^Toegankelijkheid/);
  const text = await page.locator('[data-view="toegankelijkheid"]').innerText();
  for (const needle of ['WCAG 2.1', 'axe-core', 'toetsenbord', 'niet getest met mensen', 'Een probleem melden']) {
    assert.ok(text.includes(needle), `statement mentions ${needle}`);
  }
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moves to the new view');
  assert.deepEqual(await axeViolations(page), []);
  assertClean(assert, problems);
  await context.close();
});
