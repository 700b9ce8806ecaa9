// Injected into the app's page after MiniSearch and FlexSearch (page.addScriptTag): indexes the
// same passages with each, and gives each a search box and a list that shows its top 10, so
// typing into them costs what a page built on them would: search, then render.
(passages) => {
  const docs = passages.map((p, i) => ({ id: i, title: p.title ?? '', text: p.text }));
  const t0 = performance.now();
  const mini = new MiniSearch({ fields: ['title', 'text'], storeFields: [], searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } } });
  mini.addAll(docs);
  const t1 = performance.now();
  const flex = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'id', index: ['title', 'text'] } });
  for (const d of docs) flex.add(d);
  const t2 = performance.now();

  const engines = {
    minisearch: (q) => mini.search(q).slice(0, 10).map((r) => r.id),
    flexsearch: (q) => {
      const ids = [];
      for (const field of flex.search(q, { limit: 10 })) for (const id of field.result) if (!ids.includes(id)) ids.push(id);
      return ids.slice(0, 10);
    },
  };
  const box = document.createElement('div');
  box.id = 'peers';
  box.style.cssText = 'position:fixed;inset:0 auto auto 0;width:100%;max-height:100vh;overflow:auto;background:#fff;color:#000;z-index:9999';
  for (const [name, search] of Object.entries(engines)) {
    const input = document.createElement('input');
    input.type = 'search';
    input.id = `peer-${name}`;
    input.setAttribute('aria-label', name);
    const count = document.createElement('p');
    const list = document.createElement('ol');
    list.id = `peer-${name}-results`;
    input.addEventListener('input', () => {
      const q = input.value;
      const ids = q.trim() ? search(q) : [];
      count.textContent = `${ids.length} gevonden`;
      list.replaceChildren(...ids.map((id) => {
        const li = document.createElement('li');
        const h = document.createElement('h2');
        h.textContent = docs[id].title;
        const p = document.createElement('p');
        p.textContent = docs[id].text.length > 240 ? docs[id].text.slice(0, 240) + '…' : docs[id].text;
        li.append(h, p);
        return li;
      }));
    });
    const section = document.createElement('section');
    section.id = `peer-${name}-section`;
    section.append(input, count, list);
    box.append(section);
  }
  document.body.append(box);
  return { passages: docs.length, miniBuild: t1 - t0, flexBuild: t2 - t1 };
}
