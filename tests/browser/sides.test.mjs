// Naast elkaar: the two columns, narrowed by search and filters, grouped per theme or per
// key question, restored from a link, usable at phone width.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, assertClean, axeViolations, launch, openPage, screenshot, serveDist } from './harness.mjs';
import { corpusKernvragen, corpusPassages, phrase, whoSpeaks } from './corpus-facts.mjs';

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
  assert.match(await page.locator('[data-group="geld"] [data-balance="optimistisch"]').innerText(), /^Optimistisch: \d+ tekstdelen? van \d+ stemm?e?n?$/);
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
  const { page, problems, context } = await open('?view=naast-elkaar', { viewport: { width: 360, height: 740 } });
  const o = side(page, 'geld', 'optimistisch');
  const k = side(page, 'geld', 'kritisch');
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

/** The "who speaks" block of a column as the page shows it. */
async function shownSpeakers(column) {
  const speakers = column.locator(':scope > [data-speakers]');
  const list = (attr) => speakers.locator(`li[${attr}]`).evaluateAll((els, attr) => Object.fromEntries(els.map((el) => [el.getAttribute(attr), el.innerText])), attr);
  return { total: await speakers.locator('.speakers__total').innerText(), kinds: await list('data-kind'), roles: await list('data-role') };
}

/** What that block must say, from an independent count of the corpus files. */
function expectedSpeakers(passages) {
  const who = whoSpeaks(passages);
  const labels = {
    nieuws: 'Nieuws', opinie: 'Opinie', persbericht: 'Persbericht', reactie: 'Reactie',
    bestuur: 'Bestuurder of ambtenaar', politiek: 'Politicus', onderzoek: 'Onderzoeker', advies: 'Adviseur of adviesraad',
    aanbieder: 'Zorgaanbieder of brancheorganisatie', redactie: 'Journalist of redactie', inwoner: 'Inwoner of lezer', anoniem: 'Anoniem',
  };
  const lines = (o) => Object.fromEntries(Object.entries(o).map(([k, t]) => [k, `${labels[k]}: ${phrase(t)}`]));
  return { total: `Wie spreekt hier: ${phrase(who.total)}.`, kinds: lines(who.kinds), roles: lines(who.roles) };
}

test('each theme column says who speaks in it, as counted from the corpus files', async () => {
  const passages = await corpusPassages();
  const { page, problems, context } = await open('?view=naast-elkaar');
  let checked = 0;
  for (const theme of ['geld', 'wmo', 'vertrouwen', 'eigen-kracht']) {
    for (const stance of ['optimistisch', 'kritisch']) {
      const mine = passages.filter((p) => p.stance === stance && p.themes.includes(theme));
      const column = side(page, theme, stance);
      assert.deepEqual(await ids(column), mine.map((p) => p.id), `${theme} ${stance}`);
      if (mine.length === 0) continue;
      assert.deepEqual(await shownSpeakers(column), expectedSpeakers(mine), `${theme} ${stance}`);
      // The balance line counts voices beside passages.
      const row = await page.locator(`[data-group="${theme}"] [data-balance="${stance}"]`).innerText();
      assert.equal(row, `${stance[0].toUpperCase()}${stance.slice(1)}: ${phrase(whoSpeaks(mine).total)}`);
      checked++;
    }
  }
  assert.ok(checked >= 6, `${checked} columns checked`);
  // The critical column on money is mostly reader comments, and the page says so.
  const money = whoSpeaks(passages.filter((p) => p.stance === 'kritisch' && p.themes.includes('geld')));
  assert.ok(money.kinds.reactie.passages * 2 > money.total.passages, 'the corpus still has this shape');
  await page.locator('[data-method] summary').click();
  const method = await page.locator('[data-method]').innerText();
  assert.match(method, /De kritische kant bestaat hier vooral uit reacties van lezers, de optimistische kant vooral uit teksten van bestuurders, ambtenaren en adviesraden/);
  const critical = passages.filter((p) => p.stance === 'kritisch');
  const fromComments = critical.filter((p) => p.doc.kind === 'reactie').length;
  assert.ok(method.includes(`Van de ${critical.length} kritische tekstdelen komen er ${fromComments} uit reacties van lezers.`), method);
  assertClean(assert, problems);
  await context.close();
});

test('the bars are drawn to the real numbers, on one scale for the page', async () => {
  const { page, problems, context } = await open('?view=naast-elkaar&q=bezuinigingen');
  await page.locator('[data-group]').first().waitFor();
  const rows = await page.locator('.balance__row').evaluateAll((els) => els.map((el) => ({
    n: Number(el.querySelector('.balance__numbers').innerText.match(/: (\d+) tekstde/)[1]),
    bar: el.querySelector('.balance__bar').getBoundingClientRect().width,
    track: el.querySelector('.balance__track').clientWidth,
  })));
  const most = Math.max(...rows.map((r) => r.n));
  assert.ok(rows.some((r) => r.n === 0) && most > 1, `a search with empty and fuller columns: ${JSON.stringify(rows)}`);
  for (const r of rows) {
    assert.ok(Math.abs(r.bar / r.track - r.n / most) < 0.03, `${r.n} of ${most} drawn as ${r.bar}/${r.track}`);
  }
  // One passage against none is a short bar against none, not a full one.
  const one = rows.find((r) => r.n === 1);
  if (one) assert.ok(one.bar < one.track, 'one passage does not fill the bar');
  assertClean(assert, problems);
  await context.close();
});

test('per kernvraag, columns are answers, cards keep their stance, and agreement is stated', async () => {
  const passages = await corpusPassages();
  const byId = Object.fromEntries(passages.map((p) => [p.id, p]));
  const questions = await corpusKernvragen();
  const { page, problems, context } = await open('?view=naast-elkaar&groep=kernvraag');
  for (const q of questions) {
    const group = page.locator(`[data-group="${q.id}"]`);
    await group.waitFor();
    assert.equal(await group.locator('h2').innerText(), q.question);
    const shown = await group.locator('.side[data-answer]').evaluateAll((els) => els.map((el) => el.dataset.answer));
    assert.deepEqual(shown, q.answers.map((a) => a.id), q.id);
    assert.equal(await group.locator('[data-side="optimistisch"], [data-side="kritisch"]').count(), 0, 'no stance columns');
    for (const answer of q.answers) {
      const column = group.locator(`.side[data-answer="${answer.id}"]`);
      assert.match(await column.locator('h3').innerText(), new RegExp(`^${answer.label.replace(/[()]/g, '\\$&')} \\(${answer.passages.length}\\)$`));
      const inCorpusOrder = passages.filter((p) => answer.passages.includes(p.id)).map((p) => p.id);
      assert.deepEqual(await ids(column), inCorpusOrder, `${q.id} ${answer.id}`);
      // The stance on the transition stays on the card.
      const stances = await column.locator('[data-passage] .stance').evaluateAll((els) => els.map((el) => el.dataset.stance));
      assert.deepEqual(stances, inCorpusOrder.map((id) => byId[id].stance), `${q.id} ${answer.id}`);
      assert.deepEqual(await shownSpeakers(column), expectedSpeakers(inCorpusOrder.map((id) => byId[id])), `${q.id} ${answer.id}`);
    }
    const total = q.answers.reduce((n, a) => n + a.passages.length, 0);
    const most = Math.max(...q.answers.map((a) => a.passages.length));
    const agreement = group.locator('[data-agreement]');
    if (q.answers.length === 1) {
      assert.match(await agreement.innerText(), new RegExp(`^Hierover zijn de teksten het eens: alle ${total} tekstdelen`));
    } else if (most * 4 >= total * 3) {
      assert.match(await agreement.innerText(), /^Hierover zijn de teksten het grotendeels eens/);
    } else {
      assert.equal(await agreement.count(), 0, `${q.id} is debated: no agreement claimed`);
    }
  }
  assert.ok(questions.some((q) => q.answers.length === 1), 'the corpus has a question the texts agree on');
  assert.ok(questions.filter((q) => q.answers.length > 1).length >= 5, 'and questions they debate');
  await screenshot(page, 'naast-elkaar-kernvragen');
  assertClean(assert, problems);
  await context.close();
});

test('a card whose label is not self-evident says why, by keyboard', async () => {
  const passages = await corpusPassages();
  const reasoned = passages.find((p) => p.id === 'rmo-ruimte-13');
  assert.ok(reasoned.reason, 'rmo-ruimte-13 has a reason in the corpus');
  const { page, problems, context } = await open('?view=naast-elkaar&thema=vernieuwing');
  const card = page.locator('[data-group="vernieuwing"] .sides__mixed [data-passage="rmo-ruimte-13"]');
  const summary = card.getByText('Waarom dit label?');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await card.locator('[data-label-reason] p').innerText(), reasoned.reason);
  // A passage without a reason has no such line.
  const plain = passages.find((p) => !p.reason && p.themes.includes('vernieuwing') && p.stance === 'optimistisch');
  assert.equal(await page.locator(`[data-passage="${plain.id}"] [data-label-reason]`).count(), 0, plain.id);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(assert, problems);
  await context.close();
});

for (const [mode, options] of [['light', {}], ['dark', { colorScheme: 'dark' }], ['320px', { viewport: { width: 320, height: 640 } }]]) {
  test(`axe-core finds no violations side by side (${mode})`, async () => {
    for (const query of ['?view=naast-elkaar', '?view=naast-elkaar&groep=kernvraag', '?view=naast-elkaar&groep=kernvraag&q=zorg']) {
      const { page, problems, context } = await open(query, options);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${mode} ${query}:\n${violations.join('\n')}`);
      if (mode === 'light') await screenshot(page, `naast-elkaar-desktop${query.includes('kernvraag') ? '-kernvraag' : ''}`);
      assertClean(assert, problems);
      await context.close();
    }
  });
}
