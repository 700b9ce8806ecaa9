//! Planning a query: from what the reader typed to clauses over the vocabulary.
//!
//! Terms:
//! - a *clause* is one thing the query asks for: a word, a quoted phrase, or a run of words
//!   that is a multi-word synonym (`wet maatschappelijke ondersteuning`, also found as `wmo`).
//!   Matching a clause earns a passage its coverage bits: one per word or phrase;
//! - an *expansion* is a corpus term a clause stands for, with the kind of match (the word
//!   itself, another form, a synonym, a longer word being typed, a compound, a near spelling)
//!   and the weight that kind carries;
//! - a *phrase alternative* is a sequence of terms a clause matches word for word: the quoted
//!   phrase itself, or a multi-word synonym.
//!
//! Every expansion list is capped, so a query costs a bounded amount of work whatever it says.

use std::borrow::Cow;

use super::query::{Query, Word};
use super::results::MatchKind;
use super::spelling;
use super::weights::RankingWeights;
use crate::index::Index;
use crate::text::{stem, PartKind};

/// At most this many longer words per word being typed, compounds per word, near spellings
/// per word; the most frequent are kept.
pub const MAX_PREFIX_TERMS: usize = 48;
pub const MAX_COMPOUND_TERMS: usize = 64;
pub const MAX_TYPO_TERMS: usize = 8;

#[derive(Debug, Clone)]
pub(super) struct Clause<'q> {
    /// What the reader typed for it (folded), to explain a match.
    pub label: Cow<'q, str>,
    /// The coverage bits a match earns; 0 for stop words beside other words.
    pub mask: u32,
    /// Factor on every match (stop words beside other words weigh less).
    pub factor: f32,
    /// The idf no expansion may exceed: the idf of the word or phrase itself.
    pub cap: f32,
    pub terms: Vec<Expansion>,
    pub phrases: Vec<PhraseAlternative<'q>>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Expansion {
    pub term: u32,
    pub kind: MatchKind,
    pub weight: f32,
}

#[derive(Debug, Clone)]
pub(super) struct PhraseAlternative<'q> {
    /// Borrowed from the query or the synonym list: planning copies no words.
    pub terms: Cow<'q, [String]>,
    pub kind: MatchKind,
    pub weight: f32,
    /// The phrase's [`Planner::phrase_idf`].
    pub idf: f32,
}

/// What planning asks of the index about one term, asked once: its id, its stem, and the
/// terms that hold it or its stem as a part (as the index codes them, see
/// [`Index::part_codes`]).
struct Lookup<'s> {
    term: &'s str,
    id: Option<u32>,
    stem: Cow<'s, str>,
    parts: [&'s [u32]; 2],
}

impl Lookup<'_> {
    /// The terms that hold the term or its stem as a part of this kind.
    fn holders(&self, kind: PartKind) -> impl Iterator<Item = u32> + Clone + '_ {
        let form = u32::from(kind == PartKind::Form);
        self.parts
            .iter()
            .flat_map(|codes| codes.iter())
            .filter(move |&&code| code & 1 == form)
            .map(|&code| code >> 1)
    }
}

/// Turns queries into clauses over one index: the index, the ranking weights, and what
/// planning reads of the index for every query, gathered once.
pub(super) struct Planner<'a> {
    index: &'a Index<'a>,
    weights: RankingWeights,
    /// For each synonym group, the stems of its one-word entries (`None` for phrases).
    synonym_stems: Vec<Vec<Option<String>>>,
    /// The vocabulary's letter sets, for near spellings (see [`spelling`]).
    letter_sets: Vec<u32>,
    /// Per term, its idf over the `passages` searched.
    idfs: Vec<f32>,
}

impl<'a> Planner<'a> {
    pub fn new(index: &'a Index<'a>, weights: RankingWeights, passages: usize) -> Self {
        let synonym_stems = index
            .synonyms()
            .iter()
            .map(|g| g.entries.iter().map(|e| (e.len() == 1).then(|| stem(&e[0]))).collect())
            .collect();
        let idfs = (0..index.term_count() as u32)
            .map(|t| idf(passages, index.document_frequency(t)))
            .collect();
        Planner { index, weights, synonym_stems, letter_sets: spelling::letter_sets(index), idfs }
    }

    pub fn weights(&self) -> &RankingWeights {
        &self.weights
    }

    pub fn idf(&self, term: u32) -> f32 {
        self.idfs[term as usize]
    }

    /// The clauses of a query: its words, then its phrases, then multi-word synonyms in it.
    pub fn plan<'q>(&'q self, query: &'q Query) -> Vec<Clause<'q>> {
        let only_stop = query.only_stop_words();
        let counts = |w: &Word| !w.stop || only_stop;
        let mut clauses: Vec<Clause> = query
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| self.word_clause(w, if counts(w) { 1 << i } else { 0 }))
            .collect();
        for (k, phrase) in query.phrases.iter().enumerate() {
            clauses.push(self.phrase_clause(phrase, 1 << (query.words.len() + k)));
        }
        for (start, entry) in self.synonym_runs(query) {
            let mask = (start..start + entry.len())
                .filter(|&i| counts(&query.words[i]))
                .fold(0, |m, i| m | 1 << i);
            clauses.push(self.phrase_synonym_clause(entry, mask));
        }
        clauses
    }

    /// Vocabulary terms within `max` edits of `term`, closest and most frequent first.
    pub fn near(&self, term: &str, max: usize, limit: usize) -> Vec<u32> {
        spelling::near(self.index, &self.letter_sets, term, max, limit)
    }

    /// The terms an exclusion of `term` leaves out: the word in every form, and every term
    /// that holds it as a part (`-jeugd` also leaves out `jeugdzorg`).
    pub fn excluded_terms(&self, term: &str) -> Vec<u32> {
        let look = self.lookup(term);
        let mut forms = Vec::new();
        self.add_forms(&mut forms, &look, MatchKind::Exact, 0.0);
        forms.iter().map(|e| e.term).chain(look.holders(PartKind::Compound)).collect()
    }

    fn word_clause<'q>(&'q self, word: &'q Word, mask: u32) -> Clause<'q> {
        let w = &self.weights;
        // Everything planning asks of the index about the word, asked once.
        let look = self.lookup(&word.term);
        let groups = if word.exact { Vec::new() } else { self.synonym_groups(word, &look.stem) };
        let mut clause = Clause {
            label: Cow::Borrowed(&word.term),
            mask,
            factor: if mask == 0 { w.stop_word } else { 1.0 },
            cap: look.id.map_or(f32::INFINITY, |t| self.idf(t)),
            terms: self.expand(word, &look, &groups),
            phrases: Vec::new(),
        };
        if !word.stop {
            // The groups' entries of more than one word (never the word itself).
            for &g in &groups {
                let group = &self.index.synonyms()[g as usize];
                for entry in group.entries.iter().filter(|e| e.len() > 1) {
                    clause.phrases.push(PhraseAlternative {
                        terms: Cow::Borrowed(entry),
                        kind: MatchKind::Synonym,
                        weight: w.synonym,
                        idf: self.phrase_idf(entry),
                    });
                }
            }
        }
        clause
    }

    /// A quoted phrase, and its synonyms if it is an entry of the list.
    fn phrase_clause<'q>(&'q self, phrase: &'q [String], mask: u32) -> Clause<'q> {
        let mut clause = self.phrase_synonym_clause(phrase, mask);
        clause.phrases.insert(
            0,
            PhraseAlternative {
                terms: Cow::Borrowed(phrase),
                kind: MatchKind::Phrase,
                weight: self.weights.phrase,
                idf: self.phrase_idf(phrase),
            },
        );
        clause
    }

    /// A clause for the other entries of the synonym groups that hold the multi-word `entry`.
    fn phrase_synonym_clause<'q>(&'q self, entry: &[String], mask: u32) -> Clause<'q> {
        let mut clause = Clause {
            label: Cow::Owned(entry.join(" ")),
            mask,
            factor: 1.0,
            cap: self.phrase_idf(entry),
            terms: Vec::new(),
            phrases: Vec::new(),
        };
        let groups = self.index.synonyms().iter().filter(|g| g.entries.iter().any(|e| e == entry));
        let others = groups.flat_map(|g| &g.entries).filter(|e| e.as_slice() != entry);
        for other in others {
            match other.as_slice() {
                [term] => self.add_forms(
                    &mut clause.terms,
                    &self.lookup(term),
                    MatchKind::Synonym,
                    self.weights.synonym,
                ),
                terms => clause.phrases.push(PhraseAlternative {
                    terms: Cow::Borrowed(terms),
                    kind: MatchKind::Synonym,
                    weight: self.weights.synonym,
                    idf: self.phrase_idf(terms),
                }),
            }
        }
        dedup(&mut clause.terms);
        clause
    }

    /// Runs of the query's words that spell a multi-word synonym: (first word, entry).
    fn synonym_runs<'s>(
        &'s self,
        query: &'s Query,
    ) -> impl Iterator<Item = (usize, &'s [String])> + 's {
        let entries = self.index.synonyms().iter().flat_map(|g| &g.entries);
        entries.filter(|e| e.len() > 1).flat_map(move |entry| {
            let windows = query.words.windows(entry.len()).enumerate();
            windows
                .filter(move |(_, run)| run.iter().zip(entry).all(|(w, t)| &w.term == t))
                .map(move |(i, _)| (i, entry.as_slice()))
        })
    }

    /// The corpus terms a query word stands for, best kind first, each once; `groups` are
    /// the word's synonym groups (see [`Planner::synonym_groups`]).
    fn expand(&self, word: &Word, look: &Lookup, groups: &[u32]) -> Vec<Expansion> {
        let w = &self.weights;
        let mut out = Vec::new();
        if let Some(t) = look.id {
            push(&mut out, t, MatchKind::Exact, w.exact);
        }
        if word.exact {
            return out;
        }
        self.add_forms(&mut out, look, MatchKind::Stem, w.stem);
        for (entry, entry_stem) in self.synonym_entries(word, groups) {
            if let ([term], Some(entry_stem)) = (entry.as_slice(), entry_stem) {
                self.add_forms(
                    &mut out,
                    &self.lookup_stemmed(term, Cow::Borrowed(entry_stem)),
                    MatchKind::Synonym,
                    w.synonym,
                );
            }
        }
        if word.prefix {
            self.push_most_frequent(
                &mut out,
                self.index.prefix_range(&word.term),
                MAX_PREFIX_TERMS,
                MatchKind::Prefix,
                w.prefix,
            );
        }
        if !word.stop {
            self.push_most_frequent(
                &mut out,
                look.holders(PartKind::Compound),
                MAX_COMPOUND_TERMS,
                MatchKind::Compound,
                w.compound,
            );
        }
        let found_word = out
            .iter()
            .any(|e| matches!(e.kind, MatchKind::Exact | MatchKind::Stem | MatchKind::Prefix));
        if !found_word && !word.stop {
            let max = spelling::allowance(word.term.chars().count());
            for t in self.near(&word.term, max, MAX_TYPO_TERMS) {
                push(&mut out, t, MatchKind::Typo, w.typo);
            }
        }
        dedup(&mut out);
        out
    }

    /// A term's [`Lookup`].
    fn lookup<'s>(&'s self, term: &'s str) -> Lookup<'s> {
        let id = self.index.term_id(term);
        // A word of the corpus has its stem stored, which spares running the stemmer.
        let stem = id.map_or_else(|| Cow::Owned(stem(term)), |t| self.index.stem_of(t));
        self.lookup_with(term, id, stem)
    }

    /// A term's [`Lookup`], its stem known.
    fn lookup_stemmed<'s>(&'s self, term: &'s str, stem: Cow<'s, str>) -> Lookup<'s> {
        self.lookup_with(term, self.index.term_id(term), stem)
    }

    fn lookup_with<'s>(&'s self, term: &'s str, id: Option<u32>, stem: Cow<'s, str>) -> Lookup<'s> {
        let of_stem = if stem == term { &[][..] } else { self.index.part_codes(&stem) };
        Lookup { term, id, parts: [self.index.part_codes_of(id, term), of_stem], stem }
    }

    /// The term itself and its other forms: the terms with its stem that share its root, and
    /// the terms that are it with an inflection ending.
    fn add_forms(&self, out: &mut Vec<Expansion>, look: &Lookup, kind: MatchKind, weight: f32) {
        if let Some(t) = look.id {
            push(out, t, kind, weight);
        }
        for &t in self.index.terms_with_stem(&look.stem) {
            if shares_root(look.term, self.index.term(t)) {
                push(out, t, kind, weight);
            }
        }
        for t in look.holders(PartKind::Form) {
            push(out, t, kind, weight);
        }
    }

    /// The synonym groups that hold the word, or a word with its stem, in group order.
    fn synonym_groups(&self, word: &Word, word_stem: &str) -> Vec<u32> {
        let groups = self.index.synonyms().iter().zip(&self.synonym_stems);
        let holds = |(e, s): (&Vec<String>, &Option<String>)| {
            e.len() == 1 && (e[0] == word.term || s.as_deref() == Some(word_stem))
        };
        (0..)
            .zip(groups)
            .filter(|(_, (group, stems))| group.entries.iter().zip(stems.iter()).any(holds))
            .map(|(g, _)| g)
            .collect()
    }

    /// The entries of the word's synonym `groups` other than the word itself, each with its
    /// stem if it is one word.
    fn synonym_entries<'s: 'g, 'g>(
        &'s self,
        word: &'g Word,
        groups: &'g [u32],
    ) -> impl Iterator<Item = (&'s Vec<String>, Option<&'s str>)> + 'g {
        groups.iter().flat_map(move |&g| {
            let (group, stems) =
                (&self.index.synonyms()[g as usize], &self.synonym_stems[g as usize]);
            let others = group
                .entries
                .iter()
                .zip(stems)
                .filter(move |(e, _)| !(e.len() == 1 && e[0] == word.term));
            others.map(|(e, s)| (e, s.as_deref()))
        })
    }

    /// Adds at most `max` of `terms`, the most frequent, in their given order otherwise (in
    /// term order if some were left out).
    fn push_most_frequent(
        &self,
        out: &mut Vec<Expansion>,
        terms: impl Iterator<Item = u32> + Clone,
        max: usize,
        kind: MatchKind,
        weight: f32,
    ) {
        if terms.clone().count() <= max {
            terms.for_each(|t| push(out, t, kind, weight));
            return;
        }
        let mut terms: Vec<u32> = terms.collect();
        crate::sort::sort_by_key(&mut terms, |&t| !(self.index.document_frequency(t) as u64));
        terms.truncate(max);
        crate::sort::sort_by_key(&mut terms, |&t| u64::from(t));
        terms.dedup();
        terms.into_iter().for_each(|t| push(out, t, kind, weight));
    }

    /// The summed idf of a phrase's terms: how rare the phrase is, at most.
    pub fn phrase_idf(&self, terms: &[String]) -> f32 {
        let idfs = terms.iter().filter_map(|t| self.index.term_id(t)).map(|t| self.idf(t));
        idfs.sum::<f32>().max(0.1)
    }
}

/// BM25's idf of a term in `df` of `n` passages.
fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Adds an expansion; [`dedup`] later keeps each term's first, which is its best kind.
fn push(out: &mut Vec<Expansion>, term: u32, kind: MatchKind, weight: f32) {
    out.push(Expansion { term, kind, weight });
}

/// Keeps the first expansion of each term, in order.
fn dedup(out: &mut Vec<Expansion>) {
    let mut kept = 0;
    for i in 0..out.len() {
        if !out[..kept].iter().any(|e| e.term == out[i].term) {
            out.swap(kept, i);
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// Snowball sometimes gives unrelated words one stem (`wet`, `weten`); a stem match must also
/// share the start of the word: at least 3 characters and 60 % of the shorter one.
fn shares_root(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 3.max((shorter * 3).div_ceil(5))
}

#[cfg(test)]
mod tests {
    use super::{dedup, shares_root, Expansion, MatchKind};

    #[test]
    fn dedup_keeps_the_first_of_each_term_in_order() {
        for n in [5u32, 100] {
            let kinds = [MatchKind::Exact, MatchKind::Stem, MatchKind::Compound];
            let mut list: Vec<Expansion> = (0..3 * n)
                .map(|i| Expansion {
                    term: (i * 7) % n,
                    kind: kinds[(i / n) as usize],
                    weight: 1.0,
                })
                .collect();
            dedup(&mut list);
            let terms: Vec<u32> = list.iter().map(|e| e.term).collect();
            let expected: Vec<u32> = (0..n).map(|i| (i * 7) % n).collect();
            assert_eq!(terms, expected, "{n} terms");
            assert!(
                list.iter().all(|e| e.kind == MatchKind::Exact),
                "{n} terms: the first (best) kind is kept"
            );
        }
    }

    #[track_caller]
    fn check(a: &str, b: &str, expected: bool) {
        assert_eq!(shares_root(a, b), expected, "{a} ~ {b}");
    }

    #[test]
    fn stem_matches_share_a_root() {
        check("bezuinigingen", "bezuiniging", true);
        check("kwetsbaar", "kwetsbare", true);
        check("regels", "regel", true);
        check("ab", "ab", false);
        check("één", "eén", false);
    }
}
