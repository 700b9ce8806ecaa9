// The real corpus read straight from corpus/*.md and corpus/kernvragen.toml, with a reader of
// its own (not the app's Rust parser), so the browser tests can check the app's counts of
// passages and voices against an independent count.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repo } from './harness.mjs';

/** A TOML value of the simple kinds the corpus uses: a string or a list of strings. */
const value = (text) => JSON.parse(text.trim());

/** Reads the front matter lines of one voice: its fields and its people by table. */
function front(lines) {
  const fields = {};
  const people = { authors: [], quoted: [] };
  let table = null;
  for (const line of lines) {
    const header = line.match(/^\[\[(authors|quoted)\]\]$/);
    if (header) {
      table = {};
      people[header[1]].push(table);
      continue;
    }
    const kv = line.match(/^([a-z_]+) = (.*)$/);
    if (!kv || kv[2].startsWith('[{')) continue;
    (table ?? fields)[kv[1]] = value(kv[2]);
  }
  return { fields, people };
}

/** Documents (articles and comments) with kind, voices ({name, category}) and passages. */
export async function corpusDocuments() {
  const dir = join(repo, 'corpus', 'documents');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const documents = [];
  for (const file of files) {
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
    let doc = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === '+++' || line === '+++ reactie') {
        const end = lines.indexOf('+++', i + 1);
        const { fields, people } = front(lines.slice(i + 1, end));
        let voices;
        if (line === '+++ reactie') {
          voices = [{ name: fields.author, category: fields.category }];
        } else {
          const all = [...people.authors, ...people.quoted];
          const named = fields.voices?.map((n) => all.find((p) => p.name === n));
          voices = (named ?? (people.authors.length ? people.authors : people.quoted))
            .map((p) => ({ name: p.name, category: p.category }));
        }
        doc = {
          id: fields.id,
          kind: line === '+++ reactie' ? 'reactie' : fields.kind,
          voices,
          inferred: fields.inferred ?? [],
          passages: [],
        };
        documents.push(doc);
        i = end;
        continue;
      }
      const header = line.match(/^::: ([a-z0-9-]+) \| (\w+) \| (.*)$/);
      if (header) {
        const reason = lines[i + 1]?.startsWith('? ') ? lines[i + 1].slice(2) : null;
        const themes = header[3] === '-' ? [] : header[3].split(',').map((t) => t.trim());
        doc.passages.push({ id: header[1], stance: header[2], themes, reason, doc });
      }
    }
  }
  return documents;
}

/** Every passage, in corpus order, each with its document. */
export async function corpusPassages() {
  return (await corpusDocuments()).flatMap((d) => d.passages);
}

/** The key questions: id, question and answers ({id, label, passages}). */
export async function corpusKernvragen() {
  const text = await readFile(join(repo, 'corpus', 'kernvragen.toml'), 'utf8');
  const questions = [];
  let answer = null;
  for (const line of text.split('\n')) {
    if (line === '[[kernvraag]]') {
      questions.push({ answers: [] });
      answer = null;
    } else if (line === '[[kernvraag.answer]]') {
      answer = {};
      questions.at(-1).answers.push(answer);
    } else {
      const kv = line.match(/^([a-z_]+) = (.*)$/);
      if (kv) (answer ?? questions.at(-1))[kv[1]] = value(kv[2]);
    }
  }
  return questions;
}

/**
 * Who speaks in a list of passages, counted as the app promises: passages and distinct voices
 * (by name) in all, per kind of text and per role category (a passage once per role).
 */
export function whoSpeaks(passages) {
  const tally = () => ({ passages: 0, names: new Set() });
  const total = tally();
  const kinds = {};
  const roles = {};
  for (const p of passages) {
    total.passages++;
    (kinds[p.doc.kind] ??= tally()).passages++;
    for (const category of new Set(p.doc.voices.map((v) => v.category))) (roles[category] ??= tally()).passages++;
    for (const v of p.doc.voices) {
      total.names.add(v.name);
      kinds[p.doc.kind].names.add(v.name);
      roles[v.category].names.add(v.name);
    }
  }
  const plain = (t) => ({ passages: t.passages, voices: t.names.size });
  const map = (o) => Object.fromEntries(Object.entries(o).map(([k, t]) => [k, plain(t)]));
  return { total: plain(total), kinds: map(kinds), roles: map(roles) };
}

/** "10 tekstdelen van 4 stemmen", as the app writes a tally. */
export const phrase = ({ passages, voices }) =>
  `${passages} ${passages === 1 ? 'tekstdeel' : 'tekstdelen'} van ${voices} ${voices === 1 ? 'stem' : 'stemmen'}`;
