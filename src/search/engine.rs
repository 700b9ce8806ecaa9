//! Answering a query: expand each word to corpus terms, score passages, filter, rank, explain.
//!
//! Terms:
//! - an *expansion* is a corpus term that a query word stands for, with the *kind* of match
//!   (the word itself, its stem, a synonym, a compound that contains it, a longer word it is
//!   the start of, or a near spelling) and the weight that kind carries;
//! - *coverage* is the set of query words and phrases a passage matches: a passage that
//!   matches all of them ranks above one that matches some, whatever their scores.

use std::cell::RefCell;

use super::facets::{Facets, Filters, PassageMeta};
use super::query::{parse, Query, Word};
use super::snippet::{snippet, Snippet};
use super::weights::RankingWeights;
use crate::corpus::{Corpus, DocIdx, PassageIdx};
use crate::index::{Index, FIELD_COUNT};
use crate::text::{analyze, stem};

/// Why a passage matched one query word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The word itself (case and diacritics aside).
    Exact,
    /// The quoted phrase, word for word.
    Phrase,
    /// Another form of the word (`bezuiniging` for `bezuinigingen`).
    Stem,
    /// A word from the curated synonym list (`besparingen` for `bezuinigingen`).
    Synonym,
    /// A longer word that starts with what is being typed.
    Prefix,
    /// A compound that contains the word (`jeugdzorg` for `zorg`).
    Compound,
    /// A word spelled almost the same (`participatiewt` for `participatiewet`).
    Typo,
}

impl MatchKind {
    pub fn id(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Phrase => "phrase",
            MatchKind::Stem => "stem",
            MatchKind::Synonym => "synonym",
            MatchKind::Prefix => "prefix",
            MatchKind::Compound => "compound",
            MatchKind::Typo => "typo",
        }
    }
}

/// One reason a hit matched: the query word (or phrase) and the corpus term it met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub query: String,
    pub term: String,
    pub kind: MatchKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub passage: PassageIdx,
    pub document: DocIdx,
    pub score: f32,
    /// How many of the query's words and phrases the passage matches.
    pub coverage: u32,
    pub matched: Vec<Match>,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub query: Query,
    /// The best hits, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// All passages that match the query and the filters.
    pub total: usize,
    /// Counts per filter value under the query (see [`Facets`]).
    pub facets: Facets,
}

/// A corpus term a query word stands for.
#[derive(Debug, Clone, Copy)]
struct Expansion {
    term: u32,
    kind: MatchKind,
    weight: f32,
}

/// Reused buffers, so a query allocates little.
#[derive(Default)]
struct Scratch {
    scores: Vec<f32>,
    coverage: Vec<u32>,
    word_best: Vec<f32>,
    touched: Vec<u32>,
}

pub struct Engine<'a> {
    pub corpus: &'a Corpus,
    pub index: &'a Index,
    pub weights: RankingWeights,
    /// For each synonym group, the stems of its one-word entries (`None` for phrases),
    /// computed once: stemming is the costly step of matching a word against the list.
    synonym_stems: Vec<Vec<Option<String>>>,
    /// What filters and facets read of each passage, gathered once.
    meta: PassageMeta,
    /// For each term, the set of its letters a-z as bits: a quick test before edit distance.
    letter_sets: Vec<u32>,
    scratch: RefCell<Scratch>,
}

/// Typo search stops after this many candidate terms, prefix search after this many.
const MAX_TYPO_TERMS: usize = 8;
const MAX_PREFIX_TERMS: usize = 48;
const MAX_COMPOUND_TERMS: usize = 64;

impl<'a> Engine<'a> {
    pub fn new(corpus: &'a Corpus, index: &'a Index) -> Self {
        let synonym_stems = index
            .synonyms
            .iter()
            .map(|g| g.entries.iter().map(|e| (e.len() == 1).then(|| stem(&e[0]))).collect())
            .collect();
        Engine {
            corpus,
            index,
            weights: RankingWeights::default(),
            synonym_stems,
            meta: PassageMeta::new(corpus),
            letter_sets: index.terms.iter().map(|t| letter_set(t)).collect(),
            scratch: RefCell::default(),
        }
    }

    /// Parses `input` and answers it under `filters`, returning at most `limit` hits.
    pub fn search(&self, input: &str, filters: &Filters, limit: usize) -> Results {
        self.run(parse(input), filters, limit)
    }

    pub fn run(&self, query: Query, filters: &Filters, limit: usize) -> Results {
        let n = self.corpus.passages.len();
        let mut guard = self.scratch.borrow_mut();
        let scratch = &mut *guard;
        scratch.scores.clear();
        scratch.scores.resize(n, 0.0);
        scratch.coverage.clear();
        scratch.coverage.resize(n, 0);
        scratch.word_best.resize(n, 0.0);

        let expansions: Vec<Vec<Expansion>> = query.words.iter().map(|w| self.expand(w)).collect();
        let only_stop = query.only_stop_words();
        for (bit, (word, expansions)) in query.words.iter().zip(&expansions).enumerate() {
            let counts = !word.stop || only_stop;
            let factor = if word.stop && !only_stop { self.weights.stop_word } else { 1.0 };
            self.score_word(scratch, expansions, factor, counts.then_some(bit));
            for alternative in self.phrase_synonyms(word) {
                for passage in self.phrase_passages(&alternative) {
                    let score = self.weights.synonym * self.phrase_weight(&alternative);
                    scratch.scores[passage as usize] += score;
                    if counts {
                        scratch.coverage[passage as usize] |= 1 << bit;
                    }
                }
            }
        }
        for (i, phrase) in query.phrases.iter().enumerate() {
            let bit = query.words.len() + i;
            let score = self.weights.phrase * self.phrase_weight(phrase);
            for passage in self.phrase_passages(phrase) {
                scratch.scores[passage as usize] += score;
                scratch.coverage[passage as usize] |= 1 << bit;
            }
        }

        let excluded = self.excluded_passages(&query);
        let candidates: Vec<u32> = (0..n as u32)
            .filter(|&p| query.is_empty() || scratch.coverage[p as usize] != 0)
            .filter(|p| excluded.binary_search(p).is_err())
            .collect();
        let facets = Facets::count(self.corpus, &self.meta, &candidates, filters);
        let mut ranked: Vec<u32> = candidates.into_iter().filter(|&p| self.meta.admits_all(filters, p)).collect();
        let total = ranked.len();
        let key = |p: &u32| (scratch.coverage[*p as usize].count_ones(), scratch.scores[*p as usize]);
        let order = |a: &u32, b: &u32| {
            let (ca, sa) = key(a);
            let (cb, sb) = key(b);
            cb.cmp(&ca).then(sb.total_cmp(&sa)).then(a.cmp(b))
        };
        if !query.is_empty() {
            if limit < ranked.len() && limit > 0 {
                ranked.select_nth_unstable_by(limit - 1, order);
                ranked.truncate(limit);
            }
            ranked.sort_unstable_by(order);
        }
        ranked.truncate(limit);
        let phrase_synonyms: Vec<Vec<Vec<String>>> = query.words.iter().map(|w| self.phrase_synonyms(w)).collect();
        let hits = ranked
            .iter()
            .map(|&p| {
                let (score, coverage) = (scratch.scores[p as usize], scratch.coverage[p as usize].count_ones());
                self.hit(&query, &expansions, &phrase_synonyms, p, score, coverage)
            })
            .collect();
        Results { query, hits, total, facets }
    }

    /// Words from the corpus vocabulary close to the query's words, for a "did you mean":
    /// near spellings (up to two edits) first, then words that start with the same letters.
    pub fn suggestions(&self, query: &Query, max: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for word in query.words.iter().filter(|w| !w.stop && w.term.chars().count() >= 3) {
            let chars: Vec<char> = word.term.chars().collect();
            let mut distance = EditDistance::default();
            let mut scored: Vec<(usize, usize, &String)> = Vec::new();
            for (id, term) in self.index.terms.iter().enumerate() {
                if term == &word.term || (self.letter_sets[id] ^ letter_set(&word.term)).count_ones() > 4 {
                    continue;
                }
                let candidate: Vec<char> = term.chars().collect();
                let d = distance.distance(&chars, &candidate, 2);
                if d <= 2 {
                    scored.push((d, usize::MAX - self.index.document_frequency(id as u32), term));
                }
            }
            scored.sort();
            for (_, _, term) in scored.into_iter().take(max) {
                if !out.contains(term) {
                    out.push(term.clone());
                }
            }
        }
        out.truncate(max);
        out
    }

    /// The corpus terms a query word stands for, best kind first, without repeats.
    fn expand(&self, word: &Word) -> Vec<Expansion> {
        let w = &self.weights;
        let index = self.index;
        let mut out: Vec<Expansion> = Vec::new();
        fn add(out: &mut Vec<Expansion>, term: u32, kind: MatchKind, weight: f32) {
            if !out.iter().any(|e| e.term == term) {
                out.push(Expansion { term, kind, weight });
            }
        }
        let word_stem = stem(&word.term);
        if let Some(t) = index.term_id(&word.term) {
            add(&mut out, t, MatchKind::Exact, w.exact);
        }
        for &t in index.terms_with_stem(&word_stem) {
            if shares_root(&word.term, &index.terms[t as usize]) {
                add(&mut out, t, MatchKind::Stem, w.stem);
            }
        }
        for alternative in self.synonyms_of(word).filter(|a| a.len() == 1) {
            if let Some(t) = index.term_id(&alternative[0]) {
                add(&mut out, t, MatchKind::Synonym, w.synonym);
            }
            for &t in index.terms_with_stem(&stem(&alternative[0])) {
                add(&mut out, t, MatchKind::Synonym, w.synonym);
            }
        }
        if word.prefix {
            for t in index.prefix_range(&word.term).take(MAX_PREFIX_TERMS) {
                add(&mut out, t, MatchKind::Prefix, w.prefix);
            }
        }
        if !word.stop {
            let parts = index.terms_with_part(&word.term).iter().chain(index.terms_with_part(&word_stem));
            for &t in parts.take(MAX_COMPOUND_TERMS) {
                add(&mut out, t, MatchKind::Compound, w.compound);
            }
        }
        let found_word = out.iter().any(|e| matches!(e.kind, MatchKind::Exact | MatchKind::Stem | MatchKind::Prefix));
        if !found_word && !word.stop {
            for t in self.near_spellings(&word.term) {
                add(&mut out, t, MatchKind::Typo, w.typo);
            }
        }
        out
    }

    /// Terms within the edit distance the word's length allows: none up to 4 characters, one
    /// edit up to 8, two beyond.
    fn near_spellings(&self, term: &str) -> Vec<u32> {
        let chars: Vec<char> = term.chars().collect();
        let max = match chars.len() {
            0..=4 => return Vec::new(),
            5..=8 => 1,
            _ => 2,
        };
        let mut found = Vec::new();
        let mut distance = EditDistance::default();
        let mut candidate_chars = Vec::new();
        let letters = letter_set(term);
        for (id, candidate) in self.index.terms.iter().enumerate() {
            // Cheap rejections first: byte length (a non-ASCII letter is at most 4 bytes), and
            // the letters used: one edit changes at most two bits of the set.
            if candidate.len() + 4 * max < term.len() || candidate.len() > term.len() + 4 * max {
                continue;
            }
            if (letters ^ self.letter_sets[id]).count_ones() as usize > 2 * max {
                continue;
            }
            candidate_chars.clear();
            candidate_chars.extend(candidate.chars());
            if candidate_chars.len().abs_diff(chars.len()) > max {
                continue;
            }
            if distance.within(&chars, &candidate_chars, max) {
                found.push(id as u32);
                if found.len() >= MAX_TYPO_TERMS {
                    break;
                }
            }
        }
        found
    }

    /// The synonym-list alternatives of a word, each as folded terms.
    fn synonyms_of<'s>(&'s self, word: &'s Word) -> impl Iterator<Item = &'s Vec<String>> + 's {
        let word_stem = stem(&word.term);
        self.index.synonyms.iter().zip(&self.synonym_stems).flat_map(move |(group, stems)| {
            let member = group
                .entries
                .iter()
                .zip(stems)
                .any(|(e, s)| e.len() == 1 && (e[0] == word.term || s.as_deref() == Some(word_stem.as_str())));
            group.entries.iter().filter(move |e| member && !(e.len() == 1 && e[0] == word.term))
        })
    }

    /// Multi-word synonyms of a word (`wet maatschappelijke ondersteuning` for `wmo`).
    fn phrase_synonyms(&self, word: &Word) -> Vec<Vec<String>> {
        if word.stop {
            return Vec::new();
        }
        self.synonyms_of(word).filter(|a| a.len() > 1).cloned().collect()
    }

    /// Adds one word's contribution: for each passage the best of its expansions.
    fn score_word(&self, scratch: &mut Scratch, expansions: &[Expansion], factor: f32, bit: Option<usize>) {
        scratch.touched.clear();
        // Expansions stand for the word: a rare compound or prefix term must not outweigh the
        // word itself just by being rare, so no expansion weighs more than the word's own idf.
        let word_idf = expansions.iter().find(|e| e.kind == MatchKind::Exact).map(|e| self.idf(e.term));
        for e in expansions {
            let idf = self.idf(e.term).min(word_idf.unwrap_or(f32::MAX));
            for posting in &self.index.postings[e.term as usize] {
                let p = posting.passage as usize;
                let s = e.weight * factor * idf * self.field_score(&posting.tf, p);
                if scratch.word_best[p] == 0.0 {
                    scratch.touched.push(posting.passage);
                }
                if s > scratch.word_best[p] {
                    scratch.word_best[p] = s;
                }
            }
        }
        for &p in &scratch.touched {
            let p = p as usize;
            scratch.scores[p] += scratch.word_best[p];
            scratch.word_best[p] = 0.0;
            if let Some(bit) = bit {
                scratch.coverage[p] |= 1 << bit;
            }
        }
    }

    fn idf(&self, term: u32) -> f32 {
        let n = self.corpus.passages.len() as f32;
        let df = self.index.document_frequency(term) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25 term-frequency saturation per field, weighted per field and summed.
    fn field_score(&self, tf: &[u8; FIELD_COUNT], passage: usize) -> f32 {
        let w = &self.weights;
        let lengths = &self.index.lengths[passage];
        let mut score = 0.0;
        for f in 0..FIELD_COUNT {
            if tf[f] == 0 {
                continue;
            }
            let tf = tf[f] as f32;
            let norm = 1.0 - w.b + w.b * lengths[f] as f32 / self.index.avg_lengths[f];
            score += w.fields[f] * tf * (w.k1 + 1.0) / (tf + w.k1 * norm);
        }
        score
    }

    fn phrase_weight(&self, phrase: &[String]) -> f32 {
        phrase.iter().filter_map(|t| self.index.term_id(t)).map(|t| self.idf(t)).sum::<f32>().max(0.1)
    }

    /// Passages whose text holds the phrase word for word (after folding).
    fn phrase_passages(&self, phrase: &[String]) -> Vec<u32> {
        let Some(ids) = phrase.iter().map(|t| self.index.term_id(t)).collect::<Option<Vec<u32>>>() else {
            return Vec::new();
        };
        // Start from the rarest term's passages.
        let rarest = *ids.iter().min_by_key(|&&t| self.index.document_frequency(t)).expect("phrases have two or more terms");
        self.index.postings[rarest as usize]
            .iter()
            .map(|p| p.passage)
            .filter(|&p| ids.iter().all(|&t| self.index.posting(t, p).is_some_and(|q| q.tf[0] > 0)))
            .filter(|&p| !phrase_spans(&self.corpus.passages[p as usize].text, phrase).is_empty())
            .collect()
    }

    /// Sorted passages that mention an excluded word, another form of it or a compound with
    /// it (`-jeugd` also leaves out `jeugdzorg`).
    fn excluded_passages(&self, query: &Query) -> Vec<u32> {
        let mut out = Vec::new();
        for term in &query.excluded {
            let exact = self.index.term_id(term);
            let forms = self.index.terms_with_stem(&stem(term)).iter().chain(self.index.terms_with_part(term));
            for &t in exact.iter().chain(forms) {
                out.extend(self.index.postings[t as usize].iter().map(|p| p.passage));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn hit(&self, query: &Query, expansions: &[Vec<Expansion>], phrase_synonyms: &[Vec<Vec<String>>], passage: u32, score: f32, coverage: u32) -> Hit {
        let mut matched = Vec::new();
        for ((word, expansions), alternatives) in query.words.iter().zip(expansions).zip(phrase_synonyms) {
            let best = expansions
                .iter()
                .filter(|e| self.index.posting(e.term, passage).is_some())
                .min_by_key(|e| e.kind);
            if let Some(e) = best {
                matched.push(Match { query: word.term.clone(), term: self.index.terms[e.term as usize].clone(), kind: e.kind });
            } else if let Some(alt) = alternatives.iter().find(|a| !phrase_spans(&self.corpus.passages[passage as usize].text, a).is_empty()) {
                matched.push(Match { query: word.term.clone(), term: alt.join(" "), kind: MatchKind::Synonym });
            }
        }
        let text = &self.corpus.passages[passage as usize].text;
        let mut phrases_here = Vec::new();
        for phrase in &query.phrases {
            if !phrase_spans(text, phrase).is_empty() {
                matched.push(Match { query: phrase.join(" "), term: phrase.join(" "), kind: MatchKind::Phrase });
                phrases_here.push(phrase.clone());
            }
        }
        phrases_here.extend(phrase_synonyms.iter().flatten().cloned());
        let terms: Vec<&str> = matched.iter().filter(|m| m.kind != MatchKind::Phrase && !m.term.contains(' ')).map(|m| m.term.as_str()).collect();
        Hit {
            passage,
            document: self.corpus.passages[passage as usize].document,
            score,
            coverage,
            snippet: snippet(text, &terms, &phrases_here),
            matched,
        }
    }
}

/// Byte spans in `text` where the phrase occurs, word for word after folding.
pub fn phrase_spans(text: &str, phrase: &[String]) -> Vec<(usize, usize)> {
    let tokens: Vec<_> = analyze(text).into_iter().filter(|t| !text[t.start..t.end].contains(|c: char| !c.is_alphanumeric())).collect();
    let mut spans = Vec::new();
    if phrase.is_empty() || tokens.len() < phrase.len() {
        return spans;
    }
    for window in tokens.windows(phrase.len()) {
        if window.iter().zip(phrase).all(|(t, p)| &t.term == p) {
            spans.push((window[0].start, window[phrase.len() - 1].end));
        }
    }
    spans
}

/// The set of ASCII letters and digits (folded to 32 bits) a term uses.
fn letter_set(term: &str) -> u32 {
    term.bytes().fold(0, |set, b| match b {
        b'a'..=b'z' => set | 1 << (b - b'a'),
        b'0'..=b'9' => set | 1 << 26,
        _ => set | 1 << 27,
    })
}

/// Snowball sometimes gives unrelated words one stem (`wet`, `weet`); a stem match must also
/// share the start of the word: at least 3 characters and 60 % of the shorter one.
fn shares_root(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 3.max((shorter * 3).div_ceil(5))
}

/// Optimal string alignment distance with reusable rows.
#[derive(Default)]
struct EditDistance {
    rows: [Vec<usize>; 3],
}

impl EditDistance {
    /// Whether `a` and `b` are at most `max` edits apart (insert, delete, substitute, swap).
    fn within(&mut self, a: &[char], b: &[char], max: usize) -> bool {
        self.distance(a, b, max) <= max
    }

    /// The distance, or anything above `max` once it is sure to exceed it.
    fn distance(&mut self, a: &[char], b: &[char], max: usize) -> usize {
        let (n, m) = (a.len(), b.len());
        if n.abs_diff(m) > max {
            return max + 1;
        }
        let [prev2, prev, cur] = &mut self.rows;
        for row in [&mut *prev2, &mut *prev, &mut *cur] {
            row.clear();
            row.resize(m + 1, 0);
        }
        prev.iter_mut().enumerate().for_each(|(j, v)| *v = j);
        for i in 1..=n {
            cur[0] = i;
            let mut row_min = i;
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(prev2[j - 2] + 1);
                }
                cur[j] = v;
                row_min = row_min.min(v);
            }
            if row_min > max {
                return max + 1;
            }
            std::mem::swap(prev2, prev);
            std::mem::swap(prev, cur);
        }
        prev[m]
    }
}

#[cfg(test)]
mod tests {
    use super::EditDistance;

    #[test]
    fn edit_distance_counts_typos() {
        let mut ed = EditDistance::default();
        let mut d = |a: &str, b: &str| ed.distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), 2);
        assert_eq!(d("participatiewt", "participatiewet"), 1);
        assert_eq!(d("bezuinigngen", "bezuinigingen"), 1);
        assert_eq!(d("zrog", "zorg"), 1);
        assert_eq!(d("gemeente", "gemeente"), 0);
        assert_eq!(d("abc", "xyzxyz"), 3);
    }
}
