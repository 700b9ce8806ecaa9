// Woorden: a word in context per side, the typical words of each side, the framing words in
// the glossary and the overview's table of where a side is silent. Every count is compared
// with the command-line tool's answer (`verkenner woord --json`), never written here: the
// corpus may be relabelled.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appReady, assertClean, axeViolations, launch, openPage, repo, screenshot, serveDist } from './harness.mjs';

let browser, server;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The CLI's answer for a word (in an order). */
function cli(word, order = 'tekst') {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'verkenner', '--', 'woord', '--json', '--orde', order, word], { cwd: repo, maxBuffer: 64 << 20 });
  return JSON.parse(out.toString());
}

async function open(query = '', options) {
  const session = await openPage(browser, server, options);
  await session.page.goto(server.url + query);
  await appReady(session.page);
  return session;
}

/** Shows every line of every side ("Toon alle N regels"). */
async function showAll(page) {
  // Each click hides its button, so take the first visible one until none is left.
  const visible = page.locator('.words__more:visible');
  for (let guard = 0; guard < 3 && (await visible.count()) > 0; guard++) await visible.first().click();
  assert.equal(await visible.count(), 0, 'every side shows all its lines');
}

/** The keywords of a side's lines, in order, as shown. */
const keywords = (page, stance) => page.locator(`.words__side[data-side="${stance}"] li.kwic mark`).allInnerTexts();

async function checkAgainstCli(page, answer) {
  await page.locator(`[data-word="${answer.word}"]`).waitFor();
  await showAll(page);
  for (const side of answer.sides) {
    const shown = page.locator(`.words__side[data-side="${side.stance}"]`);
    assert.equal(await shown.locator('h2 [data-count]').innerText(), String(side.count), `${answer.word}, ${side.stance}: heading count`);
    const row = page.locator(`.words__counts tr[data-side="${side.stance}"]`);
    assert.equal(await row.locator('[data-count]').innerText(), String(side.count), `${answer.word}, ${side.stance}: table count`);
    assert.equal(await row.locator('[data-per-thousand]').innerText(), side.per_thousand_text, `${answer.word}, ${side.stance}: per 1 000`);
    assert.deepEqual(await keywords(page, side.stance), side.lines.map((l) => l.keyword), `${answer.word}, ${side.stance}: the lines`);
    const links = await shown.locator('li.kwic a').evaluateAll((as) => as.map((a) => new URL(a.href)));
    const hrefs = await shown.locator('li.kwic a').evaluateAll((as) => as.map((a) => a.href));
    hrefs.forEach((href, i) => {
      const url = new URL(href);
      assert.equal(url.searchParams.get('passage'), side.lines[i].passage, `${answer.word}: line ${i} links to its passage`);
      assert.equal(url.searchParams.get('doc'), side.lines[i].article);
      assert.equal(url.searchParams.get('woord'), answer.word);
    });
    assert.equal(links.length, side.count);
    if (side.count === 0) assert.match(await shown.innerText(), /Geen enkel .* tekstdeel gebruikt dit woord/);
  }
}

for (const word of ['transformatie', 'eigen kracht', 'zorg', 'bezuiniging']) {
  test(`"${word}": lines per side as the CLI counts them, each a link to its passage with the word marked`, async () => {
    const answer = cli(word);
    assert.ok(answer.total > 0, `${word} occurs`);
    const { page, problems, context } = await open(`?view=woorden&woord=${encodeURIComponent(word)}`);
    await checkAgainstCli(page, answer);
    // Follow lines: every one for the short lists, the first two per side for the long ones.
    const lines = answer.sides.flatMap((s) => s.lines.slice(0, answer.total > 12 ? 2 : s.lines.length));
    for (const line of lines) {
      const url = await page.locator(`.words__side li.kwic[data-passage="${line.passage}"] a`).first().getAttribute('href');
      const reader = await openPage(browser, server);
      await reader.page.goto(new URL(url, server.url + '?').href);
      const target = reader.page.locator(`[data-passage="${line.passage}"][data-target]`);
      await target.waitFor();
      const marked = await target.locator('mark').allInnerTexts();
      assert.ok(marked.includes(line.keyword), `${word}: ${line.passage} marks ${JSON.stringify(line.keyword)}: ${marked}`);
      assertClean(assert, reader.problems);
      await reader.context.close();
    }
    // A plain click opens the reading view in place, at the passage.
    const first = answer.sides.find((s) => s.count > 0).lines[0];
    await page.locator(`.words__side li.kwic[data-passage="${first.passage}"] a`).first().click();
    await page.locator(`[data-view="document"] [data-passage="${first.passage}"][data-target] mark`).first().waitFor();
    assert.equal(new URL(page.url()).searchParams.get('woord'), word);
    assertClean(assert, problems);
    await context.close();
  });
}

test('typing a word answers as it is typed; an unknown word gets a suggestion', async () => {
  const { page, problems, context } = await open('?view=woorden');
  const box = page.getByLabel('Zoek een woord');
  await box.click();
  await page.keyboard.type('transf', { delay: 30 });
  const suggestion = page.locator('[data-no-results] a[data-suggestion="transformatie"]');
  await suggestion.waitFor();
  assert.match(await page.locator('.words__status').innerText(), /staat niet in de teksten.*Bedoelt u: transformatie/);
  await suggestion.click();
  await checkAgainstCli(page, cli('transformatie'));
  assert.equal(await box.inputValue(), 'transformatie', 'the box follows the suggestion');
  await box.fill('');
  await page.keyboard.type('zorg', { delay: 30 });
  await page.locator('[data-word="zorg"]').waitFor();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('woord') === 'zorg');
  const forms = await page.locator('.words__forms [data-kind="compound"]').allInnerTexts();
  assert.ok(forms.some((f) => f.startsWith('mantelzorgers')), `compounds shown with their kind: ${forms}`);
  assert.ok(await page.locator('li.kwic[data-kind="compound"] .kwic__kind').count() > 0, 'a compound line says so');
  assertClean(assert, problems);
  await context.close();
});

test('lines can be ordered by the word left or right, and the link restores the order', async () => {
  const { page, problems, context } = await open('?view=woorden&woord=gemeenten');
  await page.locator('[data-word="gemeenten"]').waitFor();
  for (const [order, label] of [['links', 'woord links (L1)'], ['rechts', 'woord rechts (R1)']]) {
    await page.getByRole('link', { name: label }).click();
    await page.waitForFunction((o) => new URL(location.href).searchParams.get('orde') === o, order);
    const answer = cli('gemeenten', order);
    await showAll(page);
    for (const side of answer.sides) {
      const shown = await page.locator(`.words__side[data-side="${side.stance}"] li.kwic`).evaluateAll((lis) => lis.map((li) => li.dataset.passage));
      assert.deepEqual(shown, side.lines.map((l) => l.passage), `${order}, ${side.stance}`);
      const left = await page.locator(`.words__side[data-side="${side.stance}"] li.kwic .kwic__${order === 'links' ? 'left' : 'right'}`).allInnerTexts();
      const flat = (t) => t.replace(/\s+/g, ' ').trim();
      assert.deepEqual(left.map(flat), side.lines.map((l) => flat(order === 'links' ? l.left : l.right)));
    }
    assert.equal(await page.getByRole('link', { name: label }).getAttribute('aria-current'), 'true');
  }
  const restored = await open(new URL(page.url()).search);
  await restored.page.locator('[data-word="gemeenten"]').waitFor();
  assert.equal(await restored.page.getByRole('link', { name: 'woord rechts (R1)' }).getAttribute('aria-current'), 'true');
  assertClean(assert, problems);
  assertClean(assert, restored.problems);
  await restored.context.close();
  await context.close();
});

test('typical words per side are those of the CLI, with counts, each a link to its lines', async () => {
  const answer = cli('');
  const { page, problems, context } = await open('?view=woorden');
  const picked = answer.typical.filter((t) => t.words.length > 0).map((t) => ({ stance: t.stance, word: t.words[0] }));
  while (picked.length < 3) {
    const side = answer.typical.find((t) => t.words.length > 1 && !picked.some((p) => p.word === t.words[1]));
    if (!side) break;
    picked.push({ stance: side.stance, word: side.words[1] });
  }
  assert.ok(picked.length >= 3, 'three typical words to check');
  for (const t of answer.typical) {
    const shown = await page.locator(`[data-typical="${t.stance}"] tr[data-keyword]`).evaluateAll((rows) => rows.map((r) => r.dataset.keyword));
    assert.deepEqual(shown, t.words.map((w) => w.form), `${t.stance}: the list`);
  }
  for (const { stance, word } of picked.slice(0, 3)) {
    const row = page.locator(`[data-typical="${stance}"] tr[data-keyword="${word.form}"]`);
    assert.equal(await row.locator('[data-count]').innerText(), String(word.count));
    assert.equal(await row.locator('[data-reference]').innerText(), String(word.reference));
    await row.getByRole('link').click();
    await page.locator(`[data-word="${word.form}"]`).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('woord'), word.form);
    const lines = cli(word.form);
    const side = lines.sides.find((s) => s.stance === stance);
    assert.equal(await page.locator(`.words__side[data-side="${stance}"] h2 [data-count]`).innerText(), String(side.count));
    assert.ok(side.count >= word.count, `${word.form}: its lines hold its count (and compounds)`);
    await page.goBack();
    await page.locator('[data-typical]').first().waitFor();
  }
  assert.match(await page.locator('.words__method').innerText(), /log-likelihood/);
  assertClean(assert, problems);
  await context.close();
});

test('framing words open their view; their glossary entries quote each side', async () => {
  const answer = cli('');
  const { page, problems, context } = await open('?view=woorden');
  const listed = await page.locator('[data-framing]').evaluateAll((as) => as.map((a) => a.dataset.framing));
  assert.deepEqual(listed, answer.framing.map((f) => f.word));
  await page.locator('[data-framing="eigen kracht"]').click();
  await page.locator('[data-word="eigen kracht"]').waitFor();
  for (const framing of answer.framing.filter((f) => f.term)) {
    await page.goto(`${server.url}?view=begrippen&begrip=${framing.term}`);
    const block = page.locator(`[data-term="${framing.term}"] [data-framing="${framing.word}"]`);
    await block.waitFor();
    assert.match(await block.innerText(), /Zo gebruiken de kanten dit woord/);
    for (const stance of ['optimistisch', 'kritisch', 'gemengd']) {
      const quote = framing.quotes.find((q) => q.stance === stance);
      const item = block.locator(`li[data-side="${stance}"]`);
      if (quote) {
        assert.equal(await item.locator('q').innerText(), quote.text, `${framing.word}, ${stance}`);
        const href = new URL(await item.getByRole('link').getAttribute('href'), server.url + '?');
        assert.equal(href.searchParams.get('passage'), quote.passage);
      } else {
        assert.match(await item.innerText(), /geen enkel .* tekstdeel gebruikt dit woord/);
      }
    }
  }
  const one = answer.framing.find((f) => f.term && f.quotes.length > 0);
  await page.goto(`${server.url}?view=begrippen&begrip=${one.term}`);
  await page.locator(`[data-framing="${one.word}"] li[data-side="${one.quotes[0].stance}"] a`).click();
  await page.locator(`[data-passage="${one.quotes[0].passage}"][data-target] mark`).first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assertClean(assert, problems);
  await context.close();
});

test('the overview states where a side is silent, and search and filters narrow it', async () => {
  const { page, problems, context } = await open('?view=overzicht');
  const table = page.locator('.silent__table');
  await table.waitFor();
  const cells = async () => table.locator('td[data-stance]').evaluateAll((tds) => tds.map((td) => ({
    theme: td.closest('tr').dataset.theme, stance: td.dataset.stance, kind: td.dataset.kind, n: Number(td.innerText),
  })));
  const checkStated = async () => {
    const all = await cells();
    const silences = await page.locator('[data-silence]').evaluateAll((lis) => lis.map((li) => ({ id: li.dataset.silence, text: li.textContent })));
    for (const { id, text } of silences) {
      const [level, a, b, c] = id.split(':');
      const zero = level === 'kind' ? all.filter((x) => x.stance === a && x.kind === b)
        : level === 'theme' ? all.filter((x) => x.theme === a && x.stance === b)
          : all.filter((x) => x.theme === a && x.stance === b && x.kind === c);
      assert.ok(zero.every((x) => x.n === 0), `${id}: "${text}" but the table has passages`);
      assert.match(text, /^(Geen enkel|Over )/);
    }
    return silences;
  };
  const before = await checkStated();
  assert.ok(before.length > 0, 'the corpus has silent sides');
  assert.deepEqual(await axeViolations(page), []);
  const spoken = (await cells()).filter((c) => c.n > 0).length;
  await page.getByLabel('Zoek in alle teksten').fill('bezuinigingen');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'bezuinigingen');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'overzicht', 'typing keeps the view');
  await page.waitForFunction((n) => document.querySelectorAll('.silent__table td a').length < n, spoken);
  await checkStated();
  const total = (await cells()).reduce((n, c) => n + c.n, 0);
  assert.ok(total > 0, 'the search leaves some passages');
  await page.locator('[data-filter="kant"][data-value="kritisch"] input').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('kant') === 'kritisch');
  const narrowed = await checkStated();
  for (const { id } of narrowed) assert.ok(id.includes(':kritisch'), `${id}: only the chosen side speaks here`);
  assert.ok((await cells()).filter((c) => c.stance !== 'kritisch').every((c) => c.n === 0));
  await screenshot(page, 'woorden-overzicht');
  assertClean(assert, problems);
  await context.close();
});

test('embedded, on a phone, with the keyboard alone, axe clean', async () => {
  const { page, problems, context } = await open('?view=woorden&woord=zorg&embed=1', { viewport: { width: 360, height: 740 } });
  await page.locator('[data-word="zorg"]').waitFor();
  assert.equal(await page.locator('.site-header--embed').count(), 1, 'embed mode');
  assert.deepEqual(await axeViolations(page), []);
  const boxes = await page.locator('.words__answer .words__side').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  assert.ok(boxes.every((b) => Math.abs(b.left - boxes[0].left) < 2), 'the sides stack on a phone');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling');
  // Stance by shape and word, never by colour alone.
  for (const stance of ['optimistisch', 'kritisch', 'gemengd']) {
    assert.match(await page.locator(`.words__side[data-side="${stance}"] h2`).innerText(), /Optimistisch|Kritisch|Gemengd/);
  }
  await screenshot(page, 'woorden-telefoon');
  // Keyboard: into the box, a new word, then to the first line and into it.
  await page.locator('#woordveld').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('regie', { delay: 20 });
  await page.locator('[data-word="regie"]').waitFor();
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest('li.kwic') != null)) && guard++ < 40) await page.keyboard.press('Tab');
  const passage = await page.evaluate(() => document.activeElement.closest('li.kwic').dataset.passage);
  await page.keyboard.press('Enter');
  await page.locator(`[data-passage="${passage}"][data-target] mark`).first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assertClean(assert, problems);
  await context.close();
});

test('a link restores the view, and any woord or orde is handled', async () => {
  for (const query of ['?view=woorden&woord=%3Cscript%3E', '?view=woorden&woord=%F0%9F%98%80&orde=zijwaarts', `?view=woorden&woord=${'zorg+'.repeat(200)}`, '?view=woorden&woord=%22']) {
    const { page, problems, context } = await open(query);
    await page.locator('.words__status').waitFor();
    assert.equal(await page.locator('script:not([src])').count(), 0);
    assertClean(assert, problems);
    await context.close();
  }
  const { page, problems, context } = await open('?view=woorden');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('link', { name: 'Woorden' }).first().click();
  assertClean(assert, problems);
  await context.close();
});
